package app.flowmarket.catalog;

import java.util.List;
import java.util.UUID;

/**
 * The catalogue took a store's changed profile into its listings: each listing in
 * {@code renamedWorkflowIds} now carries the store's new name (copied in SQL, outside the listing
 * entity). Published after every {@code StoreUpdated}, even when the name stayed the same (a new picture).
 */
public record StoreListingsUpdated(UUID storeId, List<UUID> renamedWorkflowIds) implements CatalogChanged {
}
