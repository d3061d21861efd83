package app.flowmarket.licensing.web;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import app.flowmarket.licensing.Licensing;
import app.flowmarket.shared.CurrentUser;
import app.flowmarket.shared.NotFoundException;
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

@Controller
class LibraryController {

    private final Licensing licensing;

    LibraryController(Licensing licensing) {
        this.licensing = licensing;
    }

    @GetMapping("/library")
    String library(@AuthenticationPrincipal CurrentUser buyer, Model model) {
        model.addAttribute("items", licensing.library(buyer.account()));
        model.addAttribute("licences", licensing.licences(buyer.account()));
        return "licensing/library";
    }

    /** The buyer's licence: its key, tier and terms. Only its buyer sees it; anyone else gets "not found". */
    @GetMapping("/library/licences/{key}")
    String licence(@AuthenticationPrincipal CurrentUser buyer, @PathVariable String key, Model model) {
        model.addAttribute("details", licensing.licence(buyer.account(), key).orElseThrow(() -> new NotFoundException("licence")));
        return "licensing/licence";
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
