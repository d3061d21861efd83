package app.flowmarket.catalog;

import java.util.List;

import app.flowmarket.shared.Markdown;
import app.flowmarket.shared.StoreId;
import app.flowmarket.store.StoreManagement.StoreView;
import app.flowmarket.store.StoreManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts a workflow's page together from the listing, its store, category, tags, versions and
 * screenshots. The public page of a published listing, the same for every visitor, is cached by slug:
 * a hot page is computed once per node at a time (sync), and every catalogue change evicts it
 * ({@link CatalogCaches}).
 */
@Component
class WorkflowPages {

    private final Workflows workflows;
    private final WorkflowVersions versions;
    private final Screenshots screenshots;
    private final Categories categories;
    private final StoreManagement stores;

    WorkflowPages(Workflows workflows, WorkflowVersions versions, Screenshots screenshots, Categories categories,
                  StoreManagement stores) {
        this.workflows = workflows;
        this.versions = versions;
        this.screenshots = screenshots;
        this.categories = categories;
        this.stores = stores;
    }

    /** The page of a published listing; null when there is none. */
    @Cacheable(cacheNames = CatalogQueries.WORKFLOW_CACHE, key = "#slug", sync = true)
    @Transactional(readOnly = true)
    public @Nullable WorkflowPage published(String slug) {
        return workflows.findBySlug(slug).filter(w -> w.getStatus() == WorkflowStatus.PUBLISHED).map(this::page).orElse(null);
    }

    WorkflowPage page(Workflow w) {
        StoreView store = stores.find(StoreId.of(w.getStoreId())).orElseThrow();
        CategoryView category = w.getCategoryId() == null ? null : categories.findById(w.getCategoryId()).map(WorkflowPages::view).orElse(null);
        List<TagView> tagViews = w.getTags().stream().map(t -> new TagView(t.getSlug(), t.names()))
                .sorted((a, b) -> a.name().english().compareToIgnoreCase(b.name().english())).toList();
        List<CatalogManagement.VersionView> versionViews = versions.findByWorkflowIdOrderByNumberDesc(w.getId()).stream()
                .map(WorkflowPages::view).toList();
        List<String> shots = screenshots.findByWorkflowIdOrderByPosition(w.getId()).stream().map(Screenshot::url).toList();
        return new WorkflowPage(w.getId(), w.getSlug(), w.getTitle(), w.getSummary(), w.getDescriptionMd(),
                Markdown.toSafeHtml(w.getDescriptionMd()), w.getPlatform(), w.getPrice(), w.getStatus(), category, tagViews,
                Lines.split(w.getIntegrations()), versionViews, shots, store, w.getRatingAvg(), w.getRatingCount(),
                w.getSalesCount(), w.getPublishedAt(), w.getUpdatedAt());
    }

    static CatalogManagement.VersionView view(WorkflowVersion v) {
        return new CatalogManagement.VersionView(v.getId(), v.getNumber(), v.getChangelog(), v.getFileName(), v.getFileSize(),
                v.getSha256(), v.getNodeCount(), Lines.split(v.getIntegrations()), Lines.split(v.getSecretWarnings()), v.getCreatedAt());
    }

    static CategoryView view(Category c) {
        return new CategoryView(c.getId(), c.getSlug(), c.names(), c.descriptions());
    }
}
