package app.flowmarket.catalog.web;

import app.flowmarket.catalog.CatalogManagement;
import app.flowmarket.catalog.CatalogQueries;
import app.flowmarket.catalog.Platform;
import app.flowmarket.search.SearchHistory;
import app.flowmarket.shared.CurrentUser;
import app.flowmarket.shared.NotFoundException;
import app.flowmarket.shared.WebInput;
import app.flowmarket.store.StoreManagement;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** Public catalogue pages: home, browse, workflow page, store page. */
@Controller
class CatalogController {

    private final CatalogManagement catalog;
    private final CatalogQueries queries;
    private final StoreManagement stores;
    private final SearchHistory history;

    CatalogController(CatalogManagement catalog, CatalogQueries queries, StoreManagement stores, SearchHistory history) {
        this.catalog = catalog;
        this.queries = queries;
        this.stores = stores;
        this.history = history;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("featured", queries.featured(8));
        model.addAttribute("newest", queries.newest(8));
        model.addAttribute("popular", queries.popular(8));
        model.addAttribute("categories", queries.categoryCounts());
        return "catalog/home";
    }

    @GetMapping("/workflows")
    String browse(@RequestParam(required = false) String q, @RequestParam(required = false) String category,
                  @RequestParam(required = false) String tag, @RequestParam(required = false) String platform,
                  @RequestParam(required = false) String price, @RequestParam(required = false) String sort,
                  @RequestParam(required = false) String page,
                  @RequestHeader(value = "HX-Request", required = false) String htmx,
                  @RequestHeader(value = "HX-Target", required = false) String htmxTarget,
                  @AuthenticationPrincipal CurrentUser user, Model model) {
        CatalogQueries.Search search = CatalogQueries.Search.of(q, category, tag, platform, price, sort, WebInput.page(page));
        if (user != null && search.hasQuery() && search.page() == 1) {
            history.record(user.id(), search.query(), search.filterQuery());
        }
        model.addAttribute("recentSearches", user == null ? java.util.List.of() : history.recent(user.id(), 8));
        model.addAttribute("search", search);
        model.addAttribute("results", queries.browse(search));
        model.addAttribute("categories", catalog.categories());
        model.addAttribute("platforms", Platform.values());
        model.addAttribute("priceRanges", CatalogQueries.PriceRange.values());
        model.addAttribute("sorts", CatalogQueries.Sort.values());
        // htmx swaps only the results; a full request (or a bookmarked link) gets the whole page
        return "true".equals(htmx) && "results".equals(htmxTarget) ? "catalog/results" : "catalog/browse";
    }

    @GetMapping("/workflows/{slug}")
    String workflow(@PathVariable String slug, @AuthenticationPrincipal CurrentUser viewer, Model model) {
        var page = catalog.workflowPage(slug, viewer).orElseThrow(() -> new NotFoundException("workflow"));
        model.addAttribute("workflow", page);
        model.addAttribute("owner", viewer != null && page.store().ownerId().equals(viewer.id()));
        return "catalog/workflow";
    }

    @GetMapping("/stores/{slug}")
    String store(@PathVariable String slug, Model model) {
        var store = stores.findBySlug(slug).orElseThrow(() -> new NotFoundException("store"));
        model.addAttribute("store", store);
        model.addAttribute("workflows", queries.byStore(store.id()));
        return "catalog/store";
    }
}
