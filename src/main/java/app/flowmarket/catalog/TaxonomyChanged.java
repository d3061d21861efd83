package app.flowmarket.catalog;

import java.util.Set;
import java.util.UUID;

/**
 * An admin changed a category or a tag (its name, slug, place, or a merge): every cached list of them is stale, and
 * the listings whose indexed tags changed are to be read again by whoever keeps a copy of them (the search index).
 */
public record TaxonomyChanged(Set<UUID> workflowIds) implements CatalogChanged {

    public TaxonomyChanged {
        workflowIds = Set.copyOf(workflowIds);
    }
}
