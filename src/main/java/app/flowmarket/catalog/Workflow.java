package app.flowmarket.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
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
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Highlightable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.pojo.automaticindexing.ReindexOnUpdate;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexedEmbedded;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexingDependency;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.ObjectPath;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.PropertyValue;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.ScaledNumberField;

/**
 * A workflow listing. Guards its own lifecycle: draft → published ⇄ archived.
 * Indexed for full-text search: every text once folded (accents, case) and once per catalogue
 * language with that language's stemmer, so "automations", "automatisation" and "Automatisierung"
 * each find their own word family (see {@link CatalogSearch}).
 */
@Entity
@Table(name = "workflow")
@Indexed(index = "workflow")
class Workflow {

    @Id
    private UUID id;
    @KeywordField
    private UUID storeId;
    @FullTextField(analyzer = SearchAnalyzers.FOLDING)
    private String storeName;
    private String slug;
    @FullTextField(analyzer = SearchAnalyzers.FOLDING, projectable = Projectable.YES, highlightable = Highlightable.PLAIN)
    @FullTextField(name = "title_en", analyzer = SearchAnalyzers.ENGLISH)
    @FullTextField(name = "title_fr", analyzer = SearchAnalyzers.FRENCH)
    @FullTextField(name = "title_es", analyzer = SearchAnalyzers.SPANISH)
    @FullTextField(name = "title_de", analyzer = SearchAnalyzers.GERMAN)
    @FullTextField(name = "title_suggest", analyzer = SearchAnalyzers.AUTOCOMPLETE, searchAnalyzer = SearchAnalyzers.FOLDING)
    private String title;
    @FullTextField(analyzer = SearchAnalyzers.FOLDING, highlightable = Highlightable.PLAIN)
    @FullTextField(name = "summary_en", analyzer = SearchAnalyzers.ENGLISH)
    @FullTextField(name = "summary_fr", analyzer = SearchAnalyzers.FRENCH)
    @FullTextField(name = "summary_es", analyzer = SearchAnalyzers.SPANISH)
    @FullTextField(name = "summary_de", analyzer = SearchAnalyzers.GERMAN)
    private String summary;
    @FullTextField(name = "description", analyzer = SearchAnalyzers.FOLDING)
    @FullTextField(name = "description_en", analyzer = SearchAnalyzers.ENGLISH)
    @FullTextField(name = "description_fr", analyzer = SearchAnalyzers.FRENCH)
    @FullTextField(name = "description_es", analyzer = SearchAnalyzers.SPANISH)
    @FullTextField(name = "description_de", analyzer = SearchAnalyzers.GERMAN)
    private String descriptionMd;
    @Enumerated(EnumType.STRING)
    @KeywordField(aggregable = Aggregable.YES)
    private Platform platform;
    @GenericField(sortable = Sortable.YES, aggregable = Aggregable.YES)
    private long priceMinor;
    private String currency;
    @KeywordField(aggregable = Aggregable.YES)
    private UUID categoryId;
    @Enumerated(EnumType.STRING)
    @KeywordField
    private WorkflowStatus status;
    private boolean featured;
    private String integrations;
    @GenericField(sortable = Sortable.YES)
    private int salesCount;
    @ScaledNumberField(decimalScale = 2, sortable = Sortable.YES, aggregable = Aggregable.YES)
    private BigDecimal ratingAvg;
    @GenericField(sortable = Sortable.YES)
    private int ratingCount;
    private Instant createdAt;
    private Instant updatedAt;
    @GenericField(sortable = Sortable.YES)
    private Instant publishedAt;
    @Version
    private long version;

    // tags never change name, so only a change of this set needs a reindex
    @IndexedEmbedded(includePaths = {"name", "slug"})
    @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.SHALLOW)
    @ManyToMany
    @JoinTable(name = "workflow_tag", joinColumns = @JoinColumn(name = "workflow_id"), inverseJoinColumns = @JoinColumn(name = "tag_id"))
    private Set<Tag> tags = new HashSet<>();

    protected Workflow() {
    }

    Workflow(UUID storeId, String storeName, String slug, CatalogManagement.Listing listing, Set<Tag> tags) {
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

    void update(CatalogManagement.Listing listing, Set<Tag> tags) {
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

    void useVersion(WorkflowVersion version) {
        this.integrations = version.getIntegrations();
        this.updatedAt = Instant.now();
    }

    /** Returns true when this call made it public for the first time. */
    boolean publish(boolean hasVersion) {
        if (!hasVersion) {
            throw new DomainException("workflow.publish.needs-file");
        }
        if (status == WorkflowStatus.PUBLISHED) {
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

    void archive() {
        status = WorkflowStatus.ARCHIVED;
        updatedAt = Instant.now();
    }

    void feature(boolean featured) {
        this.featured = featured;
    }

    void backdate(Instant created, Instant published) {
        this.createdAt = created;
        this.publishedAt = published;
    }

    void recordDemoStats(int sales, BigDecimal rating, int ratings) {
        this.salesCount = sales;
        this.ratingAvg = rating;
        this.ratingCount = ratings;
    }

    UUID getId() {
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

    Money getPrice() {
        return Money.of(priceMinor, currency);
    }

    UUID getCategoryId() {
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

    /** The apps the current file connects, one search field value each (a facet and a text field). */
    @KeywordField(name = "integration", aggregable = Aggregable.YES)
    @FullTextField(name = "integrations", analyzer = SearchAnalyzers.FOLDING)
    @IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "integrations")))
    List<String> getIntegrationNames() {
        return Lines.split(integrations);
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

    Instant getPublishedAt() {
        return publishedAt;
    }

    Set<Tag> getTags() {
        return tags;
    }
}
