package app.flowmarket.licensing.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import app.flowmarket.commerce.Carts;
import app.flowmarket.licensing.Licensing;
import app.flowmarket.platform.Flash;
import app.flowmarket.shared.CurrentUser;
import app.flowmarket.shared.DomainException;
import app.flowmarket.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

@Controller
class LibraryController {

    private final Licensing licensing;
    private final Carts carts;
    private final MessageSource messages;

    LibraryController(Licensing licensing, Carts carts, MessageSource messages) {
        this.licensing = licensing;
        this.carts = carts;
        this.messages = messages;
    }

    @GetMapping("/library")
    String library(@AuthenticationPrincipal CurrentUser buyer, Model model) {
        model.addAttribute("items", licensing.library(buyer.account()));
        model.addAttribute("licences", licensing.licences(buyer.account()));
        return "licensing/library";
    }

    /**
     * The buyer's licence: its key, tier and terms, its seats and the upgrades it can have, as plain forms. Only its buyer sees it;
     * anyone else gets "not found".
     */
    @GetMapping("/library/licences/{key}")
    String licence(@AuthenticationPrincipal CurrentUser buyer, @PathVariable String key, Model model) {
        Licensing.LicenceDetails details = licensing.licence(buyer.account(), key).orElseThrow(() -> new NotFoundException("licence"));
        model.addAttribute("details", details);
        model.addAttribute("upgrades", carts.upgradesOf(buyer.account(), details.licence().key()));
        return "licensing/licence";
    }

    /** The buyer gives a seat to an address; a rule it breaks (full, already there, not an address) shows on the licence page. */
    @PostMapping("/library/licences/{key}/seats")
    String assignSeat(@AuthenticationPrincipal CurrentUser buyer, @PathVariable String key, @RequestParam(required = false) @Nullable String email,
                      RedirectAttributes redirect) {
        try {
            Flash.success(redirect, "licence.seat.assigned", licensing.assignSeat(buyer.account(), key, email));
        } catch (DomainException e) {
            Flash.error(redirect, e);
        }
        return "redirect:" + licencePath(key) + "#seats";
    }

    /** "Are you sure?" before a seat is taken back, in the page's dialog or as a page of its own. */
    @GetMapping("/library/licences/{key}/seats/{seatId}/remove")
    String confirmRemoval(@AuthenticationPrincipal CurrentUser buyer, @PathVariable String key, @PathVariable UUID seatId, Model model) {
        Licensing.SeatHolder seat = licensing.seat(buyer.account(), key, seatId).orElseThrow(() -> new NotFoundException("seat"));
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("title", messages.getMessage("licence.seat.remove.title", new Object[] {seat.email()}, locale));
        model.addAttribute("consequences", List.of(
                messages.getMessage("licence.seat.remove.access", null, locale),
                messages.getMessage("licence.seat.remove.free", null, locale)));
        model.addAttribute("action", licencePath(key) + "/seats/" + seatId + "/remove");
        model.addAttribute("confirmLabel", messages.getMessage("licence.seat.remove.submit", null, locale));
        model.addAttribute("back", licencePath(key) + "#seats");
        model.addAttribute("danger", true);
        return "layout/confirm";
    }

    @PostMapping("/library/licences/{key}/seats/{seatId}/remove")
    String removeSeat(@AuthenticationPrincipal CurrentUser buyer, @PathVariable String key, @PathVariable UUID seatId, RedirectAttributes redirect) {
        Flash.success(redirect, "licence.seat.removed", licensing.removeSeat(buyer.account(), key, seatId));
        return "redirect:" + licencePath(key) + "#seats";
    }

    private static String licencePath(String key) {
        return "/library/licences/" + UriUtils.encodePathSegment(key.strip().toUpperCase(Locale.ROOT), StandardCharsets.UTF_8);
    }

    @GetMapping("/library/download/{versionId}")
    ResponseEntity<InputStreamResource> download(@AuthenticationPrincipal CurrentUser buyer, @PathVariable UUID versionId) {
        Licensing.Download download = licensing.download(buyer.account(), versionId);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(download.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(new InputStreamResource(download.content()));
    }
}
