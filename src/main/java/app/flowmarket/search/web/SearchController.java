package app.flowmarket.search.web;

import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import app.flowmarket.catalog.CatalogPages;
import app.flowmarket.catalog.Platform;
import app.flowmarket.platform.DisplayCurrency;
import app.flowmarket.search.CatalogSearch;
import app.flowmarket.search.PriceBands;
import app.flowmarket.search.SearchHistory;
import app.flowmarket.search.SearchQuery;
import app.flowmarket.shared.CurrencyConverter;
import app.flowmarket.shared.CurrentUser;
import app.flowmarket.shared.WebInput;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
    private final DisplayCurrency displayCurrency;
    private final CurrencyConverter converter;
    private final MessageSource messages;
    private final app.flowmarket.catalog.CatalogTaxonomy taxonomy;

    SearchController(CatalogSearch catalogSearch, CatalogPages catalog, SearchHistory history, DisplayCurrency displayCurrency,
                     CurrencyConverter converter, MessageSource messages, app.flowmarket.catalog.CatalogTaxonomy taxonomy) {
        this.taxonomy = taxonomy;
        this.catalogSearch = catalogSearch;
        this.catalog = catalog;
        this.history = history;
        this.displayCurrency = displayCurrency;
        this.converter = converter;
        this.messages = messages;
    }

    @GetMapping("/workflows")
    String browse(@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable String category,
                  @RequestParam(required = false) @Nullable String tag, @RequestParam(required = false) @Nullable String platform,
                  @RequestParam(required = false) @Nullable String price, @RequestParam(required = false) @Nullable String integration,
                  @RequestParam(required = false) @Nullable String rating, @RequestParam(required = false) @Nullable String n8n,
                  @RequestParam(required = false) @Nullable String sort, @RequestParam(required = false) @Nullable String page,
                  @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx,
                  @RequestHeader(value = "HX-Target", required = false) @Nullable String htmxTarget,
                  @AuthenticationPrincipal CurrentUser user, HttpServletRequest request, Model model) {
        // a category or tag whose slug changed (or a tag merged into another) keeps its old links working
        String movedCategory = category == null ? null : taxonomy.movedSlug("category", category.strip()).orElse(null);
        String movedTag = tag == null ? null : taxonomy.movedSlug("tag", tag.strip()).orElse(null);
        if (movedCategory != null || movedTag != null) {
            // the same query, in the same order, with the moved slugs replaced
            var query = org.springframework.web.util.UriComponentsBuilder.fromUriString("?" + java.util.Objects.toString(request.getQueryString(), ""))
                    .build().getQueryParams();
            var target = org.springframework.web.util.UriComponentsBuilder.fromPath(request.getRequestURI());
            query.forEach((name, values) -> values.forEach(value -> target.queryParam(name,
                    "category".equals(name) && movedCategory != null ? movedCategory : "tag".equals(name) && movedTag != null ? movedTag : value)));
            request.setAttribute(org.springframework.web.servlet.View.RESPONSE_STATUS_ATTRIBUTE, org.springframework.http.HttpStatus.MOVED_PERMANENTLY);
            return "redirect:" + target.build().toUriString();
        }
        // prices are sorted and filtered on what the visitor sees: converted into their currency
        Currency currency = displayCurrency.of(request);
        SearchQuery search = SearchQuery.of(q, category, tag, platform, price, integration, rating, n8n, sort,
                WebInput.page(page)).withCurrency(currency);
        if (user != null && search.hasQuery() && search.page() == 1) {
            history.record(user.id(), search.query(), search.filterQuery());
        }
        model.addAttribute("recentSearches", user == null ? List.of() : history.recent(user.id(), 8));
        model.addAttribute("search", search);
        Map<String, String> priceLabels = priceLabels(PriceBands.of(currency, converter), LocaleContextHolder.getLocale());
        model.addAttribute("results", catalogSearch.search(search).withPriceLabels(priceLabels));
        model.addAttribute("priceLabels", priceLabels);
        model.addAttribute("categories", catalog.categories());
        model.addAttribute("platforms", Platform.values());
        model.addAttribute("priceRanges", SearchQuery.PriceRange.values());
        model.addAttribute("sorts", SearchQuery.Sort.values());
        // htmx swaps only the results; a full request (or a bookmarked link) gets the whole page
        return "true".equals(htmx) && "results".equals(htmxTarget) ? "search/results" : "search/browse";
    }

    /** "Under $25", "$25 to $50", "Over $50" (and "Free", "Paid"): the price bands in the visitor's currency, by slug. */
    private Map<String, String> priceLabels(PriceBands bands, Locale locale) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (SearchQuery.PriceRange range : SearchQuery.PriceRange.values()) {
            String key = "price-range." + range.slug();
            labels.put(range.slug(), messages.getMessage(key, new Object[] {bands.low().format(locale), bands.high().format(locale)}, locale));
        }
        return labels;
    }

    /** Suggestions for the search box, as the options of its datalist. */
    @GetMapping("/search/suggest")
    String suggest(@RequestParam(required = false) @Nullable String q, Model model) {
        model.addAttribute("suggestions", catalogSearch.suggest(q));
        return "search/suggestions";
    }
}
