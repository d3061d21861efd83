package app.flowmarket.api.graphql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import app.flowmarket.account.Person;
import app.flowmarket.api.ApiAccess;
import app.flowmarket.api.rest.ApiDtos.Category;
import app.flowmarket.api.rest.ApiDtos.Review;
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
import app.flowmarket.shared.PageResult;
import app.flowmarket.store.StoreManagement;
import app.flowmarket.store.StoreManagement.StoreView;
import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * The public catalogue in GraphQL: open without a token, or with one holding {@code catalog:read}, as in REST.
 * Nested lists are loaded for all the parents of a query at once (a store per workflow, a store's workflows,
 * a workflow's reviews), so a query costs the same few statements whether it lists 2 workflows or 100.
 */
@Controller
class CatalogGraphQl {

    private static final String STORE_WORKFLOWS = "storeWorkflows";
    private static final String WORKFLOW_REVIEWS = "workflowReviews";
    /** The search serves no page beyond this one (PageResult.safePage), so neither does the connection. */
    private static final int LAST_SEARCH_PAGE = 10_000;

    private final ApiAccess access;
    private final CatalogSearch search;
    private final CatalogPages catalog;
    private final StoreManagement stores;

    CatalogGraphQl(ApiAccess access, CatalogSearch search, CatalogPages catalog, CatalogQueries queries, StoreManagement stores,
                   Reviews reviews, BatchLoaderRegistry loaders) {
        this.access = access;
        this.search = search;
        this.catalog = catalog;
        this.stores = stores;
        loaders.<UUID, List<WorkflowSummary>>forName(STORE_WORKFLOWS).registerMappedBatchLoader((storeIds, env) -> Mono.fromCallable(() ->
                queries.byStores(storeIds).entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                        e -> e.getValue().stream().map(WorkflowSummary::of).toList()))));
        loaders.<UUID, List<Review>>forName(WORKFLOW_REVIEWS).registerMappedBatchLoader((workflowIds, env) -> Mono.fromCallable(() ->
                reviews.ofWorkflows(workflowIds, Reviews.Sort.NEWEST).entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                        e -> e.getValue().stream().map(Review::of).toList()))));
    }

    @QueryMapping
    Window<WorkflowSummary> workflows(@Argument @Nullable String query, @Argument @Nullable String category, @Argument @Nullable String tag,
                                      @Argument @Nullable String platform, @Argument @Nullable String price,
                                      @Argument @Nullable String integration, @Argument @Nullable Integer minRating,
                                      @Argument @Nullable String sort, DataFetchingEnvironment env) {
        access.catalogReader();
        Windows.Request request = Windows.request(env);
        IntFunction<PageResult<SearchResults.Hit>> results = page -> search.search(SearchQuery.of(query, category, tag, platform, price,
                integration, minRating == null ? null : minRating.toString(), sort, page)).page();
        // the last items of the results can only be placed once their number is known
        Windows.Bounds bounds = request.bounds(request.fromEnd() ? reachable(results.apply(1)) : LAST_SEARCH_PAGE * CatalogSearch.PAGE_SIZE);
        // the search answers fixed pages: read from the one holding the start until the window is full
        int page = bounds.from() / CatalogSearch.PAGE_SIZE + 1;
        int skip = bounds.from() % CatalogSearch.PAGE_SIZE;
        int wanted = bounds.to() - bounds.from();
        List<WorkflowSummary> items = new ArrayList<>();
        if (page > LAST_SEARCH_PAGE) {
            return Windows.of(items, bounds.from(), false);
        }
        while (true) {
            PageResult<SearchResults.Hit> found = results.apply(page);
            List<SearchResults.Hit> hits = found.items();
            int from = Math.min(skip, hits.size());
            int to = Math.min(hits.size(), from + wanted - items.size());
            hits.subList(from, to).forEach(hit -> items.add(WorkflowSummary.of(hit.card())));
            if (items.size() >= wanted || !found.hasNext() || page == LAST_SEARCH_PAGE) {
                return Windows.of(items, bounds.from(), bounds.from() + items.size() < reachable(found));
            }
            page++;
            skip = 0;
        }
    }

    /** How many of a search's results the connection can reach. */
    private static int reachable(PageResult<?> results) {
        return (int) Math.min(results.total(), (long) LAST_SEARCH_PAGE * CatalogSearch.PAGE_SIZE);
    }

    @QueryMapping
    @Nullable Workflow workflow(@Argument String slug) {
        return find(slug).map(page -> Workflow.of(page, locale())).orElse(null);
    }

    @QueryMapping
    @Nullable StoreView store(@Argument String slug) {
        access.catalogReader();
        return stores.findBySlug(slug).orElse(null);
    }

    @QueryMapping
    List<Category> categories() {
        access.catalogReader();
        return catalog.categories().stream().map(c -> Category.of(c, locale())).toList();
    }

    @QueryMapping
    List<Tag> tags() {
        access.catalogReader();
        return catalog.tags().stream().map(t -> Tag.of(t, locale())).toList();
    }

    @SchemaMapping(typeName = "Workflow")
    Window<Version> versions(Workflow workflow, DataFetchingEnvironment env) {
        return Windows.of(find(workflow.slug()).map(page -> page.versions().stream().map(Version::of).toList()).orElse(List.of()), env);
    }

    @BatchMapping(typeName = "WorkflowSummary", field = "store")
    Map<WorkflowSummary, StoreView> storesOfSummaries(List<WorkflowSummary> workflows) {
        return storesBySlug(workflows, workflow -> workflow.store().slug());
    }

    @BatchMapping(typeName = "Workflow", field = "store")
    Map<Workflow, StoreView> storesOfWorkflows(List<Workflow> workflows) {
        return storesBySlug(workflows, workflow -> workflow.store().slug());
    }

    @SchemaMapping(typeName = "Store", field = "workflows")
    CompletableFuture<Window<WorkflowSummary>> storeWorkflows(StoreView store, DataFetchingEnvironment env) {
        Windows.request(env);
        DataLoader<UUID, List<WorkflowSummary>> loader = env.getDataLoader(STORE_WORKFLOWS);
        return java.util.Objects.requireNonNull(loader).load(store.id()).thenApply(all -> Windows.of(all == null ? List.of() : all, env));
    }

    @SchemaMapping(typeName = "WorkflowSummary", field = "reviews")
    CompletableFuture<Window<Review>> summaryReviews(WorkflowSummary workflow, DataFetchingEnvironment env) {
        return reviews(workflow.id(), env);
    }

    @SchemaMapping(typeName = "Workflow", field = "reviews")
    CompletableFuture<Window<Review>> workflowReviews(Workflow workflow, DataFetchingEnvironment env) {
        return reviews(workflow.id(), env);
    }

    private static CompletableFuture<Window<Review>> reviews(UUID workflowId, DataFetchingEnvironment env) {
        Windows.request(env);
        DataLoader<UUID, List<Review>> loader = env.getDataLoader(WORKFLOW_REVIEWS);
        return java.util.Objects.requireNonNull(loader).load(workflowId).thenApply(all -> Windows.of(all == null ? List.of() : all, env));
    }

    private <T> Map<T, StoreView> storesBySlug(List<T> workflows, Function<T, String> slug) {
        Set<String> slugs = workflows.stream().map(slug).collect(Collectors.toSet());
        Map<String, StoreView> bySlug = stores.findBySlugs(slugs);
        Map<T, StoreView> answer = new java.util.HashMap<>();
        workflows.forEach(workflow -> {
            StoreView store = bySlug.get(slug.apply(workflow));
            if (store != null) {
                answer.put(workflow, store);
            }
        });
        return answer;
    }

    /** Published workflows for everyone; a seller's token also finds their drafts. */
    private Optional<WorkflowPage> find(String slug) {
        @Nullable Person viewer = access.catalogReader().map(access::user).orElse(null);
        return catalog.workflowPage(slug, viewer == null ? null : viewer.id());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
