package app.flowmarket.catalog;

import app.flowmarket.store.StoreUpdated;
import org.springframework.cache.annotation.CacheEvict;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Cards show the store's name and search finds listings by it: a renamed store drops the cached lists
 * and reindexes its listings once the change is committed.
 */
@Component
class StoreChanges {

    private final SearchIndexing indexing;

    StoreChanges(SearchIndexing indexing) {
        this.indexing = indexing;
    }

    @TransactionalEventListener
    @CacheEvict(cacheNames = {CatalogQueries.HOME_CACHE, CatalogQueries.WORKFLOW_CACHE, CatalogQueries.SEARCH_CACHE, CatalogQueries.PAGE_CACHE}, allEntries = true)
    public void on(StoreUpdated event) {
        indexing.storeChanged(event.storeId());
    }
}
