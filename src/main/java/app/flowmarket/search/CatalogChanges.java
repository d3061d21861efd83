package app.flowmarket.search;

import app.flowmarket.catalog.StoreListingsUpdated;
import app.flowmarket.catalog.WorkflowStatsChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What the catalogue changes outside its listing entity (and Hibernate Search therefore cannot see)
 * is reindexed in the transaction that changes it, so the change is searchable once it commits.
 */
@Component
class CatalogChanges {

    private final SearchIndexing indexing;

    CatalogChanges(SearchIndexing indexing) {
        this.indexing = indexing;
    }

    @EventListener
    void on(WorkflowStatsChanged event) {
        indexing.reindex(event.workflowId());
    }

    @EventListener
    void on(StoreListingsUpdated event) {
        event.renamedWorkflowIds().forEach(indexing::reindex);
    }
}
