package app.flowmarket.commerce.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import app.flowmarket.commerce.SalesReport;
import app.flowmarket.shared.AccountId;
import app.flowmarket.shared.CurrentUser;
import app.flowmarket.shared.DomainException;
import app.flowmarket.shared.TableWriter;
import app.flowmarket.store.StoreManagement;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * A seller's sales as a file for their accountant, CSV or Excel, for the days they choose (all of them
 * by default): one row per sold line, with the amounts as numbers and the currency beside them. Written
 * while it is read, so a large export takes time, not memory.
 */
@Controller
class SalesExportController {

    private static final String[] COLUMNS = {"date", "order", "item", "kind", "list-price", "discount", "price", "fee", "net", "currency",
            "status", "refunded-on"};

    private final SalesReport report;
    private final StoreManagement stores;
    private final MessageSource messages;

    SalesExportController(SalesReport report, StoreManagement stores, MessageSource messages) {
        this.report = report;
        this.stores = stores;
        this.messages = messages;
    }

    @GetMapping("/seller/sales/export")
    void export(@AuthenticationPrincipal CurrentUser seller, @RequestParam(required = false) @Nullable String format,
                @RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
                jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response) throws IOException {
        var store = stores.findByOwner(seller.account()).orElseThrow(() -> new DomainException("store.none"));
        TableWriter.Format chosen = TableWriter.Format.of(format);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate first = day(from, LocalDate.of(2000, 1, 1));
        LocalDate last = day(to, today);
        if (last.isBefore(first)) {
            throw new DomainException("dashboard.period.reversed");
        }
        var locale = RequestContextUtils.getLocale(request);
        List<String> header = Arrays.stream(COLUMNS).map(c -> messages.getMessage("sales.export.column." + c, null, locale)).toList();
        response.setContentType(chosen.contentType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("sales-" + store.slug() + "-" + first + "-" + last + "." + chosen.extension()).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        String paid = messages.getMessage("sales.export.status.paid", null, locale);
        String refunded = messages.getMessage("sales.export.status.refunded", null, locale);
        try (TableWriter table = TableWriter.open(chosen, response.getOutputStream(), messages.getMessage("sales.title", null, locale))) {
            table.row(header);
            report.forEach(store.id(), first, last, sale -> {
                List<Object> row = new ArrayList<>(COLUMNS.length);
                row.add(LocalDate.ofInstant(sale.paidAt(), ZoneOffset.UTC));
                row.add(sale.orderNumber());
                row.add(sale.title());
                row.add(sale.kind().name().toLowerCase(java.util.Locale.ROOT));
                row.add(sale.list().toDecimal());
                row.add(sale.discount().toDecimal());
                row.add(sale.net().toDecimal());
                row.add(sale.fee().toDecimal());
                row.add(sale.sellerShare().toDecimal());
                row.add(sale.net().currency().getCurrencyCode());
                row.add("REFUNDED".equals(sale.status()) ? refunded : paid);
                row.add(sale.refundedAt() == null ? null : LocalDate.ofInstant(sale.refundedAt(), ZoneOffset.UTC));
                table.row(row);
            });
        }
    }

    private static LocalDate day(@Nullable String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new DomainException("dashboard.period.invalid");
        }
    }
}
