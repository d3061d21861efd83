package app.flowmarket.catalog;

import java.util.UUID;

/**
 * A listing's sales count or rating changed. Counted in SQL, outside the listing entity, so whoever
 * keeps a copy of these numbers (the search index) re-reads the listing.
 */
public record WorkflowStatsChanged(UUID workflowId) implements CatalogChanged {
}
