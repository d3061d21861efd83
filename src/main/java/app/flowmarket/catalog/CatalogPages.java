package app.flowmarket.catalog;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import app.flowmarket.shared.CurrentUser;
import app.flowmarket.store.StoreManagement.StoreView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the catalogue's pages show: a workflow's page (public, or its seller's draft), a seller's list
 * of workflows, the categories. Lists of cards are {@link CatalogQueries}; changes are {@link CatalogManagement}.
 */
@Service
public class CatalogPages {

    private final Workflows workflows;
    private final WorkflowVersions versions;
    private final Screenshots screenshots;
    private final Categories categories;
    private final WorkflowPages pages;
    private final SellerListings sellers;
    private final Tags tags;

    CatalogPages(Workflows workflows, WorkflowVersions versions, Screenshots screenshots, Categories categories,
                 WorkflowPages pages, SellerListings sellers, Tags tags) {
        this.tags = tags;
        this.workflows = workflows;
        this.versions = versions;
        this.screenshots = screenshots;
        this.categories = categories;
        this.pages = pages;
        this.sellers = sellers;
    }

    /** The public workflow page; drafts and archived listings are visible to their seller only. */
    @Transactional(readOnly = true)
    public Optional<WorkflowPage> workflowPage(String slug, CurrentUser viewer) {
        WorkflowPage published = pages.published(slug);
        if (published != null) {
            return Optional.of(published);
        }
        return workflows.findBySlug(slug)
                .filter(w -> w.getStatus() == WorkflowStatus.PUBLISHED || sellers.isOwner(viewer, w))
                .map(pages::page);
    }

    /** A published listing's page, by id (what search matches saved searches against). */
    @Transactional(readOnly = true)
    public Optional<WorkflowPage> publishedWorkflow(UUID workflowId) {
        return workflows.findById(workflowId).filter(w -> w.getStatus() == WorkflowStatus.PUBLISHED).map(pages::page);
    }

    /** The listing as its seller edits it. */
    @Transactional(readOnly = true)
    public WorkflowPage forEditing(CurrentUser seller, UUID workflowId) {
        return pages.page(sellers.owned(seller, workflowId));
    }

    @Transactional(readOnly = true)
    public List<SellerWorkflow> sellerWorkflows(CurrentUser seller) {
        StoreView store = sellers.storeOf(seller);
        return workflows.findByStoreIdOrderByUpdatedAtDesc(store.id()).stream()
                .map(w -> new SellerWorkflow(w.getId(), w.getSlug(), w.getTitle(), w.getPlatform(), w.getPrice(), w.getStatus(),
                        versions.findByWorkflowIdOrderByNumberDesc(w.getId()).size(), w.getUpdatedAt()))
                .toList();
    }

    public List<UUID> screenshotIds(UUID workflowId) {
        return screenshots.findByWorkflowIdOrderByPosition(workflowId).stream().map(Screenshot::getId).toList();
    }

    /** Every tag, by name (the public API lists them). */
    @Transactional(readOnly = true)
    public List<TagView> tags() {
        return tags.findAllByOrderByName().stream().map(t -> new TagView(t.getSlug(), t.names())).toList();
    }

    @Transactional(readOnly = true)
    public List<CategoryView> categories() {
        return categories.findAllByOrderByPositionAscNameAsc().stream().map(WorkflowPages::view).toList();
    }

    @Transactional(readOnly = true)
    public Optional<CategoryView> category(String slug) {
        return categories.findBySlug(slug).map(WorkflowPages::view);
    }
}
