package app.flowmarket.search;

/** One value of a facet: what to put in the URL, what to show, how many results have it. */
public record FacetValue(String value, String label, long count) implements java.io.Serializable {
}
