package app.flowmarket.catalog;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import app.flowmarket.shared.AccountId;
import app.flowmarket.shared.WorkflowId;
import app.flowmarket.store.StoreManagement.StoreView;
import org.jspecify.annotations.Nullable;
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
    private final VersionDiffs diffs;
    private final Tags tags;

    CatalogPages(Workflows workflows, WorkflowVersions versions, Screenshots screenshots, Categories categories,
                 WorkflowPages pages, SellerListings sellers, VersionDiffs diffs, Tags tags) {
        this.diffs = diffs;
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
    public Optional<WorkflowPage> workflowPage(String slug, @Nullable AccountId viewer) {
        WorkflowPage published = pages.published(slug);
        if (published != null) {
            return Optional.of(published);
        }
        return workflows.findBySlug(slug)
                .filter(w -> w.getStatus() == WorkflowStatus.PUBLISHED || sellers.isOwner(viewer, w))
                .map(pages::page);
    }

    /** A listing moderation holds, and why (the rules' hits): what its seller and admins read on its page. */
    public record HeldListing(WorkflowPage page, @Nullable String reviewNote) {
    }

    /**
     * The listing of this slug while moderation holds it, whoever asks: the caller shows it whole to its seller and to
     * admins only, and tells anyone else no more than that it is under review.
     */
    @Transactional(readOnly = true)
    public Optional<HeldListing> heldListing(String slug) {
        return workflows.findBySlug(slug).filter(w -> w.getStatus() == WorkflowStatus.HELD)
                .map(w -> new HeldListing(pages.page(w), w.getReviewNote()));
    }

    /**
     * The page of this slug as the viewer may read it with what hangs off it (reviews, questions, graph): what
     * {@link #workflowPage} shows them, and to an admin a listing moderation holds too, which they are deciding on.
     */
    @Transactional(readOnly = true)
    public Optional<WorkflowPage> readablePage(String slug, @Nullable AccountId viewer, boolean admin) {
        Optional<WorkflowPage> page = workflowPage(slug, viewer);
        return page.isPresent() || !admin ? page : heldListing(slug).map(HeldListing::page);
    }

    /** A published listing's page, by id (what search matches saved searches against). */
    @Transactional(readOnly = true)
    public Optional<WorkflowPage> publishedWorkflow(WorkflowId workflowId) {
        return workflows.findById(workflowId.value()).filter(w -> w.getStatus() == WorkflowStatus.PUBLISHED).map(pages::page);
    }

    /** A listing's page by id whatever its state: what a buyer who owns it still sees once it is taken off sale. */
    @Transactional(readOnly = true)
    public Optional<WorkflowPage> workflowById(WorkflowId workflowId) {
        return workflows.findById(workflowId.value()).filter(w -> w.getStatus() != WorkflowStatus.DRAFT).map(pages::page);
    }

    /**
     * What a workflow page shows of its versions' files: each version's changes against the one before (by version
     * number), what the latest needs, and the n8n release it needs. Versions never change, so this is kept by the
     * latest version's id: a page view reads no file and runs no query once its listing has been seen.
     */
    public record WorkflowDetails(Map<Integer, WorkflowDiff> changes, @Nullable Compatibility needs,
                                  N8nReleases.@Nullable Minimum n8nMinimum) {
    }

    private final Map<UUID, WorkflowDetails> details = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, WorkflowDetails> eldest) {
            return size() > 1_000;
        }
    });

    /** See {@link WorkflowDetails}. */
    @Transactional(readOnly = true)
    public WorkflowDetails details(WorkflowPage page) {
        UUID latest = page.latestVersion().map(CatalogManagement.VersionView::id).orElse(null);
        WorkflowDetails known = latest == null ? null : details.get(latest);
        if (known != null) {
            return known;
        }
        Optional<Workflow> workflow = workflows.findById(page.id());
        Map<Integer, WorkflowDiff> changes = new HashMap<>();
        if (page.versions().size() > 1) {
            workflow.map(diffs::history).orElse(List.of()).forEach(diff -> changes.put(diff.toVersion(), diff));
        }
        Compatibility needs = workflow.flatMap(diffs::compatibility).orElse(null);
        N8nReleases.Minimum minimum = needs == null ? null : N8nReleases.of(page.platform(), needs);
        WorkflowDetails found = new WorkflowDetails(Map.copyOf(changes), needs == null || needs.isEmpty() ? null : needs,
                minimum != null && (minimum.release() != null || !minimum.unknown().isEmpty()) ? minimum : null);
        if (latest != null) {
            details.put(latest, found);
        }
        return found;
    }

    /** What changed in each version of a listing against the one before, newest first (empty for the first version). */
    @Transactional(readOnly = true)
    public List<WorkflowDiff> versionChanges(WorkflowId workflowId) {
        return workflows.findById(workflowId.value()).map(diffs::history).orElse(List.of());
    }

    /** What the latest version of a listing needs: node types and versions, credentials, community packages. */
    @Transactional(readOnly = true)
    public Optional<Compatibility> compatibility(WorkflowId workflowId) {
        return workflows.findById(workflowId.value()).flatMap(diffs::compatibility).filter(c -> !c.isEmpty());
    }

    /** The minimum n8n release the latest version of an n8n listing needs (empty for other platforms or unreadable files). */
    public Optional<N8nReleases.Minimum> minimumN8n(WorkflowId workflowId) {
        return workflows.findById(workflowId.value())
                .flatMap(w -> diffs.compatibility(w).map(c -> N8nReleases.of(w.getPlatform(), c)))
                .filter(m -> m.release() != null || !m.unknown().isEmpty());
    }

    /** What changed between any two versions of a listing. */
    @Transactional(readOnly = true)
    public Optional<WorkflowDiff> versionChanges(WorkflowId workflowId, int from, int to) {
        return workflows.findById(workflowId.value()).flatMap(w -> diffs.between(w, from, to));
    }

    /** A listing's page whatever its status, for those who check listings before buyers see them (moderation). */
    @Transactional(readOnly = true)
    public Optional<WorkflowPage> anyWorkflow(WorkflowId workflowId) {
        return workflows.findById(workflowId.value()).map(pages::page);
    }

    /** The listing as its seller edits it. */
    @Transactional(readOnly = true)
    public WorkflowPage forEditing(AccountId seller, WorkflowId workflowId) {
        return pages.page(sellers.owned(seller, workflowId.value()));
    }

    @Transactional(readOnly = true)
    public List<SellerWorkflow> sellerWorkflows(AccountId seller) {
        StoreView store = sellers.storeOf(seller);
        List<Workflow> listed = workflows.findByStoreIdOrderByUpdatedAtDesc(store.id());
        java.util.Map<UUID, Integer> versionCounts = new java.util.HashMap<>();
        if (!listed.isEmpty()) {
            versions.countByWorkflowIds(listed.stream().map(Workflow::getId).toList())
                    .forEach(row -> versionCounts.put((UUID) row[0], ((Number) row[1]).intValue()));
        }
        return listed.stream()
                .map(w -> new SellerWorkflow(w.getId(), w.getSlug(), w.getTitle(), w.getPlatform(), w.getPrice(), w.getStatus(),
                        versionCounts.getOrDefault(w.getId(), 0), w.getUpdatedAt(), w.getReviewNote()))
                .toList();
    }

    /** The screenshots of the seller's own workflow, in the order its page shows them; another seller's workflow is not found. */
    @Transactional(readOnly = true)
    public List<ScreenshotView> screenshots(AccountId seller, WorkflowId workflowId) {
        sellers.owned(seller, workflowId.value());
        return screenshots.findByWorkflowIdOrderByPosition(workflowId.value()).stream()
                .map(s -> new ScreenshotView(s.getId(), s.url(), s.getContentType(), s.getPosition())).toList();
    }

    public List<UUID> screenshotIds(WorkflowId workflowId) {
        return screenshots.findByWorkflowIdOrderByPosition(workflowId.value()).stream().map(Screenshot::getId).toList();
    }

    /** Every tag, by name (the public API lists them). */
    @Transactional(readOnly = true)
    public List<TagView> tags() {
        return tags.findAllByOrderByName().stream().map(t -> new TagView(t.getSlug(), t.names())).toList();
    }

    /** Every category, in their order (kept with the home page's lists: a search reads them for its facet). */
    @org.springframework.cache.annotation.Cacheable(cacheNames = CatalogQueries.HOME_CACHE, key = "'category-views'", sync = true)
    @Transactional(readOnly = true)
    public List<CategoryView> categories() {
        return categories.findAllByOrderByPositionAscNameAsc().stream().map(WorkflowPages::view).toList();
    }

    /** The category's id and its sub-categories' ids; empty when there is no such category. */
    @org.springframework.cache.annotation.Cacheable(cacheNames = CatalogQueries.HOME_CACHE, key = "'category-with-children:' + #slug",
            unless = "#result.isEmpty()")
    @Transactional(readOnly = true)
    public List<UUID> categoryWithChildren(String slug) {
        return categories.findBySlug(slug).map(c -> {
            List<UUID> ids = new java.util.ArrayList<>();
            ids.add(c.getId());
            ids.addAll(categories.childIds(c.getId()));
            return List.copyOf(ids);
        }).orElse(List.of());
    }

    @Transactional(readOnly = true)
    public Optional<CategoryView> category(String slug) {
        return categories.findBySlug(slug).map(WorkflowPages::view);
    }
}
