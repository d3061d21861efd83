package app.flowmarket.commerce;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.LongConsumer;

import app.flowmarket.shared.TableWriter;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A store's sold lines as a CSV or Excel file for its accountant, one row per sold line, written while they are read:
 * the same file whether it is sent at once or prepared in the background ({@link SalesExports}).
 */
@Component
public class SalesExportFiles {

    private static final String[] COLUMNS = {"date", "order", "item", "kind", "list-price", "discount", "price", "fee", "net", "currency",
            "status", "refunded-on"};
    /** How often the progress is told, in rows. */
    static final int PROGRESS_EVERY = 1_000;

    private final SalesReport report;
    private final MessageSource messages;

    SalesExportFiles(SalesReport report, MessageSource messages) {
        this.report = report;
        this.messages = messages;
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
        try (TableWriter table = TableWriter.open(format, out, messages.getMessage("sales.title", null, locale))) {
            table.row(header);
            report.forEach(storeId, from, to, sale -> {
                List<Object> row = new ArrayList<>(COLUMNS.length);
                row.add(LocalDate.ofInstant(sale.paidAt(), ZoneOffset.UTC));
                row.add(sale.orderNumber());
                row.add(sale.title());
                row.add(sale.kind().name().toLowerCase(Locale.ROOT));
                row.add(sale.list().toDecimal());
                row.add(sale.discount().toDecimal());
                row.add(sale.net().toDecimal());
                row.add(sale.fee().toDecimal());
                row.add(sale.sellerShare().toDecimal());
                row.add(sale.net().currency().getCurrencyCode());
                row.add("REFUNDED".equals(sale.status()) ? refunded : paid);
                row.add(sale.refundedAt() == null ? null : LocalDate.ofInstant(sale.refundedAt(), ZoneOffset.UTC));
                table.row(row);
                if (++rows[0] % PROGRESS_EVERY == 0) {
                    progress.accept(rows[0]);
                }
            });
        }
        progress.accept(rows[0]);
    }
}
