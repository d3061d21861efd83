package app.flowmarket.moderation.web;

import java.util.UUID;

import app.flowmarket.moderation.Reports;
import app.flowmarket.shared.CurrentUser;
import app.flowmarket.shared.DomainException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** "Report": a small form (a reason from a list, an optional note) for a workflow, review, question or answer, signed in. */
@Controller
class ReportController {

    private final Reports reports;

    ReportController(Reports reports) {
        this.reports = reports;
    }

    @GetMapping("/report/{kind}/{id}")
    String form(@PathVariable String kind, @PathVariable UUID id, @AuthenticationPrincipal @Nullable CurrentUser reporter, Model model) {
        if (reporter == null) {
            return "redirect:/login";
        }
        return show(reports.reportable(kind, id), false, null, "", "", model);
    }

    @PostMapping("/report/{kind}/{id}")
    String report(@PathVariable String kind, @PathVariable UUID id, @AuthenticationPrincipal @Nullable CurrentUser reporter,
                  @RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "") String note,
                  jakarta.servlet.http.HttpServletResponse response, Model model) {
        if (reporter == null) {
            return "redirect:/login";
        }
        Reports.Reportable target = reports.reportable(kind, id);
        try {
            reports.report(reporter.actor(), kind, id, reason, note);
        } catch (DomainException e) {
            response.setStatus(422);
            return show(target, false, e, reason, note, model);
        }
        return show(target, true, null, reason, "", model);
    }

    private static String show(Reports.Reportable target, boolean done, @Nullable DomainException error, String reason, String note, Model model) {
        model.addAttribute("target", target);
        model.addAttribute("reasons", Reports.REASONS);
        model.addAttribute("done", done);
        model.addAttribute("errorKey", error == null ? null : error.messageKey());
        model.addAttribute("errorArgs", error == null ? new Object[0] : error.args());
        model.addAttribute("reason", reason);
        model.addAttribute("note", note);
        return "moderation/report";
    }
}
