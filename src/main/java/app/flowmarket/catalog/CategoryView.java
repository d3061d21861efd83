package app.flowmarket.catalog;

import java.util.UUID;

/** A category as pages show it. */
public record CategoryView(UUID id, String slug, String name, String description) implements java.io.Serializable {
}
