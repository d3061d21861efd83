package app.flowmarket.search;

import java.util.List;
import java.util.UUID;

import app.flowmarket.catalog.CatalogQueries;
import app.flowmarket.catalog.WorkflowStatus;
import app.flowmarket.shared.CurrencyConverter;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceContext;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.pojo.work.IndexingPlanSynchronizationStrategy;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the search index in step with what Hibernate cannot see (columns the catalogue changes in
 * plain SQL: sales, ratings, a store's new name; it says so in its events) and rebuilds it on request.
 * Changes made through the listing entity are indexed on commit by Hibernate Search itself.
 */
@Component
class SearchIndexing {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexing.class);

    @PersistenceContext
    @SuppressWarnings("NullAway.Init") // injected by the container after construction
    private EntityManager entityManager;
    private final EntityManagerFactory entityManagerFactory;
    private final CatalogQueries catalog;
    private final CurrencyConverter converter;
    private volatile @Nullable Class<?> workflowType;
    // while a bulk change runs with automatic indexing off (the demo data), re-reading a listing to index it is wasted
    private volatile boolean paused;

    SearchIndexing(EntityManagerFactory entityManagerFactory, CatalogQueries catalog, CurrencyConverter converter) {
        this.entityManagerFactory = entityManagerFactory;
        this.catalog = catalog;
        this.converter = converter;
    }

    /** The catalogue's listing entity, known to this module only as what it indexes (see {@link WorkflowIndexMapping}). */
    Class<?> workflowType() {
        Class<?> type = workflowType;
        if (type == null) {
            type = Search.mapping(entityManagerFactory).indexedEntity(WorkflowIndexMapping.ENTITY).javaClass();
            workflowType = type;
        }
        return type;
    }

    /** Re-reads the listing (after a change made in SQL) and reindexes it when the transaction commits. */
    @Transactional(propagation = Propagation.MANDATORY)
    void reindex(UUID workflowId) {
        if (paused) {
            return;
        }
        entityManager.flush();
        Object workflow = entityManager.find(workflowType(), workflowId);
        if (workflow != null) {
            entityManager.refresh(workflow);
            Search.session(entityManager).indexingPlan().addOrUpdate(workflow);
        }
    }

    /**
     * Reindexes every listing in place (nothing is dropped first, so searches keep finding them meanwhile):
     * after new exchange rates, every reference price changes.
     */
    void refreshPrices() {
        long started = System.nanoTime();
        try {
            massIndexer().purgeAllOnStart(false).startAndWait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("search reindex interrupted", e);
        }
        log.info("Search index prices refreshed at the rates of {} in {} ms", converter.ratesDate(), (System.nanoTime() - started) / 1_000_000);
    }

    /** Rebuilds the whole index from the database. */
    void rebuild() {
        long started = System.nanoTime();
        try {
            massIndexer().startAndWait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("search reindex interrupted", e);
        }
        log.info("Search index rebuilt in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    /** Indexes every listing from the database, leaving the index in one segment: a search then looks each term up once. */
    private org.hibernate.search.mapper.orm.massindexing.MassIndexer massIndexer() {
        return Search.mapping(entityManagerFactory).scope(workflowType()).massIndexer()
                .threadsToLoadObjects(2)
                .mergeSegmentsOnFinish(true);
    }

    @Transactional(readOnly = true)
    long indexedCount() {
        return Search.session(entityManager).search(workflowType()).where(f -> f.matchAll()).fetchTotalHitCount();
    }

    long storedCount() {
        return catalog.listingCount().all();
    }

    /**
     * What the index and the database each hold: every listing, and the published ones people can find;
     * and how many documents carry prices at the reference rates in force.
     */
    record Counts(long indexed, long indexedPublished, long stored, long storedPublished, long indexedAtCurrentRates) {

        boolean agree() {
            return indexed == stored && indexedPublished == storedPublished;
        }

        boolean pricesCurrent() {
            return indexedAtCurrentRates == indexed;
        }
    }

    @Transactional(readOnly = true)
    Counts counts() {
        long indexedPublished = Search.session(entityManager).search(workflowType())
                .where(f -> f.match().field("status").matching(WorkflowStatus.PUBLISHED)).fetchTotalHitCount();
        long atCurrentRates = Search.session(entityManager).search(workflowType())
                .where(f -> f.match().field(WorkflowIndexMapping.RATES_DATE).matching(converter.ratesDate())).fetchTotalHitCount();
        CatalogQueries.ListingCount stored = catalog.listingCount();
        return new Counts(indexedCount(), indexedPublished, stored.all(), stored.published(), atCurrentRates);
    }

    /** Removes documents whose listing no longer exists in the database (found by a search that could not show them). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void purge(List<UUID> workflowIds) {
        log.warn("Search index held {} listing(s) missing from the database; removed them from the index", workflowIds.size());
        var session = Search.session(entityManager);
        // the search that found them runs again at once and must not see them
        session.indexingPlanSynchronizationStrategy(IndexingPlanSynchronizationStrategy.readSync());
        workflowIds.forEach(id -> session.indexingPlan().purge(workflowType(), id, null));
    }

    /**
     * Runs bulk work (demo data, imports) without indexing each listing as it is written; the caller
     * rebuilds the index once afterwards. Only while no request is served: it applies to every session.
     */
    <T> T withoutAutomaticIndexing(java.util.function.Supplier<T> work) {
        var mapping = Search.mapping(entityManagerFactory);
        mapping.indexingPlanFilter(filter -> filter.exclude(workflowType()));
        paused = true;
        try {
            return work.get();
        } finally {
            paused = false;
            mapping.indexingPlanFilter(filter -> filter.include(workflowType()));
        }
    }
}
