package app.flowmarket.catalog;

/**
 * Something the catalogue shows changed: a listing, its files or pictures, its sales or ratings, its
 * store's name or picture. Whatever was derived from the catalogue before (cached pages and lists,
 * search results) is stale once the change commits.
 */
public sealed interface CatalogChanged permits WorkflowChanged, WorkflowStatsChanged, StoreListingsUpdated, TaxonomyChanged {
}
