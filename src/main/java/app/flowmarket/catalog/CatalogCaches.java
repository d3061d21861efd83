package app.flowmarket.catalog;

import java.util.List;

import app.flowmarket.shared.AfterCommit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The one place the catalogue's Redis caches (home lists, public workflow pages, whole rendered pages)
 * are evicted: all of them, once any change to the catalogue has committed, so no reader can put the
 * old data back in between. Once per transaction, however many listings it changed.
 */
@Component
class CatalogCaches {

    private static final Logger log = LoggerFactory.getLogger(CatalogCaches.class);
    private static final List<String> NAMES = List.of(CatalogQueries.HOME_CACHE, CatalogQueries.WORKFLOW_CACHE, CatalogQueries.PAGE_CACHE);

    private final CacheManager caches;

    CatalogCaches(CacheManager caches) {
        this.caches = caches;
    }

    @EventListener
    void on(CatalogChanged change) {
        AfterCommit.runOnce(this, this::evict);
    }

    private void evict() {
        for (String name : NAMES) {
            Cache cache = caches.getCache(name);
            try {
                if (cache != null) {
                    cache.clear();
                }
            } catch (RuntimeException e) {
                // logged like any cache error: entries expire on their own, and the breaker clears every cache after an outage
                log.warn("Cache {} could not be cleared: {}", name, e.toString());
            }
        }
    }
}
