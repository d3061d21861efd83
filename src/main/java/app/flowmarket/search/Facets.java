package app.flowmarket.search;

import java.util.List;

/** How the results of a search divide by category, platform, price, rating, connected app and the n8n release they run on. */
public record Facets(List<FacetValue> categories, List<FacetValue> platforms, List<FacetValue> prices,
                     List<FacetValue> ratings, List<FacetValue> integrations, List<FacetValue> n8n) implements java.io.Serializable {

    static Facets none() {
        return new Facets(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }
}
