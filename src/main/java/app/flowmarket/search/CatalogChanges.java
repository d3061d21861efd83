package app.flowmarket.search;

import java.util.Optional;

import app.flowmarket.catalog.CatalogChanged;
import app.flowmarket.catalog.StoreListingsUpdated;
import app.flowmarket.catalog.WorkflowStatsChanged;
import app.flowmarket.currency.ExchangeRatesUpdated;
import app.flowmarket.shared.AfterCommit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps search in step with the catalogue. What the catalogue changes outside its listing entity (and
 * Hibernate Search therefore cannot see) is reindexed in the transaction that changes it, so it is
 * searchable once it commits; after any catalogue change has committed, the cached results are dropped.
 */
@Component
class CatalogChanges {

    private static final Logger log = LoggerFactory.getLogger(CatalogChanges.class);

    private final SearchIndexing indexing;
    private final CacheManager caches;

    CatalogChanges(SearchIndexing indexing, CacheManager caches) {
        this.indexing = indexing;
        this.caches = caches;
    }

    @EventListener
    void on(WorkflowStatsChanged event) {
        indexing.reindex(event.workflowId());
    }

    @EventListener
    void on(StoreListingsUpdated event) {
        event.renamedWorkflowIds().forEach(indexing::reindex);
    }

    /** A tag renamed or merged: the listings carrying it are indexed again with its new name, in the admin's transaction. */
    @EventListener
    void on(app.flowmarket.catalog.TaxonomyChanged event) {
        event.workflowIds().forEach(indexing::reindex);
    }

    @EventListener
    void on(CatalogChanged change) {
        AfterCommit.runOnce(this, this::evictResults);
    }

    /**
     * New exchange rates change every listing's reference price, and the bounds of every price band: the
     * index's prices are refreshed and cached results dropped. After the rates' commit, from the event
     * publication registry (done again after a crash).
     */
    @ApplicationModuleListener
    void on(ExchangeRatesUpdated event) {
        indexing.refreshPrices();
        evictResults();
    }

    private void evictResults() {
        try {
            Optional.ofNullable(caches.getCache(CatalogSearch.RESULTS_CACHE)).ifPresent(Cache::clear);
        } catch (RuntimeException e) {
            log.warn("Cache {} could not be cleared: {}", CatalogSearch.RESULTS_CACHE, e.toString());
        }
    }
}
