package app.flowmarket.catalog;

import java.util.List;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceContext;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.pojo.work.IndexingPlanSynchronizationStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the search index in step with what Hibernate cannot see (columns changed in plain SQL: sales,
 * ratings, a store's new name) and rebuilds it on request. Entity changes are indexed on commit by
 * Hibernate Search itself.
 */
@Component
class SearchIndexing {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexing.class);

    @PersistenceContext
    private EntityManager entityManager;
    private final EntityManagerFactory entityManagerFactory;
    private final JdbcClient jdbc;

    SearchIndexing(EntityManagerFactory entityManagerFactory, JdbcClient jdbc) {
        this.entityManagerFactory = entityManagerFactory;
        this.jdbc = jdbc;
    }

    /** Re-reads the workflow (after a change made in SQL) and reindexes it when the transaction commits. */
    @Transactional(propagation = Propagation.MANDATORY)
    void reindex(UUID workflowId) {
        entityManager.flush();
        Workflow workflow = entityManager.find(Workflow.class, workflowId);
        if (workflow != null) {
            entityManager.refresh(workflow);
            Search.session(entityManager).indexingPlan().addOrUpdate(workflow);
        }
    }

    /** Copies a store's current name onto its listings and reindexes them. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void storeChanged(UUID storeId) {
        int changed = jdbc.sql("update workflow w set store_name = s.name from store s where s.id = w.store_id and w.store_id = :store and w.store_name <> s.name")
                .param("store", storeId)
                .update();
        if (changed > 0) {
            List<UUID> ids = jdbc.sql("select id from workflow where store_id = :store").param("store", storeId).query(UUID.class).list();
            ids.forEach(this::reindex);
        }
    }

    /** Rebuilds the whole index from the database. */
    void rebuild() {
        long started = System.nanoTime();
        try {
            Search.mapping(entityManagerFactory).scope(Workflow.class).massIndexer()
                    .threadsToLoadObjects(2)
                    .startAndWait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("search reindex interrupted", e);
        }
        log.info("Search index rebuilt in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    @Transactional(readOnly = true)
    public long indexedCount() {
        return Search.session(entityManager).search(Workflow.class).where(f -> f.matchAll()).fetchTotalHitCount();
    }

    long storedCount() {
        return jdbc.sql("select count(*) from workflow").query(Long.class).single();
    }

    /** What the index and the database each hold: every listing, and the published ones people can find. */
    record Counts(long indexed, long indexedPublished, long stored, long storedPublished) {

        boolean agree() {
            return indexed == stored && indexedPublished == storedPublished;
        }
    }

    @Transactional(readOnly = true)
    Counts counts() {
        long indexedPublished = Search.session(entityManager).search(Workflow.class)
                .where(f -> f.match().field("status").matching(WorkflowStatus.PUBLISHED)).fetchTotalHitCount();
        long storedPublished = jdbc.sql("select count(*) from workflow where status = 'PUBLISHED'").query(Long.class).single();
        return new Counts(indexedCount(), indexedPublished, storedCount(), storedPublished);
    }

    /** Removes documents whose listing no longer exists in the database (found by a search that could not show them). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void purge(List<UUID> workflowIds) {
        log.warn("Search index held {} listing(s) missing from the database; removed them from the index", workflowIds.size());
        var session = Search.session(entityManager);
        // the search that found them runs again at once and must not see them
        session.indexingPlanSynchronizationStrategy(IndexingPlanSynchronizationStrategy.readSync());
        workflowIds.forEach(id -> session.indexingPlan().purge(Workflow.class, id, null));
    }

    /**
     * Runs bulk work (demo data, imports) without indexing each listing as it is written; the caller
     * rebuilds the index once afterwards. Only while no request is served: it applies to every session.
     */
    <T> T withoutAutomaticIndexing(java.util.function.Supplier<T> work) {
        var mapping = Search.mapping(entityManagerFactory);
        mapping.indexingPlanFilter(filter -> filter.exclude(Workflow.class));
        try {
            return work.get();
        } finally {
            mapping.indexingPlanFilter(filter -> filter.include(Workflow.class));
        }
    }
}
