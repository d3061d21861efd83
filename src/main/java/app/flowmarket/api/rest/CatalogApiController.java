package app.flowmarket.api.rest;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import app.flowmarket.account.Person;
import app.flowmarket.api.ApiAccess;
import app.flowmarket.api.ApiCaller;
import app.flowmarket.api.rest.ApiDtos.Category;
import app.flowmarket.api.rest.ApiDtos.Page;
import app.flowmarket.api.rest.ApiDtos.Review;
import app.flowmarket.api.rest.ApiDtos.Store;
import app.flowmarket.api.rest.ApiDtos.Tag;
import app.flowmarket.api.rest.ApiDtos.Version;
import app.flowmarket.api.rest.ApiDtos.Workflow;
import app.flowmarket.api.rest.ApiDtos.WorkflowSummary;
import app.flowmarket.catalog.CatalogPages;
import app.flowmarket.catalog.CatalogQueries;
import app.flowmarket.catalog.WorkflowPage;
import app.flowmarket.review.Reviews;
import app.flowmarket.search.CatalogSearch;
import app.flowmarket.search.SearchQuery;
import app.flowmarket.search.SearchResults;
import app.flowmarket.shared.NotFoundException;
import app.flowmarket.shared.StoreId;
import app.flowmarket.shared.WorkflowId;
import app.flowmarket.store.StoreManagement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public catalogue: open without a token (at a lower rate), or with one holding {@code catalog:read}. */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@io.swagger.v3.oas.annotations.tags.Tag(name = "Catalogue", description = "Published workflows, their versions and reviews, stores, categories and tags.")
class CatalogApiController {

    private final ApiAccess access;
    private final CatalogSearch search;
    private final CatalogPages catalog;
    private final CatalogQueries queries;
    private final StoreManagement stores;
    private final Reviews reviews;

    CatalogApiController(ApiAccess access, CatalogSearch search, CatalogPages catalog, CatalogQueries queries, StoreManagement stores,
                         Reviews reviews) {
        this.access = access;
        this.search = search;
        this.catalog = catalog;
        this.queries = queries;
        this.stores = stores;
        this.reviews = reviews;
    }

    @Operation(summary = "Search published workflows",
            description = "Full-text search with filters and sort; " + CatalogSearch.PAGE_SIZE + " results a page, follow `next` for more.")
    @GetMapping("/workflows")
    Page<WorkflowSummary> workflows(@Parameter(description = "Words to search for") @RequestParam(required = false) @Nullable String q,
                                    @Parameter(description = "Category slug") @RequestParam(required = false) @Nullable String category,
                                    @Parameter(description = "Tag slug") @RequestParam(required = false) @Nullable String tag,
                                    @Parameter(description = "n8n, make, zapier or other") @RequestParam(required = false) @Nullable String platform,
                                    @Parameter(description = "free, paid, under-25, from-25-to-50 or over-50 (US dollars)") @RequestParam(required = false) @Nullable String price,
                                    @Parameter(description = "An app the workflow connects to") @RequestParam(required = false) @Nullable String integration,
                                    @Parameter(description = "Minimum average rating: 3 or 4") @RequestParam(required = false) @Nullable String minRating,
                                    @Parameter(description = "n8n workflows that run on this n8n: a release line (`1`, `1.x`) or a release (`1.85`)")
                                    @RequestParam(required = false) @Nullable String n8n,
                                    @Parameter(description = "relevance, newest, popular, rating, price-asc or price-desc") @RequestParam(required = false) @Nullable String sort,
                                    @Parameter(description = "From the previous page's `next`") @RequestParam(required = false) @Nullable String cursor,
                                    HttpServletResponse response) {
        access.catalogReader();
        int page = Cursors.decode(cursor) + 1;
        SearchResults results = search.search(SearchQuery.of(q, category, tag, platform, price, integration, minRating, n8n, sort, page));
        List<WorkflowSummary> items = results.page().items().stream().map(hit -> WorkflowSummary.of(hit.card())).toList();
        return Cursors.page(items, results.page().hasNext() ? Cursors.link(page) : null, response);
    }

    @Operation(summary = "One workflow, by id or slug", description = "Published workflows for everyone; a seller's token also sees their drafts.")
    @GetMapping("/workflows/{workflow}")
    Workflow workflow(@PathVariable String workflow) {
        return Workflow.of(find(workflow), locale());
    }

    @Operation(summary = "A workflow's versions, newest first")
    @GetMapping("/workflows/{workflow}/versions")
    Page<Version> versions(@PathVariable String workflow, @RequestParam(required = false) @Nullable String cursor,
                           @RequestParam(required = false) @Nullable Integer limit, HttpServletResponse response) {
        return Cursors.page(find(workflow).versions().stream().map(Version::of).toList(), cursor, limit, response);
    }

    @Operation(summary = "A workflow's reviews, newest first")
    @GetMapping("/workflows/{workflow}/reviews")
    Page<Review> reviews(@PathVariable String workflow, @RequestParam(required = false) @Nullable String cursor,
                         @RequestParam(required = false) @Nullable Integer limit, HttpServletResponse response) {
        WorkflowPage page = find(workflow);
        return Cursors.page(reviews.ofWorkflow(page.id(), Reviews.Sort.NEWEST).stream().map(Review::of).toList(), cursor, limit, response);
    }

    @Operation(summary = "Categories, in the order the site shows them", description = "Names follow Accept-Language (en, fr, es, de).")
    @GetMapping("/categories")
    List<Category> categories() {
        access.catalogReader();
        return catalog.categories().stream().map(c -> Category.of(c, locale())).toList();
    }

    @Operation(summary = "Tags, by name", description = "Names follow Accept-Language (en, fr, es, de).")
    @GetMapping("/tags")
    List<Tag> tags() {
        access.catalogReader();
        return catalog.tags().stream().map(t -> Tag.of(t, locale())).toList();
    }

    @Operation(summary = "A store and its published workflows")
    @GetMapping("/stores/{slug}")
    Store store(@PathVariable String slug) {
        access.catalogReader();
        var store = stores.findBySlug(slug).orElseThrow(() -> new NotFoundException("store"));
        return Store.of(store, queries.byStore(StoreId.of(store.id())).stream().map(WorkflowSummary::of).toList());
    }

    private WorkflowPage find(String idOrSlug) {
        Optional<ApiCaller> caller = access.catalogReader();
        @Nullable Person viewer = caller.map(access::user).orElse(null);
        Optional<WorkflowPage> page;
        try {
            UUID id = UUID.fromString(idOrSlug);
            page = catalog.publishedWorkflow(WorkflowId.of(id));
        } catch (IllegalArgumentException notAnId) {
            page = catalog.workflowPage(idOrSlug, viewer == null ? null : viewer.id());
        }
        return page.orElseThrow(() -> new NotFoundException("workflow"));
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
