package app.flowmarket.api.rest;

import java.util.UUID;

import app.flowmarket.account.Person;
import app.flowmarket.api.ApiAccess;
import app.flowmarket.api.ApiCaller;
import app.flowmarket.api.ApiScope;
import app.flowmarket.api.rest.ApiDtos.LibraryItem;
import app.flowmarket.api.rest.ApiDtos.Me;
import app.flowmarket.api.rest.ApiDtos.OwnWorkflow;
import app.flowmarket.api.rest.ApiDtos.Page;
import app.flowmarket.api.rest.ApiDtos.Sale;
import app.flowmarket.catalog.CatalogPages;
import app.flowmarket.commerce.OrderManagement;
import app.flowmarket.licensing.Licensing;
import app.flowmarket.shared.AccountId;
import app.flowmarket.shared.ForbiddenException;
import app.flowmarket.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The token owner's own things: what they bought (library, downloads) and, for sellers, their workflows and sales. */
@RestController
@RequestMapping(path = "/api/v1/me", produces = "application/json")
@io.swagger.v3.oas.annotations.tags.Tag(name = "Me", description = "The token owner's library, downloads, workflows and sales.")
@SecurityRequirement(name = "token")
class AccountApiController {

    private final ApiAccess access;
    private final Licensing licensing;
    private final CatalogPages catalog;
    private final OrderManagement orders;

    AccountApiController(ApiAccess access, Licensing licensing, CatalogPages catalog, OrderManagement orders) {
        this.access = access;
        this.licensing = licensing;
        this.catalog = catalog;
        this.orders = orders;
    }

    @Operation(summary = "The token's owner and the token's scopes", description = "Any valid token.")
    @GetMapping
    Me me() {
        ApiCaller caller = access.require(ApiScope.values());
        return Me.of(access.user(caller), caller);
    }

    @Operation(summary = "Workflows the owner bought or got free, newest first", description = "Scope `library:read`.")
    @GetMapping("/library")
    Page<LibraryItem> library(@RequestParam(required = false) @Nullable String cursor, @RequestParam(required = false) @Nullable Integer limit,
                              HttpServletResponse response) {
        ApiCaller caller = access.require(ApiScope.LIBRARY_READ);
        return Cursors.page(licensing.library(AccountId.of(caller.accountId())).stream().map(LibraryItem::of).toList(), cursor, limit, response);
    }

    @Operation(summary = "Download a version of an owned workflow", description = "Scope `library:read`. Counts as a download.")
    @GetMapping(path = "/library/versions/{versionId}/file", produces = {"application/json", "application/octet-stream"})
    ResponseEntity<InputStreamResource> download(@PathVariable UUID versionId) {
        ApiCaller caller = access.require(ApiScope.LIBRARY_READ);
        Licensing.Download download;
        try {
            download = licensing.download(AccountId.of(caller.accountId()), versionId);
        } catch (ForbiddenException notOwned) {
            // as for the pages: nothing tells which files exist
            throw new NotFoundException("version");
        }
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(download.fileName()).build().toString())
                .body(new InputStreamResource(download.content()));
    }

    @Operation(summary = "The seller's own workflows, drafts included, last changed first", description = "Scope `sales:read` or `workflows:write`.")
    @GetMapping("/workflows")
    Page<OwnWorkflow> workflows(@RequestParam(required = false) @Nullable String cursor, @RequestParam(required = false) @Nullable Integer limit,
                                HttpServletResponse response) {
        Person seller = access.seller(access.require(ApiScope.SALES_READ, ApiScope.WORKFLOWS_WRITE));
        return Cursors.page(catalog.sellerWorkflows(seller.id()).stream().map(OwnWorkflow::of).toList(), cursor, limit, response);
    }

    @Operation(summary = "The seller's sales, newest first (the last 500)", description = "Scope `sales:read`.")
    @GetMapping("/sales")
    Page<Sale> sales(@RequestParam(required = false) @Nullable String cursor, @RequestParam(required = false) @Nullable Integer limit,
                     HttpServletResponse response) {
        Person seller = access.seller(access.require(ApiScope.SALES_READ));
        return Cursors.page(orders.salesOf(seller.actor()).stream().map(Sale::of).toList(), cursor, limit, response);
    }
}
