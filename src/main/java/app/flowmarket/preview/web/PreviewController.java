package app.flowmarket.preview.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import app.flowmarket.preview.Previews;
import app.flowmarket.preview.WorkflowGraph;
import app.flowmarket.shared.CurrentUser;
import app.flowmarket.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseBody;

/** The workflow graph anyone may see, and the free preview: stated on the workflow page, downloaded once signed in. */
@Controller
class PreviewController {

    private final Previews previews;

    PreviewController(Previews previews) {
        this.previews = previews;
    }

    /**
     * The graph of the latest version. Its ETag is that version's id (versions never change): browsers and proxies keep it
     * and ask again each time, and a new version answers with its own graph at once. A seller's draft is theirs only.
     */
    @GetMapping(value = "/workflows/{slug}/graph.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<WorkflowGraph> graph(@PathVariable String slug, @AuthenticationPrincipal @Nullable CurrentUser viewer,
                                        @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) @Nullable String ifNoneMatch) {
        Previews.VersionedGraph graph = previews.graph(slug, viewer == null ? null : viewer.account(), viewer != null && viewer.isAdmin())
                .orElseThrow(() -> new NotFoundException("workflow"));
        String etag = "\"graph-1-" + graph.versionId() + "\"";
        CacheControl cache = graph.published() ? CacheControl.maxAge(0, TimeUnit.SECONDS).cachePublic().mustRevalidate()
                : CacheControl.noStore().cachePrivate();
        if (graph.published() && ifNoneMatch != null && ifNoneMatch.contains(etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(cache).build();
        }
        var answer = ResponseEntity.ok().cacheControl(cache).header("X-Content-Type-Options", "nosniff");
        if (graph.published()) {
            answer = answer.eTag(etag);
        }
        return answer.body(graph.graph());
    }

    /** "Free preview: …" and its download button, loaded into the workflow page by htmx (the page itself is cached). */
    @GetMapping("/workflows/{slug}/preview-offer")
    String offer(@PathVariable String slug, @AuthenticationPrincipal @Nullable CurrentUser viewer, Model model) {
        model.addAttribute("slug", slug);
        model.addAttribute("offer", previews.offer(slug, viewer == null ? null : viewer.account()));
        model.addAttribute("signedIn", viewer != null);
        return "preview/offer";
    }

    /** The preview file for anyone signed in; a visitor is sent to sign in and brought back here. */
    @GetMapping("/workflows/{slug}/preview")
    Object download(@PathVariable String slug, @AuthenticationPrincipal @Nullable CurrentUser viewer) {
        if (viewer == null) {
            return "redirect:/login?next=" + URLEncoder.encode("/workflows/" + slug + "/preview", StandardCharsets.UTF_8);
        }
        Previews.Download file = previews.download(slug, viewer.account());
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(file.content());
    }
}
