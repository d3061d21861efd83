package app.flowmarket.catalog;

import app.flowmarket.store.StoreUpdated;
import org.springframework.cache.annotation.CacheEvict;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** Cards show the store's name: a renamed store drops the cached lists once the change is committed. */
@Component
class StoreChanges {

    @TransactionalEventListener
    @CacheEvict(cacheNames = CatalogQueries.HOME_CACHE, allEntries = true)
    public void on(StoreUpdated event) {
        // the eviction is the work
    }
}
