package app.flowmarket.search;

import java.util.List;

/** How the results of a search divide by category, platform, price, rating and connected app. */
public record Facets(List<FacetValue> categories, List<FacetValue> platforms, List<FacetValue> prices,
                     List<FacetValue> ratings, List<FacetValue> integrations) implements java.io.Serializable {

    static Facets none() {
        return new Facets(List.of(), List.of(), List.of(), List.of(), List.of());
    }
}
