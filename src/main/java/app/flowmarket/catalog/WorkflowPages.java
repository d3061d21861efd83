package app.flowmarket.catalog;

import org.springframework.cache.annotation.Cacheable;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cached public part of workflow pages: what every visitor sees of a published listing, by slug.
 * A hot page is computed once per node at a time (sync); every change to a listing, its store, its
 * sales or ratings evicts these pages with the other catalogue caches.
 */
@Component
class WorkflowPages {

    private final CatalogManagement catalog;

    WorkflowPages(@Lazy CatalogManagement catalog) {
        this.catalog = catalog;
    }

    @Cacheable(cacheNames = CatalogQueries.WORKFLOW_CACHE, key = "#slug", sync = true)
    @Transactional(readOnly = true)
    public CatalogManagement.WorkflowPage published(String slug) {
        return catalog.publishedPage(slug);
    }
}
