package app.flowmarket.search.web;

import java.util.List;

import app.flowmarket.catalog.CatalogPages;
import app.flowmarket.catalog.Platform;
import app.flowmarket.search.CatalogSearch;
import app.flowmarket.search.SearchHistory;
import app.flowmarket.search.SearchQuery;
import app.flowmarket.shared.CurrentUser;
import app.flowmarket.shared.WebInput;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** Browsing and searching the catalogue: results with facets and highlights, suggestions as you type. */
@Controller
class SearchController {

    private final CatalogSearch catalogSearch;
    private final CatalogPages catalog;
    private final SearchHistory history;

    SearchController(CatalogSearch catalogSearch, CatalogPages catalog, SearchHistory history) {
        this.catalogSearch = catalogSearch;
        this.catalog = catalog;
        this.history = history;
    }

    @GetMapping("/workflows")
    String browse(@RequestParam(required = false) String q, @RequestParam(required = false) String category,
                  @RequestParam(required = false) String tag, @RequestParam(required = false) String platform,
                  @RequestParam(required = false) String price, @RequestParam(required = false) String integration,
                  @RequestParam(required = false) String rating, @RequestParam(required = false) String sort,
                  @RequestParam(required = false) String page,
                  @RequestHeader(value = "HX-Request", required = false) String htmx,
                  @RequestHeader(value = "HX-Target", required = false) String htmxTarget,
                  @AuthenticationPrincipal CurrentUser user, Model model) {
        SearchQuery search = SearchQuery.of(q, category, tag, platform, price, integration, rating, sort,
                WebInput.page(page));
        if (user != null && search.hasQuery() && search.page() == 1) {
            history.record(user.id(), search.query(), search.filterQuery());
        }
        model.addAttribute("recentSearches", user == null ? List.of() : history.recent(user.id(), 8));
        model.addAttribute("search", search);
        model.addAttribute("results", catalogSearch.search(search));
        model.addAttribute("categories", catalog.categories());
        model.addAttribute("platforms", Platform.values());
        model.addAttribute("priceRanges", SearchQuery.PriceRange.values());
        model.addAttribute("sorts", SearchQuery.Sort.values());
        // htmx swaps only the results; a full request (or a bookmarked link) gets the whole page
        return "true".equals(htmx) && "results".equals(htmxTarget) ? "search/results" : "search/browse";
    }

    /** Suggestions for the search box, as the options of its datalist. */
    @GetMapping("/search/suggest")
    String suggest(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("suggestions", catalogSearch.suggest(q));
        return "search/suggestions";
    }
}
