package app.flowmarket.licensing.web;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import app.flowmarket.licensing.ImportLinks;
import app.flowmarket.shared.CurrentUser;
import app.flowmarket.shared.NotFoundException;
import app.flowmarket.shared.SiteSettings;
import app.flowmarket.shared.WorkflowId;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * "Copy import URL" on a purchased workflow: the library makes an expiring, signed link for its owner, and the link
 * answers n8n's "Import from URL" (from any origin, without cookies) with the raw JSON of the latest version.
 */
@Controller
class ImportLinkController {

    private final ImportLinks links;
    private final SiteSettings site;
    private final MessageSource messages;

    ImportLinkController(ImportLinks links, SiteSettings site, MessageSource messages) {
        this.links = links;
        this.site = site;
        this.messages = messages;
    }

    /** A new link as a page (it works without scripts) for the owner; anyone else learns nothing. */
    @GetMapping("/library/{workflowId}/import-link")
    String page(@AuthenticationPrincipal CurrentUser buyer, @PathVariable UUID workflowId, Model model) {
        model.addAttribute("url", create(buyer, workflowId));
        model.addAttribute("minutes", 15);
        return "licensing/import-link";
    }

    /** The same for the library's script, which copies it to the clipboard. */
    @GetMapping(value = "/library/{workflowId}/import-link", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Map<String, String>> json(@AuthenticationPrincipal CurrentUser buyer, @PathVariable UUID workflowId) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(Map.of("url", create(buyer, workflowId)));
    }

    private String create(CurrentUser buyer, UUID workflowId) {
        try {
            return site.url(links.create(buyer.account(), WorkflowId.of(workflowId)));
        } catch (ImportLinks.Refused e) {
            throw new NotFoundException("workflow");
        }
    }

    @GetMapping("/import/{workflowId}/{buyerId}/{expires}/{signature}")
    @CrossOrigin(originPatterns = "*", allowedHeaders = "*", methods = RequestMethod.GET, allowCredentials = "false", maxAge = 600)
    @ResponseBody
    ResponseEntity<?> open(@PathVariable String workflowId, @PathVariable String buyerId, @PathVariable String expires,
                           @PathVariable String signature) {
        try {
            byte[] file = links.open(workflowId, buyerId, expires, signature);
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).cacheControl(CacheControl.noStore())
                    .header("X-Content-Type-Options", "nosniff").body(file);
        } catch (ImportLinks.Refused e) {
            HttpStatus status = switch (e.reason()) {
                case EXPIRED -> HttpStatus.GONE;
                case NOT_OWNED -> HttpStatus.FORBIDDEN;
                case MALFORMED, TAMPERED, NO_FILE -> HttpStatus.NOT_FOUND;
            };
            String key = "import-link.error." + e.reason().name().toLowerCase().replace('_', '-');
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                    messages.getMessage(key, null, LocaleContextHolder.getLocale()));
            problem.setType(URI.create(site.url("/problems/import-link-" + e.reason().name().toLowerCase().replace('_', '-'))));
            problem.setTitle(messages.getMessage("import-link.error.title", null, LocaleContextHolder.getLocale()));
            problem.setProperty("message", problem.getDetail());
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).cacheControl(CacheControl.noStore())
                    .body(problem);
        }
    }
}
