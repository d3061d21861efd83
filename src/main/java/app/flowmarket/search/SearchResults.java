package app.flowmarket.search;

import app.flowmarket.catalog.CatalogQueries.WorkflowCard;
import app.flowmarket.shared.PageResult;
import org.jspecify.annotations.Nullable;

/** One page of a search's results, with the facet counts of the whole search. */
public record SearchResults(PageResult<Hit> page, Facets facets) implements java.io.Serializable {

    /** The same results with the price facet's values labelled for people ("Under $25"), by slug. */
    public SearchResults withPriceLabels(java.util.Map<String, String> labels) {
        return new SearchResults(page, new Facets(facets.categories(), facets.platforms(),
                facets.prices().stream().map(v -> new FacetValue(v.value(), labels.getOrDefault(v.value(), v.label()), v.count())).toList(),
                facets.ratings(), facets.integrations(), facets.n8n()));
    }

    /** A listing found, with its title and summary highlighted where the search words occur (HTML, escaped). */
    public record Hit(WorkflowCard card, @Nullable String titleHtml, @Nullable String summaryHtml) implements java.io.Serializable {
    }
}
