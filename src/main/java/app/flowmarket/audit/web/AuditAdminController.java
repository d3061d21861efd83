package app.flowmarket.audit.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import app.flowmarket.audit.AuditLog;
import app.flowmarket.audit.AuditTrail;
import app.flowmarket.platform.Ui;
import app.flowmarket.shared.AreaPage;
import app.flowmarket.shared.CurrentUser;
import app.flowmarket.shared.DomainException;
import app.flowmarket.shared.NotFoundException;
import app.flowmarket.shared.TableWriter;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit log for admins: filter, page back in time, open an entry to see what it changed, export what the filter
 * shows as CSV. Read-only by design: there is no handler that edits or deletes an entry (and the database refuses it).
 */
@Controller
class AuditAdminController {

    private static final String[] COLUMNS = {"id", "time", "actor-id", "actor", "action", "target-type", "target", "details", "ip", "user-agent"};

    private final AuditTrail trail;
    private final AuditLog log;

    AuditAdminController(AuditTrail trail, AuditLog log) {
        this.trail = trail;
        this.log = log;
    }

    @GetMapping("/admin/audit")
    String list(@RequestParam(required = false) @Nullable String actor, @RequestParam(required = false) @Nullable String action,
                @RequestParam(required = false) @Nullable String targetType, @RequestParam(required = false) @Nullable String target,
                @RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
                @RequestParam(required = false) @Nullable String ip, @RequestParam(required = false) @Nullable String q,
                @RequestParam(required = false) @Nullable String after, Model model) {
        AuditTrail.Filter filter = new AuditTrail.Filter(actor, action, targetType, target, day(from), day(to), ip, q);
        model.addAttribute("filter", filter);
        model.addAttribute("page", trail.search(filter, after));
        model.addAttribute("actions", trail.actions());
        model.addAttribute("first", after == null || after.isBlank());
        model.addAttribute("exportUrl", exportUrl(filter));
        return "audit/admin";
    }

    @GetMapping("/admin/audit/{id}")
    String entry(@PathVariable long id, Model model) {
        var entry = trail.find(id).orElseThrow(() -> new NotFoundException("audit entry " + id));
        model.addAttribute("entry", entry);
        model.addAttribute("changes", AuditTrail.changes(entry));
        return "audit/entry";
    }

    @GetMapping("/admin/audit/export")
    void export(@AuthenticationPrincipal CurrentUser admin, @RequestParam(required = false) @Nullable String actor,
                @RequestParam(required = false) @Nullable String action, @RequestParam(required = false) @Nullable String targetType,
                @RequestParam(required = false) @Nullable String target, @RequestParam(required = false) @Nullable String from,
                @RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable String ip,
                @RequestParam(required = false) @Nullable String q, Model model, HttpServletResponse response) throws IOException {
        Ui ui = (Ui) java.util.Objects.requireNonNull(model.getAttribute("ui"));
        AuditTrail.Filter filter = new AuditTrail.Filter(actor, action, targetType, target, day(from), day(to), ip, q);
        // the export is itself an admin action: who took which part of the log home
        log.record(admin.id(), admin.email(), "audit.exported", "audit", null, describe(filter));
        response.setContentType(TableWriter.Format.CSV.contentType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("audit-log-" + LocalDate.now(ZoneOffset.UTC) + ".csv").build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        try (TableWriter table = TableWriter.open(TableWriter.Format.CSV, response.getOutputStream(), ui.t("audit.admin.title"))) {
            table.row(Arrays.stream(COLUMNS).map(c -> ui.t("audit.column." + c)).toList());
            trail.forEach(filter, entry -> {
                List<@Nullable Object> row = new ArrayList<>(COLUMNS.length);
                row.add(entry.id());
                row.add(entry.occurredAt().toString());
                row.add(entry.actorId() == null ? null : entry.actorId().toString());
                row.add(entry.actorLabel());
                row.add(entry.action());
                row.add(entry.targetType());
                row.add(entry.targetId());
                row.add(entry.details());
                row.add(entry.ip());
                row.add(entry.userAgent());
                table.row(row);
            });
        }
    }

    private static String exportUrl(AuditTrail.Filter filter) {
        var url = org.springframework.web.util.UriComponentsBuilder.fromPath("/admin/audit/export");
        param(url, "actor", filter.actor());
        param(url, "action", filter.action());
        param(url, "targetType", filter.targetType());
        param(url, "target", filter.targetId());
        param(url, "from", filter.from());
        param(url, "to", filter.to());
        param(url, "ip", filter.ip());
        param(url, "q", filter.words());
        return url.encode().build().toUriString();
    }

    private static void param(org.springframework.web.util.UriComponentsBuilder url, String name, @Nullable Object value) {
        if (value != null) {
            url.queryParam(name, value.toString());
        }
    }

    private static String describe(AuditTrail.Filter filter) {
        StringBuilder text = new StringBuilder();
        append(text, "actor", filter.actor());
        append(text, "action", filter.action());
        append(text, "target-type", filter.targetType());
        append(text, "target", filter.targetId());
        append(text, "from", filter.from());
        append(text, "to", filter.to());
        append(text, "ip", filter.ip());
        append(text, "q", filter.words());
        return text.isEmpty() ? "all" : text.toString();
    }

    private static void append(StringBuilder text, String name, @Nullable Object value) {
        if (value != null) {
            text.append(text.isEmpty() ? "" : " ").append(name).append('=').append(value);
        }
    }

    private static @Nullable LocalDate day(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new DomainException("audit.filter.date-invalid");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Pages {

        @Bean
        AreaPage auditAdminPage() {
            return AreaPage.admin("/admin/audit", "audit.admin.title", "admin.page.audit", 10);
        }
    }
}
