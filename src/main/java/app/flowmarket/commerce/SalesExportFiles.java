package app.flowmarket.commerce;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongConsumer;

import app.flowmarket.account.AccountManagement;
import app.flowmarket.account.Person;
import app.flowmarket.shared.AccountId;
import app.flowmarket.shared.TableWriter;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A store's sold lines as a CSV or Excel file for its accountant, one row per sold line, written while they are read:
 * the same file whether it is sent at once or prepared in the background ({@link SalesExports}).
 */
@Component
public class SalesExportFiles {

    private static final String[] COLUMNS = {"date", "order", "item", "kind", "licence", "list-price", "discount", "price", "fee", "net",
            "currency", "status", "refunded-on", "country", "customer-email"};
    /** How often the progress is told, in rows. */
    static final int PROGRESS_EVERY = 1_000;

    private final SalesReport report;
    private final MessageSource messages;
    private final AccountManagement accounts;

    SalesExportFiles(SalesReport report, MessageSource messages, AccountManagement accounts) {
        this.report = report;
        this.messages = messages;
        this.accounts = accounts;
    }

    /** The file's name: the store, the days and the format. */
    public static String fileName(String storeSlug, LocalDate from, LocalDate to, TableWriter.Format format) {
        return "sales-" + storeSlug + "-" + from + "-" + to + "." + format.extension();
    }

    /** Writes the lines paid from {@code from} to {@code to} (UTC days), telling {@code progress} the rows written so far. */
    public void write(UUID storeId, LocalDate from, LocalDate to, TableWriter.Format format, Locale locale, OutputStream out,
                      LongConsumer progress) throws IOException {
        List<String> header = Arrays.stream(COLUMNS).map(c -> messages.getMessage("sales.export.column." + c, null, locale)).toList();
        String paid = messages.getMessage("sales.export.status.paid", null, locale);
        String refunded = messages.getMessage("sales.export.status.refunded", null, locale);
        long[] rows = {0};
        // the addresses of the buyers who agreed to share theirs with their sellers, looked up once each
        Map<UUID, String> emails = new HashMap<>();
        Map<String, String> tiers = new HashMap<>();
        Map<String, String> kinds = new HashMap<>();
        try (TableWriter table = TableWriter.open(format, out, messages.getMessage("sales.title", null, locale))) {
            table.row(header);
            report.forEach(storeId, from, to, sale -> {
                List<Object> row = new ArrayList<>(COLUMNS.length);
                row.add(LocalDate.ofInstant(sale.paidAt(), ZoneOffset.UTC));
                row.add(sale.orderNumber());
                row.add(sale.title());
                // an upgrade is told apart from a sale of the licence it raises: revenue, but not a second sale (decision 49)
                row.add(kinds.computeIfAbsent(sale.upgrade() ? "upgrade" : sale.kind().name().toLowerCase(Locale.ROOT),
                        kind -> messages.getMessage("sales.export.kind." + kind, null, kind, locale)));
                row.add(tiers.computeIfAbsent(sale.licenceTier(),
                        tier -> messages.getMessage("licence.tier." + tier.toLowerCase(Locale.ROOT), null, tier, locale)));
                row.add(sale.list().toDecimal());
                row.add(sale.discount().toDecimal());
                row.add(sale.net().toDecimal());
                row.add(sale.fee().toDecimal());
                row.add(sale.sellerShare().toDecimal());
                row.add(sale.net().currency().getCurrencyCode());
                row.add("REFUNDED".equals(sale.status()) ? refunded : paid);
                row.add(sale.refundedAt() == null ? null : LocalDate.ofInstant(sale.refundedAt(), ZoneOffset.UTC));
                row.add(sale.buyerCountry());
                UUID buyer = sale.consentingBuyer();
                row.add(buyer == null ? null : emails.computeIfAbsent(buyer,
                        id -> accounts.person(AccountId.of(id)).map(Person::email).orElse("")));
                table.row(row);
                if (++rows[0] % PROGRESS_EVERY == 0) {
                    progress.accept(rows[0]);
                }
            });
        }
        progress.accept(rows[0]);
    }
}
