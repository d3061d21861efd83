package app.flowmarket.catalog;

/** A tag as pages show it. */
public record TagView(String slug, String name) implements java.io.Serializable {
}
