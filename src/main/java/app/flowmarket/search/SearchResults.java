package app.flowmarket.search;

import app.flowmarket.catalog.CatalogQueries.WorkflowCard;
import app.flowmarket.shared.PageResult;

/** One page of a search's results, with the facet counts of the whole search. */
public record SearchResults(PageResult<Hit> page, Facets facets) implements java.io.Serializable {

    /** A listing found, with its title and summary highlighted where the search words occur (HTML, escaped). */
    public record Hit(WorkflowCard card, String titleHtml, String summaryHtml) implements java.io.Serializable {
    }
}
