package app.flowmarket.licensing.web;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import app.flowmarket.licensing.Licensing;
import app.flowmarket.shared.AccountId;
import app.flowmarket.shared.CurrentUser;
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
        return "licensing/library";
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
