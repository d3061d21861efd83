package app.flowmarket.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import app.flowmarket.audit.AuditLog;
import app.flowmarket.shared.CurrentUser;
import app.flowmarket.shared.DomainException;
import app.flowmarket.shared.Markdown;
import app.flowmarket.shared.Money;
import app.flowmarket.shared.NotFoundException;
import app.flowmarket.shared.Slugs;
import app.flowmarket.shared.Tokens;
import app.flowmarket.storage.BlobStore;
import app.flowmarket.storage.Images;
import app.flowmarket.store.StoreManagement;
import app.flowmarket.store.StoreManagement.StoreView;
import org.springframework.cache.annotation.CacheEvict;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The catalogue module's public API: sellers manage listings, everyone reads the catalogue. */
@Service
public class CatalogManagement {

    public static final Set<String> CURRENCIES = Set.of("USD", "EUR", "GBP");
    static final long MAX_PRICE_MINOR = 100_000_00L;
    static final int MAX_SCREENSHOTS = 8;
    static final int MAX_TAGS = 10;

    private final Workflows workflows;
    private final WorkflowVersions versions;
    private final Screenshots screenshots;
    private final Categories categories;
    private final Tags tags;
    private final StoreManagement stores;
    private final BlobStore blobs;
    private final AuditLog auditLog;
    private final ApplicationEventPublisher events;
    private final WorkflowPages pages;

    CatalogManagement(Workflows workflows, WorkflowVersions versions, Screenshots screenshots, Categories categories,
                      Tags tags, StoreManagement stores, BlobStore blobs, AuditLog auditLog, ApplicationEventPublisher events,
                      @org.springframework.context.annotation.Lazy WorkflowPages pages) {
        this.pages = pages;
        this.workflows = workflows;
        this.versions = versions;
        this.screenshots = screenshots;
        this.categories = categories;
        this.tags = tags;
        this.stores = stores;
        this.blobs = blobs;
        this.auditLog = auditLog;
        this.events = events;
    }

    /** What a seller writes about a workflow. */
    public record Listing(String title, String summary, String description, Platform platform, Money price,
                          UUID categoryId, List<String> tagNames) {
    }

    /** An uploaded file. */
    public record Upload(String fileName, byte[] content) {
    }

    public record VersionView(UUID id, int number, String changelog, String fileName, long fileSize, String sha256,
                              int nodeCount, List<String> integrations, List<String> secretWarnings, Instant createdAt) implements java.io.Serializable {
    }

    public record CategoryView(UUID id, String slug, String name, String description) implements java.io.Serializable {
    }

    public record TagView(String slug, String name) implements java.io.Serializable {
    }

    public record WorkflowPage(UUID id, String slug, String title, String summary, String descriptionMarkdown,
                               String descriptionHtml, Platform platform, Money price, WorkflowStatus status,
                               CategoryView category, List<TagView> tags, List<String> integrations,
                               List<VersionView> versions, List<String> screenshotUrls, StoreView store,
                               BigDecimal ratingAvg, int ratingCount, int salesCount, Instant publishedAt,
                               Instant updatedAt) implements java.io.Serializable {

        public boolean isPublished() {
            return status == WorkflowStatus.PUBLISHED;
        }

        public Optional<VersionView> latestVersion() {
            return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(0));
        }
    }

    public record SellerWorkflow(UUID id, String slug, String title, Platform platform, Money price,
                                 WorkflowStatus status, int versionCount, Instant updatedAt) {
    }

    // ---- sellers -------------------------------------------------------------------------------

    /**
     * Creates a draft listing with its first file version. The file is validated first; if anything
     * is wrong nothing is saved (and a file already written is removed when the transaction rolls back).
     */
    @CacheEvict(cacheNames = {CatalogQueries.HOME_CACHE, CatalogQueries.WORKFLOW_CACHE, CatalogQueries.SEARCH_CACHE, CatalogQueries.PAGE_CACHE}, allEntries = true)
    @Transactional
    public UUID createWorkflow(CurrentUser seller, Listing raw, Upload file) {
        StoreView store = storeOf(seller);
        Listing listing = validate(raw);
        if (file == null || file.content() == null || file.content().length == 0) {
            throw new DomainException("workflow.file.required");
        }
        ParsedWorkflow parsed = WorkflowFileParser.parse(listing.platform(), file.content());
        Workflow workflow = workflows.save(new Workflow(store.id(), store.name(), uniqueSlug(listing.title()), listing, resolveTags(listing.tagNames())));
        saveVersion(workflow, 1, "", file, parsed);
        auditLog.record(seller.id(), seller.email(), "workflow.created", "workflow", workflow.getId(), workflow.getSlug());
        return workflow.getId();
    }

    @CacheEvict(cacheNames = {CatalogQueries.HOME_CACHE, CatalogQueries.WORKFLOW_CACHE, CatalogQueries.SEARCH_CACHE, CatalogQueries.PAGE_CACHE}, allEntries = true)
    @Transactional
    public void updateListing(CurrentUser seller, UUID workflowId, Listing raw) {
        Workflow workflow = owned(seller, workflowId);
        Listing listing = validate(raw);
        if (listing.platform() != workflow.getPlatform() && versions.existsByWorkflowId(workflowId)) {
            throw new DomainException("workflow.platform.locked");
        }
        workflow.update(listing, resolveTags(listing.tagNames()));
        auditLog.record(seller.id(), seller.email(), "workflow.updated", "workflow", workflowId, null);
    }

    @CacheEvict(cacheNames = {CatalogQueries.HOME_CACHE, CatalogQueries.WORKFLOW_CACHE, CatalogQueries.SEARCH_CACHE, CatalogQueries.PAGE_CACHE}, allEntries = true)
    @Transactional
    public VersionView addVersion(CurrentUser seller, UUID workflowId, String changelog, Upload file) {
        Workflow workflow = owned(seller, workflowId);
        String log = changelog == null ? "" : changelog.strip();
        if (log.isEmpty()) {
            throw new DomainException("workflow.changelog.required");
        }
        if (log.length() > 5000) {
            throw new DomainException("workflow.changelog.too-long");
        }
        if (file == null || file.content() == null || file.content().length == 0) {
            throw new DomainException("workflow.file.required");
        }
        ParsedWorkflow parsed = WorkflowFileParser.parse(workflow.getPlatform(), file.content());
        int next = versions.findByWorkflowIdOrderByNumberDesc(workflowId).stream().mapToInt(WorkflowVersion::getNumber).max().orElse(0) + 1;
        WorkflowVersion version = saveVersion(workflow, next, log, file, parsed);
        auditLog.record(seller.id(), seller.email(), "workflow.version-added", "workflow", workflowId, "v" + next);
        if (workflow.getStatus() == WorkflowStatus.PUBLISHED) {
            events.publishEvent(new WorkflowVersionAdded(workflowId, version.getId(), next, log));
        }
        return version.toView();
    }

    @CacheEvict(cacheNames = {CatalogQueries.HOME_CACHE, CatalogQueries.WORKFLOW_CACHE, CatalogQueries.SEARCH_CACHE, CatalogQueries.PAGE_CACHE}, allEntries = true)
    @Transactional
    public void publish(CurrentUser seller, UUID workflowId) {
        Workflow workflow = owned(seller, workflowId);
        boolean first = workflow.publish(versions.existsByWorkflowId(workflowId));
        auditLog.record(seller.id(), seller.email(), "workflow.published", "workflow", workflowId, workflow.getSlug());
        if (first) {
            events.publishEvent(new WorkflowPublished(workflowId, workflow.getStoreId(), workflow.getSlug(), workflow.getTitle()));
        }
    }

    @CacheEvict(cacheNames = {CatalogQueries.HOME_CACHE, CatalogQueries.WORKFLOW_CACHE, CatalogQueries.SEARCH_CACHE, CatalogQueries.PAGE_CACHE}, allEntries = true)
    @Transactional
    public void archive(CurrentUser seller, UUID workflowId) {
        Workflow workflow = owned(seller, workflowId);
        workflow.archive();
        auditLog.record(seller.id(), seller.email(), "workflow.archived", "workflow", workflowId, workflow.getSlug());
    }

    @CacheEvict(cacheNames = {CatalogQueries.HOME_CACHE, CatalogQueries.WORKFLOW_CACHE, CatalogQueries.SEARCH_CACHE, CatalogQueries.PAGE_CACHE}, allEntries = true)
    @Transactional
    public void addScreenshot(CurrentUser seller, UUID workflowId, byte[] image) {
        owned(seller, workflowId);
        if (image == null || image.length == 0) {
            throw new DomainException("image.required");
        }
        if (image.length > Images.MAX_BYTES) {
            throw new DomainException("image.too-large");
        }
        String type = Images.contentType(image).orElseThrow(() -> new DomainException("image.unsupported"));
        long count = screenshots.countByWorkflowId(workflowId);
        if (count >= MAX_SCREENSHOTS) {
            throw new DomainException("workflow.screenshots.too-many", MAX_SCREENSHOTS);
        }
        String key = putRemovingOnRollback("screenshots", image);
        screenshots.save(new Screenshot(workflowId, key, type, (int) count));
    }

    @CacheEvict(cacheNames = {CatalogQueries.HOME_CACHE, CatalogQueries.WORKFLOW_CACHE, CatalogQueries.SEARCH_CACHE, CatalogQueries.PAGE_CACHE}, allEntries = true)
    @Transactional
    public void removeScreenshot(CurrentUser seller, UUID workflowId, UUID screenshotId) {
        owned(seller, workflowId);
        Screenshot screenshot = screenshots.findById(screenshotId)
                .filter(s -> screenshots.findByWorkflowIdOrderByPosition(workflowId).stream().anyMatch(o -> o.getId().equals(s.getId())))
                .orElseThrow(() -> new NotFoundException("screenshot"));
        screenshots.delete(screenshot);
        blobs.delete(screenshot.getBlobKey());
    }

    @Transactional(readOnly = true)
    public List<SellerWorkflow> sellerWorkflows(CurrentUser seller) {
        StoreView store = storeOf(seller);
        return workflows.findByStoreIdOrderByUpdatedAtDesc(store.id()).stream()
                .map(w -> new SellerWorkflow(w.getId(), w.getSlug(), w.getTitle(), w.getPlatform(), w.getPrice(), w.getStatus(),
                        versions.findByWorkflowIdOrderByNumberDesc(w.getId()).size(), w.getUpdatedAt()))
                .toList();
    }

    /** The listing as its seller edits it. */
    @Transactional(readOnly = true)
    public WorkflowPage forEditing(CurrentUser seller, UUID workflowId) {
        return page(owned(seller, workflowId));
    }

    public List<UUID> screenshotIds(UUID workflowId) {
        return screenshots.findByWorkflowIdOrderByPosition(workflowId).stream().map(Screenshot::getId).toList();
    }

    // ---- everyone ------------------------------------------------------------------------------

    /** The public workflow page; drafts and archived listings are visible to their seller only. */
    @Transactional(readOnly = true)
    public Optional<WorkflowPage> workflowPage(String slug, CurrentUser viewer) {
        WorkflowPage published = pages.published(slug);
        if (published != null) {
            return Optional.of(published);
        }
        return workflows.findBySlug(slug)
                .filter(w -> w.getStatus() == WorkflowStatus.PUBLISHED || isOwner(viewer, w))
                .map(this::page);
    }

    /** The page of a published listing, the same for every viewer; null when there is none. Cached by {@link WorkflowPages}. */
    WorkflowPage publishedPage(String slug) {
        return workflows.findBySlug(slug).filter(w -> w.getStatus() == WorkflowStatus.PUBLISHED).map(this::page).orElse(null);
    }

    /** A published listing's page, by id (what search matches saved searches against). */
    @Transactional(readOnly = true)
    public Optional<WorkflowPage> publishedWorkflow(UUID workflowId) {
        return workflows.findById(workflowId).filter(w -> w.getStatus() == WorkflowStatus.PUBLISHED).map(this::page);
    }

    @Transactional(readOnly = true)
    public List<CategoryView> categories() {
        return categories.findAllByOrderByPositionAscNameAsc().stream().map(CatalogManagement::view).toList();
    }

    @Transactional(readOnly = true)
    public Optional<CategoryView> category(String slug) {
        return categories.findBySlug(slug).map(CatalogManagement::view);
    }

    /**
     * Gives a published demo listing a plausible history (publication date, sales, ratings, featured flag).
     * Used only by the demo data; real numbers come from orders and reviews.
     */
    @CacheEvict(cacheNames = {CatalogQueries.HOME_CACHE, CatalogQueries.WORKFLOW_CACHE, CatalogQueries.SEARCH_CACHE, CatalogQueries.PAGE_CACHE}, allEntries = true)
    @Transactional
    public void recordDemoHistory(UUID workflowId, Instant publishedAt, int sales, BigDecimal rating, int ratings, boolean featured) {
        Workflow workflow = workflows.findById(workflowId).orElseThrow();
        workflow.backdate(publishedAt.minusSeconds(86_400), publishedAt);
        workflow.recordDemoStats(sales, rating, ratings);
        workflow.feature(featured);
    }

    // ---- for other modules (commerce, licensing, review) --------------------------------------

    /** What commerce needs to sell a workflow. */
    public record PurchasableWorkflow(UUID id, String slug, String title, UUID storeId, Money price, boolean published) {
    }

    public record VersionFile(UUID workflowId, UUID versionId, int number, String fileKey, String fileName) {
    }

    @Transactional(readOnly = true)
    public Optional<PurchasableWorkflow> purchasable(UUID workflowId) {
        return workflows.findById(workflowId).map(w -> new PurchasableWorkflow(w.getId(), w.getSlug(), w.getTitle(),
                w.getStoreId(), w.getPrice(), w.getStatus() == WorkflowStatus.PUBLISHED));
    }

    @Transactional(readOnly = true)
    public Optional<PurchasableWorkflow> purchasableBySlug(String slug) {
        return workflows.findBySlug(slug).flatMap(w -> purchasable(w.getId()));
    }

    @Transactional(readOnly = true)
    public List<VersionView> versions(UUID workflowId) {
        return versions.findByWorkflowIdOrderByNumberDesc(workflowId).stream().map(WorkflowVersion::toView).toList();
    }

    @Transactional(readOnly = true)
    public Optional<VersionFile> versionFile(UUID versionId) {
        return versions.findById(versionId).map(v -> new VersionFile(v.getWorkflowId(), v.getId(), v.getNumber(), v.getFileKey(), v.getFileName()));
    }

    /** Counts a sale (or, with -1, a refunded one) on the listing. */
    @CacheEvict(cacheNames = {CatalogQueries.HOME_CACHE, CatalogQueries.WORKFLOW_CACHE, CatalogQueries.SEARCH_CACHE, CatalogQueries.PAGE_CACHE}, allEntries = true)
    @Transactional
    public void recordSales(UUID workflowId, int delta) {
        workflows.addSales(workflowId, delta);
        events.publishEvent(new WorkflowStatsChanged(workflowId));
    }

    /** Stores the rating computed by the review module from all reviews of the workflow. */
    @CacheEvict(cacheNames = {CatalogQueries.HOME_CACHE, CatalogQueries.WORKFLOW_CACHE, CatalogQueries.SEARCH_CACHE, CatalogQueries.PAGE_CACHE}, allEntries = true)
    @Transactional
    public void updateRating(UUID workflowId, BigDecimal average, int count) {
        workflows.rate(workflowId, average, count);
        events.publishEvent(new WorkflowStatsChanged(workflowId));
    }

    // ---- internals -----------------------------------------------------------------------------

    private WorkflowVersion saveVersion(Workflow workflow, int number, String changelog, Upload file, ParsedWorkflow parsed) {
        String key = putRemovingOnRollback("workflow-files", file.content());
        String fileName = safeFileName(file.fileName(), workflow.getSlug());
        WorkflowVersion version = versions.save(new WorkflowVersion(workflow.getId(), number, changelog, key, fileName,
                file.content().length, Tokens.sha256Hex(file.content()), parsed));
        workflow.useVersion(version);
        return version;
    }

    private String putRemovingOnRollback(String prefix, byte[] content) {
        String key = blobs.put(prefix, content);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        blobs.delete(key);
                    }
                }
            });
        }
        return key;
    }

    private WorkflowPage page(Workflow w) {
        StoreView store = stores.find(w.getStoreId()).orElseThrow();
        CategoryView category = w.getCategoryId() == null ? null : categories.findById(w.getCategoryId()).map(CatalogManagement::view).orElse(null);
        List<TagView> tagViews = w.getTags().stream().map(t -> new TagView(t.getSlug(), t.getName()))
                .sorted((a, b) -> a.name().compareToIgnoreCase(b.name())).toList();
        List<VersionView> versionViews = versions.findByWorkflowIdOrderByNumberDesc(w.getId()).stream().map(WorkflowVersion::toView).toList();
        List<String> shots = screenshots.findByWorkflowIdOrderByPosition(w.getId()).stream().map(s -> "/media/" + s.getBlobKey()).toList();
        return new WorkflowPage(w.getId(), w.getSlug(), w.getTitle(), w.getSummary(), w.getDescriptionMd(),
                Markdown.toSafeHtml(w.getDescriptionMd()), w.getPlatform(), w.getPrice(), w.getStatus(), category, tagViews,
                Lines.split(w.getIntegrations()), versionViews, shots, store, w.getRatingAvg(), w.getRatingCount(),
                w.getSalesCount(), w.getPublishedAt(), w.getUpdatedAt());
    }

    private boolean isOwner(CurrentUser viewer, Workflow workflow) {
        return viewer != null && stores.findByOwner(viewer.id()).map(s -> s.id().equals(workflow.getStoreId())).orElse(false);
    }

    /** The seller's own workflow, or 404: someone else's listing is not found, never "forbidden". */
    private Workflow owned(CurrentUser seller, UUID workflowId) {
        StoreView store = storeOf(seller);
        return workflows.findById(workflowId)
                .filter(w -> w.getStoreId().equals(store.id()))
                .orElseThrow(() -> new NotFoundException("workflow"));
    }

    private StoreView storeOf(CurrentUser seller) {
        return stores.findByOwner(seller.id()).orElseThrow(() -> new DomainException("store.none"));
    }

    private Listing validate(Listing raw) {
        String title = raw.title() == null ? "" : raw.title().strip();
        if (title.length() < 3 || title.length() > 120) {
            throw new DomainException("workflow.title.invalid");
        }
        String summary = raw.summary() == null ? "" : raw.summary().strip();
        if (summary.length() < 10 || summary.length() > 300) {
            throw new DomainException("workflow.summary.invalid");
        }
        String description = raw.description() == null ? "" : raw.description().strip();
        if (description.length() > 50_000) {
            throw new DomainException("workflow.description.too-long");
        }
        if (raw.platform() == null) {
            throw new DomainException("workflow.platform.invalid");
        }
        Money price = raw.price();
        if (price == null || price.minor() < 0 || price.minor() > MAX_PRICE_MINOR
                || !CURRENCIES.contains(price.currency().getCurrencyCode())) {
            throw new DomainException("workflow.price.invalid");
        }
        if (raw.categoryId() != null && !categories.existsById(raw.categoryId())) {
            throw new DomainException("workflow.category.invalid");
        }
        List<String> tagNames = raw.tagNames() == null ? List.of()
                : raw.tagNames().stream().map(String::strip).filter(t -> !t.isEmpty()).distinct().toList();
        if (tagNames.size() > MAX_TAGS || tagNames.stream().anyMatch(t -> t.length() > 30 || Slugs.slugify(t, 30).isEmpty())) {
            throw new DomainException("workflow.tags.invalid", MAX_TAGS);
        }
        return new Listing(title, summary, description, raw.platform(), price, raw.categoryId(), tagNames);
    }

    private Set<Tag> resolveTags(List<String> names) {
        Set<Tag> resolved = new LinkedHashSet<>();
        for (String name : names) {
            String slug = Slugs.slugify(name, 30);
            resolved.add(tags.findBySlug(slug).orElseGet(() -> tags.save(new Tag(slug, name))));
        }
        return resolved;
    }

    private String uniqueSlug(String title) {
        String base = Slugs.slugify(title, 90);
        if (base.length() < 2) {
            base = "workflow";
        }
        String slug = base;
        for (int i = 2; workflows.existsBySlug(slug); i++) {
            slug = base + "-" + i;
        }
        return slug;
    }

    private static String safeFileName(String name, String fallback) {
        String cleaned = name == null ? "" : name.replaceAll("[^A-Za-z0-9._ -]", "_").strip();
        if (cleaned.isEmpty() || cleaned.startsWith(".")) {
            cleaned = fallback + ".json";
        }
        return cleaned.length() > 200 ? cleaned.substring(cleaned.length() - 200) : cleaned;
    }

    private static CategoryView view(Category c) {
        return new CategoryView(c.getId(), c.getSlug(), c.getName(), c.getDescription());
    }
}
