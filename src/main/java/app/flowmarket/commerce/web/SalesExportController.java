package app.flowmarket.commerce.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import app.flowmarket.commerce.SalesExportFiles;
import app.flowmarket.commerce.SalesExports;
import app.flowmarket.shared.CurrentUser;
import app.flowmarket.shared.DomainException;
import app.flowmarket.shared.NotFoundException;
import app.flowmarket.shared.StoreId;
import app.flowmarket.shared.TableWriter;
import app.flowmarket.store.StoreManagement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * A seller's sales as a file for their accountant, CSV or Excel, for the days they choose (all of them by default):
 * one row per sold line, with the amounts as numbers and the currency beside them. Sent as it is read, so a large
 * export takes time, not memory; or, for long periods, prepared in the background with its progress shown and a
 * download link when it is ready.
 */
@Controller
class SalesExportController {

    private final SalesExportFiles files;
    private final SalesExports exports;
    private final StoreManagement stores;

    SalesExportController(SalesExportFiles files, SalesExports exports, StoreManagement stores) {
        this.files = files;
        this.exports = exports;
        this.stores = stores;
    }

    private record Days(LocalDate from, LocalDate to) {
    }

    @GetMapping("/seller/sales/export")
    void export(@AuthenticationPrincipal CurrentUser seller, @RequestParam(required = false) @Nullable String format,
                @RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
                HttpServletRequest request, HttpServletResponse response) throws IOException {
        var store = stores.findByOwner(seller.account()).orElseThrow(() -> new DomainException("store.none"));
        TableWriter.Format chosen = TableWriter.Format.of(format);
        Days days = days(from, to);
        response.setContentType(chosen.contentType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(SalesExportFiles.fileName(store.slug(), days.from(), days.to(), chosen)).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        files.write(store.id(), days.from(), days.to(), chosen, RequestContextUtils.getLocale(request), response.getOutputStream(), rows -> {
        });
    }

    /** The same file prepared in the background: the seller is taken to its progress. */
    @PostMapping("/seller/sales/exports")
    String prepare(@AuthenticationPrincipal CurrentUser seller, @RequestParam(required = false) @Nullable String format,
                   @RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
                   HttpServletRequest request) {
        var store = stores.findByOwner(seller.account()).orElseThrow(() -> new DomainException("store.none"));
        Days days = days(from, to);
        UUID id = exports.start(StoreId.of(store.id()), TableWriter.Format.of(format), days.from(), days.to(), RequestContextUtils.getLocale(request));
        return "redirect:/seller/sales/exports/" + id;
    }

    @GetMapping("/seller/sales/exports/{id}")
    String progress(@AuthenticationPrincipal CurrentUser seller, @PathVariable UUID id, Model model) {
        model.addAttribute("export", export(seller, id));
        return "commerce/sales-export";
    }

    /** The progress alone, polled by the page. */
    @GetMapping("/seller/sales/exports/{id}/progress")
    String progressFragment(@AuthenticationPrincipal CurrentUser seller, @PathVariable UUID id, Model model) {
        model.addAttribute("export", export(seller, id));
        return "commerce/sales-export-status";
    }

    @GetMapping("/seller/sales/exports/{id}/download")
    void download(@AuthenticationPrincipal CurrentUser seller, @PathVariable UUID id, HttpServletResponse response) throws IOException {
        var store = stores.findByOwner(seller.account()).orElseThrow(() -> new NotFoundException("export"));
        SalesExports.Download file = exports.download(StoreId.of(store.id()), id, store.slug()).orElseThrow(() -> new NotFoundException("export"));
        response.setContentType(file.contentType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.fileName()).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        try (InputStream in = file.content()) {
            in.transferTo(response.getOutputStream());
        }
    }

    /** The signed-in seller's own export; another store's is not found (the same answer as none at all). */
    private SalesExports.ExportView export(CurrentUser seller, UUID id) {
        var store = stores.findByOwner(seller.account()).orElseThrow(() -> new NotFoundException("export"));
        return exports.find(StoreId.of(store.id()), id).orElseThrow(() -> new NotFoundException("export"));
    }

    private static Days days(@Nullable String from, @Nullable String to) {
        LocalDate first = day(from, LocalDate.of(2000, 1, 1));
        LocalDate last = day(to, LocalDate.now(ZoneOffset.UTC));
        if (last.isBefore(first)) {
            throw new DomainException("dashboard.period.reversed");
        }
        return new Days(first, last);
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
