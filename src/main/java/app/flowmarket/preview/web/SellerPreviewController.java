package app.flowmarket.preview.web;

import java.io.IOException;
import java.util.UUID;

import app.flowmarket.platform.Flash;
import app.flowmarket.preview.Previews;
import app.flowmarket.shared.CurrentUser;
import app.flowmarket.shared.DomainException;
import app.flowmarket.shared.WorkflowId;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The "Free preview" section of a seller's workflow form: off, derived from the latest version, or a file of their own. */
@Controller
class SellerPreviewController {

    private final Previews previews;

    SellerPreviewController(Previews previews) {
        this.previews = previews;
    }

    /** Loaded into the edit page by htmx; also a page of its own without JavaScript. */
    @GetMapping("/seller/workflows/{id}/preview")
    String section(@AuthenticationPrincipal CurrentUser seller, @PathVariable UUID id,
                   @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, Model model) {
        model.addAttribute("workflowId", id);
        model.addAttribute("page", htmx == null);
        model.addAttribute("settings", previews.settings(seller.account(), WorkflowId.of(id)));
        return "preview/seller";
    }

    @PostMapping("/seller/workflows/{id}/preview")
    String save(@AuthenticationPrincipal CurrentUser seller, @PathVariable UUID id, @RequestParam(defaultValue = "") String mode,
                @RequestParam(value = "file", required = false) @Nullable MultipartFile file, RedirectAttributes redirect) throws IOException {
        WorkflowId workflow = WorkflowId.of(id);
        try {
            switch (mode) {
                case "DERIVED" -> previews.deriveAutomatically(seller.actor(), workflow);
                case "UPLOADED" -> {
                    if (file == null || file.isEmpty()) {
                        if (previews.settings(seller.account(), workflow).offer().mode() != Previews.Mode.UPLOADED) {
                            throw new DomainException("preview.upload.missing");
                        }
                    } else {
                        previews.upload(seller.actor(), workflow, String.valueOf(file.getOriginalFilename()), file.getBytes());
                    }
                }
                default -> previews.turnOff(seller.actor(), workflow);
            }
            Flash.success(redirect, "preview.saved");
        } catch (DomainException e) {
            Flash.error(redirect, e);
        }
        return "redirect:/seller/workflows/" + id + "/edit#preview-h";
    }
}
