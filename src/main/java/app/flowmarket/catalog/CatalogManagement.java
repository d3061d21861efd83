package app.flowmarket.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import app.flowmarket.audit.AuditLog;
import app.flowmarket.shared.Actor;
import app.flowmarket.shared.AccountId;
import app.flowmarket.shared.DomainException;
import app.flowmarket.shared.ListingScreen;
import app.flowmarket.shared.Money;
import app.flowmarket.shared.NotFoundException;
import app.flowmarket.shared.Slugs;
import app.flowmarket.shared.Tokens;
import app.flowmarket.shared.WorkflowId;
import app.flowmarket.store.StoreManagement.StoreView;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalogue module's public API for changes: sellers manage their listings, orders and reviews
 * count sales and ratings, and other modules read what they sell and deliver. Every change raises a
 * {@link CatalogChanged} event. Pages read through {@link CatalogPages}, lists of cards through
 * {@link CatalogQueries}.
 */
@Service
public class CatalogManagement {

    private final Workflows workflows;
    private final WorkflowVersions versions;
    private final Screenshots screenshots;
    private final Tags tags;
    private final ListingRules rules;
    private final CatalogFiles files;
    private final SellerListings sellers;
    private final AuditLog auditLog;
    private final ApplicationEventPublisher events;
    private final ListingScreen screen;
    private final JdbcClient jdbc;

    CatalogManagement(Workflows workflows, WorkflowVersions versions, Screenshots screenshots, Tags tags, ListingRules rules,
                      CatalogFiles files, SellerListings sellers, AuditLog auditLog, ApplicationEventPublisher events, ListingScreen screen,
                      JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.screen = screen;
        this.workflows = workflows;
        this.versions = versions;
        this.screenshots = screenshots;
        this.tags = tags;
        this.rules = rules;
        this.files = files;
        this.sellers = sellers;
        this.auditLog = auditLog;
        this.events = events;
    }

    // ---- sellers -------------------------------------------------------------------------------

    /**
     * Creates a draft listing with its first file version. The file is validated first; if anything
     * is wrong nothing is saved (and a file already written is removed when the transaction rolls back).
     */
    @Transactional
    public UUID createWorkflow(Actor seller, Listing raw, @Nullable Upload file) {
        return createWorkflow(seller, raw, file, LicencePrices.NONE);
    }

    /** As {@link #createWorkflow(Actor, Listing, Upload)}, offering team and company licences at these prices. */
    @Transactional
    public UUID createWorkflow(Actor seller, Listing raw, @Nullable Upload file, LicencePrices licences) {
        StoreView store = sellers.storeOf(seller.id());
        Listing listing = rules.listing(raw);
        Workflow workflow = draft(seller, store, listing, file, licences, uniqueSlug(listing.title()), resolveTags(listing.tagNames())).workflow();
        events.publishEvent(new WorkflowChanged(workflow.getId()));
        return workflow.getId();
    }

    private Placed draft(Actor seller, StoreView store, Listing listing, @Nullable Upload file, LicencePrices licences, String slug,
                           Set<Tag> tags) {
        LicencePrices tiers = rules.licencePrices(listing.price(), licences);
        ParsedWorkflow parsed = rules.file(listing.platform(), file);
        Workflow workflow = workflows.save(new Workflow(store.id(), store.name(), slug, listing, tags));
        workflow.offerLicences(tiers);
        WorkflowVersion first = saveVersion(workflow, 1, "", file, parsed);
        screen(seller, workflow, first, file.content());
        auditLog.record(seller.id().value(), seller.label(), "workflow.created", "workflow", workflow.getId(), workflow.getSlug());
        return new Placed(workflow, List.of(first));
    }

    /** A listing brought in whole: the listing, its first file, and its later files with what changed in each. */
    record Brought(Listing listing, Upload file, List<Map.Entry<String, Upload>> laterFiles) {
    }

    /** A listing once brought in, with its files' versions, oldest first. */
    record Placed(Workflow workflow, List<WorkflowVersion> versions) {
    }

    /**
     * Creates and publishes many listings of one seller at once (a store moving in, the demo marketplace): each with
     * the checks and the audit trail it gets one step at a time, but the store, the tags and the free slugs are
     * looked up once for them all, and nothing is read back. The caller raises {@link WorkflowChanged} for each.
     */
    List<Placed> bringIn(Actor seller, List<Brought> brought) {
        StoreView store = sellers.storeOf(seller.id());
        List<Listing> listings = brought.stream().map(b -> rules.listing(b.listing())).toList();
        Map<String, Tag> tagsBySlug = new HashMap<>();
        List<String> tagNames = listings.stream().flatMap(l -> l.tagNames().stream()).distinct().toList();
        tags.findBySlugIn(tagNames.stream().map(name -> Slugs.slugify(name, 30)).toList()).forEach(t -> tagsBySlug.put(t.getSlug(), t));
        Set<String> taken = new HashSet<>(workflows.findSlugsAmong(listings.stream()
                .flatMap(l -> slugCandidates(baseSlug(l.title())).stream()).toList()));
        List<Placed> placed = new ArrayList<>();
        for (int i = 0; i < brought.size(); i++) {
            Listing listing = listings.get(i);
            Set<Tag> tagged = new LinkedHashSet<>();
            for (String name : listing.tagNames()) {
                String slug = Slugs.slugify(name, 30);
                tagged.add(tagsBySlug.computeIfAbsent(slug, s -> tags.save(new Tag(s, name))));
            }
            String base = baseSlug(listing.title());
            String slug = slugCandidates(base).stream().filter(candidate -> !taken.contains(candidate)).findFirst()
                    .orElseGet(() -> uniqueSlug(listing.title()));
            taken.add(slug);
            Placed drafted = draft(seller, store, listing, brought.get(i).file(), LicencePrices.NONE, slug, tagged);
            Workflow workflow = drafted.workflow();
            List<WorkflowVersion> made = new ArrayList<>(drafted.versions());
            for (Map.Entry<String, Upload> later : brought.get(i).laterFiles()) {
                String log = rules.changelog(later.getKey());
                ParsedWorkflow parsed = rules.file(workflow.getPlatform(), later.getValue());
                WorkflowVersion version = saveVersion(workflow, made.size() + 1, log, later.getValue(), parsed);
                screen(seller, workflow, version, later.getValue().content());
                auditLog.record(seller.id().value(), seller.label(), "workflow.version-added", "workflow", workflow.getId(), "v" + version.getNumber());
                made.add(version);
            }
            publish(seller, workflow, true);
            placed.add(new Placed(workflow, List.copyOf(made)));
        }
        return placed;
    }

    /** Changes the listing and keeps its licence tiers, which must still be above the new price. */
    @Transactional
    public void updateListing(Actor seller, WorkflowId workflowId, Listing raw) {
        Workflow workflow = sellers.owned(seller.id(), workflowId.value());
        updateListing(seller, workflowId, raw, workflow.getLicencePrices());
    }

    /** Changes the listing and the team and company licences it offers, checked together. */
    @Transactional
    public void updateListing(Actor seller, WorkflowId workflowId, Listing raw, LicencePrices licences) {
        Workflow workflow = sellers.owned(seller.id(), workflowId.value());
        Listing listing = rules.listing(raw);
        if (listing.platform() != workflow.getPlatform() && versions.existsByWorkflowId(workflowId.value())) {
            throw new DomainException("workflow.platform.locked");
        }
        LicencePrices tiers = rules.licencePrices(listing.price(), licences);
        workflow.update(listing, resolveTags(listing.tagNames()));
        workflow.offerLicences(tiers);
        screenAsItIs(seller, workflow);
        auditLog.record(seller.id().value(), seller.label(), "workflow.updated", "workflow", workflowId.value(), null);
        events.publishEvent(new WorkflowChanged(workflowId.value()));
    }

    /** Offers team and company licences at these prices (or withdraws them: {@link LicencePrices#NONE}), above the current price. */
    @Transactional
    public void offerLicences(Actor seller, WorkflowId workflowId, LicencePrices licences) {
        Workflow workflow = sellers.owned(seller.id(), workflowId.value());
        workflow.offerLicences(rules.licencePrices(workflow.getPrice(), licences));
        auditLog.record(seller.id().value(), seller.label(), "workflow.updated", "workflow", workflowId.value(), "licence tiers");
        events.publishEvent(new WorkflowChanged(workflowId.value()));
    }

    @Transactional
    public VersionView addVersion(Actor seller, WorkflowId workflowId, String changelog, @Nullable Upload file) {
        Workflow workflow = sellers.owned(seller.id(), workflowId.value());
        String log = rules.changelog(changelog);
        ParsedWorkflow parsed = rules.file(workflow.getPlatform(), file);
        int next = versions.findByWorkflowIdOrderByNumberDesc(workflowId.value()).stream().mapToInt(WorkflowVersion::getNumber).max().orElse(0) + 1;
        WorkflowVersion version = saveVersion(workflow, next, log, file, parsed);
        screen(seller, workflow, version, file.content());
        auditLog.record(seller.id().value(), seller.label(), "workflow.version-added", "workflow", workflowId.value(), "v" + next);
        if (workflow.getStatus() == WorkflowStatus.PUBLISHED) {
            events.publishEvent(new WorkflowVersionAdded(workflowId.value(), version.getId(), next, log));
        }
        events.publishEvent(new WorkflowChanged(workflowId.value()));
        return WorkflowPages.view(version);
    }

    @Transactional
    public void publish(Actor seller, WorkflowId workflowId) {
        Workflow workflow = sellers.owned(seller.id(), workflowId.value());
        boolean hasVersion = versions.existsByWorkflowId(workflowId.value());
        if (hasVersion && workflow.getStatus() != WorkflowStatus.PUBLISHED) {
            screenAsItIs(seller, workflow);
        }
        publish(seller, workflow, hasVersion);
        events.publishEvent(new WorkflowChanged(workflowId.value()));
    }

    /** Publishes a listing as its last screening left it: a listing a rule holds waits, hidden, for a moderator. */
    private void publish(Actor seller, Workflow workflow, boolean hasFile) {
        boolean first = workflow.publish(hasFile);
        auditLog.record(seller.id().value(), seller.label(), workflow.getStatus() == WorkflowStatus.HELD ? "workflow.held" : "workflow.published",
                "workflow", workflow.getId(), workflow.getSlug());
        if (first) {
            events.publishEvent(new WorkflowPublished(workflow.getId(), workflow.getStoreId(), workflow.getSlug(), workflow.getTitle()));
        }
    }

    @Transactional
    public void archive(Actor seller, WorkflowId workflowId) {
        Workflow workflow = sellers.owned(seller.id(), workflowId.value());
        workflow.archive();
        auditLog.record(seller.id().value(), seller.label(), "workflow.archived", "workflow", workflowId.value(), workflow.getSlug());
        events.publishEvent(new WorkflowChanged(workflowId.value()));
    }

    /** Adds a screenshot after the listing's others; returns its id. */
    @Transactional
    public UUID addScreenshot(Actor seller, WorkflowId workflowId, byte @Nullable [] image) {
        sellers.owned(seller.id(), workflowId.value());
        long count = screenshots.countByWorkflowId(workflowId.value());
        String type = rules.screenshot(image, count);
        String key = files.put("screenshots", image);
        Screenshot screenshot = screenshots.save(new Screenshot(workflowId.value(), key, type, (int) count));
        events.publishEvent(new WorkflowChanged(workflowId.value()));
        return screenshot.getId();
    }

    @Transactional
    public void removeScreenshot(Actor seller, WorkflowId workflowId, UUID screenshotId) {
        sellers.owned(seller.id(), workflowId.value());
        Screenshot screenshot = screenshots.findById(screenshotId)
                .filter(s -> screenshots.findByWorkflowIdOrderByPosition(workflowId.value()).stream().anyMatch(o -> o.getId().equals(s.getId())))
                .orElseThrow(() -> new NotFoundException("screenshot"));
        screenshots.delete(screenshot);
        files.delete(screenshot.getBlobKey());
        events.publishEvent(new WorkflowChanged(workflowId.value()));
    }

    // ---- moderation ----------------------------------------------------------------------------

    /**
     * A moderator approved the listing: a held one is published (and announced, the first time), and the file version
     * the hold kept from its buyers is theirs now (announced to them as any new version).
     */
    @Transactional
    public void release(WorkflowId workflowId) {
        workflows.findById(workflowId.value()).ifPresent(workflow -> {
            releaseHold(workflow);
            events.publishEvent(new WorkflowChanged(workflowId.value()));
        });
    }

    /** A moderator rejected the listing: it is unpublished (buyers keep what they bought). */
    @Transactional
    public void takeDown(WorkflowId workflowId) {
        workflows.findById(workflowId.value()).ifPresent(workflow -> {
            workflow.takeDown();
            events.publishEvent(new WorkflowChanged(workflowId.value()));
        });
    }

    /** Why moderation holds the seller's listing (the rules' hits), while it does. */
    @Transactional(readOnly = true)
    public Optional<String> reviewNote(AccountId seller, WorkflowId workflowId) {
        return Optional.ofNullable(sellers.owned(seller, workflowId.value()).getReviewNote());
    }

    /** The secrets the current file of the seller's listing holds, naming node and field, and what publishing it does. */
    @Transactional(readOnly = true)
    public ListingScreen.Secrets secrets(AccountId seller, WorkflowId workflowId) {
        sellers.owned(seller, workflowId.value());
        byte[] content = versions.findByWorkflowIdOrderByNumberDesc(workflowId.value()).stream().findFirst()
                .map(version -> files.read(version.getFileKey())).orElse(null);
        return content == null ? new ListingScreen.Secrets(List.of(), ListingScreen.Outcome.OFF) : screen.secrets(content);
    }

    /** The secrets an uploaded file holds, before anything is saved. */
    public ListingScreen.Secrets secrets(Upload file) {
        return screen.secrets(file.content());
    }

    // ---- orders and reviews --------------------------------------------------------------------

    /** Counts a sale (or, with -1, a refunded one) on the listing. */
    @Transactional
    public void recordSales(WorkflowId workflowId, int delta) {
        recordSales(List.of(workflowId), delta);
    }

    /**
     * Counts a sale (or, with -1, a refunded one) on each listing, as often as it is named: an order's lines in one
     * statement, not one per line.
     */
    @Transactional
    public void recordSales(List<WorkflowId> sold, int delta) {
        Map<UUID, Integer> times = new LinkedHashMap<>();
        sold.forEach(workflowId -> times.merge(workflowId.value(), 1, Integer::sum));
        Map<Integer, List<UUID>> byTimes = new LinkedHashMap<>();
        times.forEach((id, count) -> byTimes.computeIfAbsent(count, c -> new ArrayList<>()).add(id));
        byTimes.forEach((count, ids) -> workflows.addSalesToEach(ids, Math.multiplyExact(delta, count)));
        times.keySet().forEach(id -> events.publishEvent(new WorkflowStatsChanged(id)));
    }

    /** Stores the rating computed by the review module from all reviews of the workflow. */
    @Transactional
    public void updateRating(WorkflowId workflowId, BigDecimal average, int count) {
        workflows.rate(workflowId.value(), average, count);
        events.publishEvent(new WorkflowStatsChanged(workflowId.value()));
    }

    // ---- for other modules (commerce, licensing, review, notification) -------------------------
    // these records stay nested here while commerce and licensing, which import them by this name, are reworked

    /** What commerce needs to sell a workflow: {@code price} is the single licence's, {@code licences} the others offered. */
    public record PurchasableWorkflow(UUID id, String slug, String title, UUID storeId, Money price, boolean published,
                                      LicencePrices licences) {

        /** The list price of the tier, if the workflow offers it. */
        public Optional<Money> price(app.flowmarket.shared.LicenceTier tier) {
            return licences.of(tier, price);
        }
    }

    public record VersionFile(UUID workflowId, UUID versionId, int number, String fileKey, String fileName) {
    }

    public record VersionView(UUID id, int number, String changelog, String fileName, long fileSize, String sha256,
                              int nodeCount, List<String> integrations, List<String> secretWarnings, Instant createdAt) implements java.io.Serializable {
    }

    @Transactional(readOnly = true)
    public Optional<PurchasableWorkflow> purchasable(WorkflowId workflowId) {
        return workflows.findById(workflowId.value()).map(w -> new PurchasableWorkflow(w.getId(), w.getSlug(), w.getTitle(),
                w.getStoreId(), w.getPrice(), w.getStatus() == WorkflowStatus.PUBLISHED, w.getLicencePrices()));
    }

    /**
     * The workflows of these ids that exist, each with the versions its buyers get: a whole library in two statements,
     * in plain SQL (a JPA query with a list parameter is translated again on every call, which cost more than the page).
     */
    @Transactional(readOnly = true)
    public Map<UUID, Delivered> delivered(Collection<UUID> workflowIds) {
        if (workflowIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, List<VersionView>> versionsOf = new HashMap<>();
        jdbc.sql("""
                        select id, workflow_id, number, changelog, file_name, file_size, sha256, node_count, integrations, secret_warnings, created_at
                        from workflow_version where workflow_id in (:ids) and not held order by number desc""")
                .param("ids", workflowIds)
                .query((rs, n) -> versionsOf.computeIfAbsent(rs.getObject("workflow_id", UUID.class), id -> new ArrayList<>()).add(
                        new VersionView(rs.getObject("id", UUID.class), rs.getInt("number"), rs.getString("changelog"), rs.getString("file_name"),
                                rs.getLong("file_size"), rs.getString("sha256"), rs.getInt("node_count"), Lines.split(rs.getString("integrations")),
                                Lines.split(rs.getString("secret_warnings")), rs.getTimestamp("created_at").toInstant())))
                .list();
        Map<UUID, Delivered> delivered = new HashMap<>();
        jdbc.sql("select id, slug, title, store_id, price_minor, team_price_minor, company_price_minor, currency, status from workflow where id in (:ids)")
                .param("ids", workflowIds)
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    String currency = rs.getString("currency");
                    long team = rs.getLong("team_price_minor");
                    boolean offersTeam = !rs.wasNull();
                    long company = rs.getLong("company_price_minor");
                    boolean offersCompany = !rs.wasNull();
                    LicencePrices licences = new LicencePrices(offersTeam ? Money.of(team, currency) : null, offersCompany ? Money.of(company, currency) : null);
                    return delivered.put(id, new Delivered(new PurchasableWorkflow(id, rs.getString("slug"), rs.getString("title"),
                            rs.getObject("store_id", UUID.class), Money.of(rs.getLong("price_minor"), currency),
                            WorkflowStatus.PUBLISHED.name().equals(rs.getString("status")), licences),
                            List.copyOf(versionsOf.getOrDefault(id, List.of()))));
                })
                .list();
        return delivered;
    }

    /** A workflow as its buyers have it: what it is, and the versions they get, newest first. */
    public record Delivered(PurchasableWorkflow workflow, List<VersionView> versions) {
    }

    @Transactional(readOnly = true)
    public Optional<PurchasableWorkflow> purchasableBySlug(String slug) {
        return workflows.findBySlug(slug).flatMap(w -> purchasable(WorkflowId.of(w.getId())));
    }

    @Transactional(readOnly = true)
    public List<VersionView> versions(WorkflowId workflowId) {
        return versions.findByWorkflowIdOrderByNumberDesc(workflowId.value()).stream().map(WorkflowPages::view).toList();
    }

    /** The versions a listing's buyers get, newest first: a version a moderation hold keeps back is left out until approved. */
    @Transactional(readOnly = true)
    public List<VersionView> deliverableVersions(WorkflowId workflowId) {
        return versions.findByWorkflowIdAndHeldFalseOrderByNumberDesc(workflowId.value()).stream().map(WorkflowPages::view).toList();
    }

    /** A version's file as buyers get it: empty for an unknown version and for one a moderation hold keeps back. */
    @Transactional(readOnly = true)
    public Optional<VersionFile> deliverableFile(UUID versionId) {
        return versions.findById(versionId).filter(v -> !v.isHeld()).map(v -> new VersionFile(v.getWorkflowId(), v.getId(), v.getNumber(),
                v.getFileKey(), v.getFileName()));
    }

    /** Any version's file, held or not: for the seller's and moderators' previews, not for handing to buyers. */
    @Transactional(readOnly = true)
    public Optional<VersionFile> versionFile(UUID versionId) {
        return versions.findById(versionId).map(v -> new VersionFile(v.getWorkflowId(), v.getId(), v.getNumber(), v.getFileKey(), v.getFileName()));
    }

    // ---- internals -----------------------------------------------------------------------------

    private WorkflowVersion saveVersion(Workflow workflow, int number, String changelog, Upload file, ParsedWorkflow parsed) {
        String key = files.put("workflow-files", file.content());
        String fileName = CatalogFiles.safeFileName(file.fileName(), workflow.getSlug());
        WorkflowVersion version = versions.save(new WorkflowVersion(workflow.getId(), number, changelog, key, fileName,
                file.content().length, Tokens.sha256Hex(file.content()), parsed));
        workflow.useVersion(version, N8nReleases.of(parsed.platform(), Compatibility.of(parsed.platform(), file.content())));
        return version;
    }

    /** Screens the listing with its current file (already saved: a hold now does not keep it from buyers who have it). */
    private void screenAsItIs(Actor seller, Workflow workflow) {
        var latest = versions.findByWorkflowIdOrderByNumberDesc(workflow.getId()).stream().findFirst();
        screen(seller, workflow, latest.map(WorkflowVersion::getId).orElse(null), latest.map(v -> files.read(v.getFileKey())).orElse(null), null);
    }

    /** Screens the listing with a file version just saved, which a hold keeps from its buyers until released. */
    private void screen(Actor seller, Workflow workflow, WorkflowVersion saved, byte[] file) {
        screen(seller, workflow, saved.getId(), file, saved);
    }

    /** Moderation's rules over the listing as it now is: a blocking rule throws, a holding one hides it until approved. */
    private void screen(Actor seller, Workflow workflow, @Nullable UUID revision, byte @Nullable [] file, @Nullable WorkflowVersion saved) {
        ListingScreen.Verdict verdict = screen.screen(new ListingScreen.Listing(WorkflowId.of(workflow.getId()), seller.id(), workflow.getTitle(),
                workflow.getSummary(), workflow.getDescriptionMd(), workflow.getPrice(), workflow.getCategoryId(), revision, file));
        if (verdict.held()) {
            workflow.hold(String.join("\n", verdict.hits()));
            if (saved != null) {
                saved.hold();
            }
        } else if (workflow.getReviewNote() != null) {
            releaseHold(workflow);
            // the seller's change lifted the hold: written down as a moderator's approval is
            auditLog.record(seller.id().value(), seller.label(), "workflow.hold-released", "workflow", workflow.getId(),
                    "the listing as it is now passes the moderation rules");
        }
    }

    /**
     * Nothing holds the listing any more: it is published (announced the first time) and its latest file, if the hold
     * kept it back, goes to its buyers, told as for any new version. A held version a newer one replaced stays held.
     */
    private void releaseHold(Workflow workflow) {
        boolean first = workflow.release();
        if (first) {
            events.publishEvent(new WorkflowPublished(workflow.getId(), workflow.getStoreId(), workflow.getSlug(), workflow.getTitle()));
        }
        versions.findByWorkflowIdOrderByNumberDesc(workflow.getId()).stream().findFirst().filter(WorkflowVersion::approve).ifPresent(version -> {
            if (!first && workflow.getStatus() == WorkflowStatus.PUBLISHED) {
                events.publishEvent(new WorkflowVersionAdded(workflow.getId(), version.getId(), version.getNumber(), version.getChangelog()));
            }
        });
    }

    private Set<Tag> resolveTags(List<String> names) {
        Set<Tag> resolved = new LinkedHashSet<>();
        for (String name : names) {
            String slug = Slugs.slugify(name, 30);
            resolved.add(tags.findBySlug(slug).orElseGet(() -> tags.save(new Tag(slug, name))));
        }
        return resolved;
    }

    private static String baseSlug(String title) {
        String base = Slugs.slugify(title, 90);
        return base.length() < 2 ? "workflow" : base;
    }

    /** The slugs a title takes first: its own, then numbered; past them {@link #uniqueSlug} asks one at a time. */
    private static List<String> slugCandidates(String base) {
        List<String> candidates = new ArrayList<>(List.of(base));
        for (int i = 2; i <= 5; i++) {
            candidates.add(base + "-" + i);
        }
        return candidates;
    }

    private String uniqueSlug(String title) {
        String base = baseSlug(title);
        String slug = base;
        for (int i = 2; workflows.existsBySlug(slug); i++) {
            slug = base + "-" + i;
        }
        return slug;
    }
}
