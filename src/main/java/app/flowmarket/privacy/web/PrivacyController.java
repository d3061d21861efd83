package app.flowmarket.privacy.web;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import app.flowmarket.platform.Flash;
import app.flowmarket.privacy.AccountDeletions;
import app.flowmarket.privacy.DataExports;
import app.flowmarket.shared.CurrentUser;
import app.flowmarket.shared.DomainException;
import app.flowmarket.shared.NotFoundException;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Settings → Privacy: "Export my data" (progress, then the download) and "Delete my account". */
@Controller
class PrivacyController {

    private final DataExports exports;
    private final AccountDeletions deletions;
    private final PrivacyPage page;

    PrivacyController(DataExports exports, AccountDeletions deletions, PrivacyPage page) {
        this.exports = exports;
        this.deletions = deletions;
        this.page = page;
    }

    @GetMapping("/settings/privacy")
    String privacy(@AuthenticationPrincipal CurrentUser user, Model model) {
        return page.show(user, model, false);
    }

    @PostMapping("/settings/privacy/export")
    String export(@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        try {
            exports.request(user.account());
            Flash.success(redirect, "privacy.export.requested");
        } catch (DomainException e) {
            Flash.error(redirect, e);
        }
        return "redirect:/settings/privacy";
    }

    /** The progress box alone, which the page asks for every few seconds while an export is being built. */
    @GetMapping("/settings/privacy/export/progress")
    String progress(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("export", exports.latest(user.id()).orElse(null));
        return "privacy/export-status";
    }

    @GetMapping("/settings/privacy/export/{id}")
    ResponseEntity<InputStreamResource> download(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        InputStream zip = exports.download(user.id(), id).orElseThrow(() -> new NotFoundException("export"));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .cacheControl(CacheControl.noStore())
                .header("Content-Disposition", ContentDisposition.attachment()
                        .filename("flowmarket-data-" + LocalDate.now(ZoneOffset.UTC) + ".zip").build().toString())
                .body(new InputStreamResource(zip));
    }

    /** Asks for the deletion (password again); every session ends, this one too, and the person lands signed out. */
    @PostMapping("/settings/privacy/delete")
    String delete(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String password,
                  HttpServletRequest request, Model model, RedirectAttributes redirect) {
        java.time.Instant due;
        try {
            due = deletions.request(user.account(), password);
        } catch (DomainException e) {
            return page.show(user, model, true);
        }
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        org.springframework.security.core.context.SecurityContextHolder.clearContext();
        Flash.success(redirect, "privacy.delete.requested", page.date(due));
        return "redirect:/";
    }

    @PostMapping("/settings/privacy/delete/cancel")
    String cancel(@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        if (deletions.cancel(user.account())) {
            Flash.success(redirect, "privacy.delete.cancelled");
        }
        return "redirect:/settings/privacy";
    }
}
