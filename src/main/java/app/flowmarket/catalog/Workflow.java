package app.flowmarket.catalog;

import app.flowmarket.shared.NewEntity;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import app.flowmarket.shared.DomainException;
import app.flowmarket.shared.Money;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * A workflow listing. Guards its own lifecycle: draft → published ⇄ archived; a listing a moderation rule holds is
 * published as held (hidden) until a moderator approves it, and one a moderator rejects is unpublished (archived, as
 * its seller would: buyers keep what they bought). The search
 * module indexes it (its mapping names these properties).
 */
@Entity
@Table(name = "workflow")
class Workflow extends NewEntity {

    @Id
    private UUID id;
    private UUID storeId;
    private String storeName;
    private String slug;
    // title to updatedAt: set by update(), which the constructor calls
    @SuppressWarnings("NullAway.Init")
    private String title;
    @SuppressWarnings("NullAway.Init")
    private String summary;
    @SuppressWarnings("NullAway.Init")
    private String descriptionMd;
    @Enumerated(EnumType.STRING)
    @SuppressWarnings("NullAway.Init")
    private Platform platform;
    private long priceMinor;
    // the team's and the company's licence, in the same currency; null when the tier is not offered
    private @Nullable Long teamPriceMinor;
    private @Nullable Long companyPriceMinor;
    @SuppressWarnings("NullAway.Init")
    private String currency;
    private @Nullable UUID categoryId;
    @Enumerated(EnumType.STRING)
    private WorkflowStatus status;
    private boolean featured;
    private String integrations;
    /**
     * The minimum n8n release the current file needs, as {@link N8nReleases#code}; 0 when the table knows none of its
     * nodes, null for other platforms (and, until the start-up fill, for files uploaded before it was kept).
     */
    private @Nullable Integer n8nMinimum;
    private int salesCount;
    private BigDecimal ratingAvg;
    private int ratingCount;
    private Instant createdAt;
    @SuppressWarnings("NullAway.Init")
    private Instant updatedAt;
    private @Nullable Instant publishedAt;
    // why moderation holds it (the rules' hits), while it does; null otherwise
    private @Nullable String reviewNote;
    @Version
    private long version;

    @ManyToMany
    @JoinTable(name = "workflow_tag", joinColumns = @JoinColumn(name = "workflow_id"), inverseJoinColumns = @JoinColumn(name = "tag_id"))
    private Set<Tag> tags = new HashSet<>();

    protected Workflow() {
    }

    Workflow(UUID storeId, String storeName, String slug, Listing listing, Set<Tag> tags) {
        this.id = UUID.randomUUID();
        this.storeId = storeId;
        this.storeName = storeName;
        this.slug = slug;
        this.status = WorkflowStatus.DRAFT;
        this.integrations = "";
        this.ratingAvg = BigDecimal.ZERO;
        this.createdAt = Instant.now();
        update(listing, tags);
    }

    void update(Listing listing, Set<Tag> tags) {
        this.title = listing.title();
        this.summary = listing.summary();
        this.descriptionMd = listing.description();
        this.platform = listing.platform();
        this.priceMinor = listing.price().minor();
        this.currency = listing.price().currency().getCurrencyCode();
        this.categoryId = listing.categoryId();
        this.tags = new HashSet<>(tags);
        this.updatedAt = Instant.now();
    }

    void useVersion(WorkflowVersion version, N8nReleases.Minimum minimum) {
        this.integrations = version.getIntegrations();
        this.n8nMinimum = n8nMinimumOf(minimum);
        this.updatedAt = Instant.now();
    }

    /** Returns true when this call made it public for the first time. */
    boolean publish(boolean hasVersion) {
        if (!hasVersion) {
            throw new DomainException("workflow.publish.needs-file");
        }
        if (status == WorkflowStatus.PUBLISHED || status == WorkflowStatus.HELD) {
            return false;
        }
        if (reviewNote != null) {
            status = WorkflowStatus.HELD;
            updatedAt = Instant.now();
            return false;
        }
        boolean first = publishedAt == null;
        status = WorkflowStatus.PUBLISHED;
        if (first) {
            publishedAt = Instant.now();
        }
        updatedAt = Instant.now();
        return first;
    }

    /** A moderation rule holds it: a published listing is hidden at once, a draft will be when it is published. */
    void hold(String note) {
        reviewNote = note;
        if (status == WorkflowStatus.PUBLISHED) {
            status = WorkflowStatus.HELD;
        }
    }

    /** Nothing holds it any more (a moderator approved it, or its content passes now); returns true when this made it public for the first time. */
    boolean release() {
        reviewNote = null;
        if (status != WorkflowStatus.HELD) {
            return false;
        }
        boolean first = publishedAt == null;
        status = WorkflowStatus.PUBLISHED;
        if (first) {
            publishedAt = Instant.now();
        }
        return first;
    }

    /** A moderator rejected it: it is no longer public, and its seller may change it and publish it again. */
    void takeDown() {
        reviewNote = null;
        if (status == WorkflowStatus.PUBLISHED || status == WorkflowStatus.HELD) {
            status = WorkflowStatus.ARCHIVED;
            updatedAt = Instant.now();
        }
    }

    @Nullable String getReviewNote() {
        return reviewNote;
    }

    void archive() {
        status = WorkflowStatus.ARCHIVED;
        updatedAt = Instant.now();
    }

    /** Takes on the history a listing brought from elsewhere: when it was first offered, its sales and rating. */
    void importHistory(Instant created, Instant published, Instant updated, int sales, BigDecimal rating, int ratings, boolean featured) {
        this.createdAt = created;
        this.publishedAt = published;
        this.updatedAt = updated;
        this.salesCount = sales;
        this.ratingAvg = rating;
        this.ratingCount = ratings;
        this.featured = featured;
    }

    @Override
    public UUID getId() {
        return id;
    }

    UUID getStoreId() {
        return storeId;
    }

    String getSlug() {
        return slug;
    }

    String getTitle() {
        return title;
    }

    String getSummary() {
        return summary;
    }

    String getDescriptionMd() {
        return descriptionMd;
    }

    Platform getPlatform() {
        return platform;
    }

    LicencePrices getLicencePrices() {
        return new LicencePrices(teamPriceMinor == null ? null : Money.of(teamPriceMinor, currency),
                companyPriceMinor == null ? null : Money.of(companyPriceMinor, currency));
    }

    /** Prices checked by {@link ListingRules#licencePrices} against the current price. */
    void offerLicences(LicencePrices prices) {
        this.teamPriceMinor = prices.team() == null ? null : prices.team().minor();
        this.companyPriceMinor = prices.company() == null ? null : prices.company().minor();
    }

    Money getPrice() {
        return Money.of(priceMinor, currency);
    }

    @Nullable UUID getCategoryId() {
        return categoryId;
    }

    WorkflowStatus getStatus() {
        return status;
    }

    boolean isFeatured() {
        return featured;
    }

    String getIntegrations() {
        return integrations;
    }

    @Nullable Integer getN8nMinimum() {
        return n8nMinimum;
    }

    /** Keeps the minimum n8n release of the current file (for files uploaded before it was kept). */
    void knowN8nMinimum(N8nReleases.Minimum minimum) {
        this.n8nMinimum = n8nMinimumOf(minimum);
    }

    private @Nullable Integer n8nMinimumOf(N8nReleases.Minimum minimum) {
        if (platform != Platform.N8N) {
            return null;
        }
        return minimum.release() == null ? 0 : N8nReleases.code(minimum.release());
    }

    String getStoreName() {
        return storeName;
    }

    int getSalesCount() {
        return salesCount;
    }

    BigDecimal getRatingAvg() {
        return ratingAvg;
    }

    int getRatingCount() {
        return ratingCount;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }

    @Nullable Instant getPublishedAt() {
        return publishedAt;
    }

    Set<Tag> getTags() {
        return tags;
    }
}
