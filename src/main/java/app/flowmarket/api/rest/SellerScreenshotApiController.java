package app.flowmarket.api.rest;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import app.flowmarket.account.Person;
import app.flowmarket.api.ApiAccess;
import app.flowmarket.api.ApiCaller;
import app.flowmarket.api.ApiIdempotency;
import app.flowmarket.api.ApiScope;
import app.flowmarket.catalog.CatalogManagement;
import app.flowmarket.catalog.CatalogPages;
import app.flowmarket.catalog.ScreenshotView;
import app.flowmarket.shared.NotFoundException;
import app.flowmarket.shared.SiteSettings;
import app.flowmarket.shared.WorkflowId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.json.JsonMapper;

/**
 * A seller's screenshots of their own workflows (scope {@code workflows:write}): uploaded as on the seller's page, a
 * multipart {@code image} field, through the same service and so the same limits (PNG, JPEG, GIF or WebP, 2 MB, 8 per
 * workflow). Another seller's workflow is a 404.
 */
@RestController
@RequestMapping(path = "/api/v1/me/workflows/{id}/screenshots", produces = "application/json")
@io.swagger.v3.oas.annotations.tags.Tag(name = "Seller workflows", description = "Create, edit, version and publish the token owner's workflows.")
@SecurityRequirement(name = "token")
class SellerScreenshotApiController {

    private final ApiAccess access;
    private final CatalogManagement catalog;
    private final CatalogPages pages;
    private final ApiIdempotency idempotency;
    private final JsonMapper json;
    private final SiteSettings site;

    SellerScreenshotApiController(ApiAccess access, CatalogManagement catalog, CatalogPages pages, ApiIdempotency idempotency,
                                  JsonMapper json, SiteSettings site) {
        this.access = access;
        this.catalog = catalog;
        this.pages = pages;
        this.idempotency = idempotency;
        this.json = json;
        this.site = site;
    }

    /** A screenshot: its id (to delete it), the address it is served at, its image type and place on the workflow's page. */
    record Screenshot(UUID id, String url, String contentType, int position) {
    }

    @Operation(summary = "The screenshots of one of the seller's workflows", description = "Scope `workflows:write`. In the order the "
            + "workflow's page shows them.")
    @GetMapping
    List<Screenshot> list(@PathVariable UUID id) {
        Person seller = access.seller(access.require(ApiScope.WORKFLOWS_WRITE));
        return pages.screenshots(seller.id(), WorkflowId.of(id)).stream().map(this::screenshot).toList();
    }

    @Operation(summary = "Add a screenshot to one of the seller's workflows", description = "Scope `workflows:write`. The image is sent as "
            + "the multipart field `image`, as on the seller's page: PNG, JPEG, GIF or WebP, at most 2 MB, at most 8 per workflow. Send an "
            + "`Idempotency-Key` header to retry safely.")
    @PostMapping(consumes = "multipart/form-data")
    ResponseEntity<String> add(@PathVariable UUID id,
                               @Parameter(description = "The image: PNG, JPEG, GIF or WebP, at most 2 MB") @RequestPart(name = "image", required = false)
                               @Nullable MultipartFile image,
                               @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key) throws IOException {
        ApiCaller caller = access.require(ApiScope.WORKFLOWS_WRITE);
        Person seller = access.seller(caller);
        byte[] bytes = image == null || image.isEmpty() ? null : image.getBytes();
        String request = id + ":" + (bytes == null ? "" : HexFormat.of().formatHex(sha256(bytes)));
        return idempotency.once(caller, key, request, () -> {
            UUID added = catalog.addScreenshot(seller.actor(), WorkflowId.of(id), bytes);
            Screenshot answer = pages.screenshots(seller.id(), WorkflowId.of(id)).stream().filter(s -> s.id().equals(added)).findFirst()
                    .map(this::screenshot).orElseThrow(() -> new NotFoundException("screenshot"));
            return new ApiIdempotency.Result(201, "/api/v1/me/workflows/" + id + "/screenshots", json.writeValueAsString(answer));
        });
    }

    @Operation(summary = "Remove a screenshot from one of the seller's workflows", description = "Scope `workflows:write`.")
    @DeleteMapping("/{screenshotId}")
    ResponseEntity<Void> remove(@PathVariable UUID id, @PathVariable UUID screenshotId) {
        Person seller = access.seller(access.require(ApiScope.WORKFLOWS_WRITE));
        catalog.removeScreenshot(seller.actor(), WorkflowId.of(id), screenshotId);
        return ResponseEntity.noContent().build();
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Screenshot screenshot(ScreenshotView view) {
        return new Screenshot(view.id(), site.url(view.url()), view.contentType(), view.position());
    }
}
