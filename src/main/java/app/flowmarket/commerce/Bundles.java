package app.flowmarket.commerce;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import app.flowmarket.audit.AuditLog;
import app.flowmarket.catalog.CatalogManagement.PurchasableWorkflow;
import app.flowmarket.catalog.CatalogManagement;
import app.flowmarket.shared.Actor;
import app.flowmarket.shared.DomainException;
import app.flowmarket.shared.Markdown;
import app.flowmarket.shared.Money;
import app.flowmarket.shared.Slugs;
import app.flowmarket.shared.WorkflowId;
import app.flowmarket.store.StoreManagement;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Seller bundles: several of one seller's workflows at one price. */
@Service
public class Bundles {

    private final JdbcClient jdbc;
    private final CatalogManagement catalog;
    private final StoreManagement stores;
    private final AuditLog auditLog;
    private final Pricing pricing;

    Bundles(JdbcClient jdbc, CatalogManagement catalog, StoreManagement stores, AuditLog auditLog, Pricing pricing) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.stores = stores;
        this.auditLog = auditLog;
        this.pricing = pricing;
    }

    /** A bundle with what its workflows cost separately and what it saves, both from {@link Pricing}. */
    public record BundleView(UUID id, UUID storeId, String slug, String title, String description, Money price,
                             boolean active, List<PurchasableWorkflow> workflows, Money separately, Money saving) {

        public String descriptionHtml() {
            return Markdown.toSafeHtml(description);
        }

        Sellable toSellable() {
            return new Sellable(Sellable.Kind.BUNDLE, id, title, slug, storeId, price, workflows.stream().map(PurchasableWorkflow::id).toList());
        }
    }

    @Transactional
    public UUID create(Actor seller, String title, String description, Money price, List<UUID> workflowIds) {
        var store = stores.findByOwner(seller.id()).orElseThrow(() -> new DomainException("store.none"));
        String cleanTitle = title == null ? "" : title.strip();
        if (cleanTitle.length() < 3 || cleanTitle.length() > 120) {
            throw new DomainException("bundle.title.invalid");
        }
        Set<UUID> ids = new LinkedHashSet<>(workflowIds == null ? List.of() : workflowIds);
        if (ids.size() < 2) {
            throw new DomainException("bundle.too-few");
        }
        List<PurchasableWorkflow> workflows = new ArrayList<>();
        for (UUID id : ids) {
            PurchasableWorkflow w = catalog.purchasable(WorkflowId.of(id)).filter(p -> p.storeId().equals(store.id()) && p.published())
                    .orElseThrow(() -> new DomainException("bundle.not-yours"));
            if (!w.price().currency().equals(price.currency())) {
                throw new DomainException("bundle.currency");
            }
            workflows.add(w);
        }
        if (price.minor() < 0 || offerOf(price, workflows).saving().isFree()) {
            throw new DomainException("bundle.price.no-saving");
        }
        Money least = pricing.minimumPrice(price.currency());
        if (!price.isFree() && price.minor() < least.minor()) {
            throw new DomainException("bundle.price.below-minimum", least.toString());
        }
        UUID id = UUID.randomUUID();
        String slug = uniqueSlug(cleanTitle);
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                insert into bundle (id, store_id, slug, title, description, price_minor, currency, active, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, true, ?, ?)""")
                .params(id, store.id(), slug, cleanTitle, description == null ? "" : description.strip(), price.minor(),
                        price.currency().getCurrencyCode(), now, now)
                .update();
        for (UUID workflowId : ids) {
            jdbc.sql("insert into bundle_item (bundle_id, workflow_id) values (?, ?)").params(id, workflowId).update();
        }
        auditLog.record(seller.id().value(), seller.label(), "bundle.created", "bundle", id, slug + " " + price);
        return id;
    }

    @Transactional
    public void deactivate(Actor seller, UUID bundleId) {
        var store = stores.findByOwner(seller.id()).orElseThrow(() -> new DomainException("store.none"));
        int updated = jdbc.sql("update bundle set active = false, updated_at = now() where id = ? and store_id = ?")
                .params(bundleId, store.id()).update();
        if (updated == 0) {
            throw new app.flowmarket.shared.NotFoundException("bundle");
        }
        auditLog.record(seller.id().value(), seller.label(), "bundle.deactivated", "bundle", bundleId, null);
    }

    @Transactional(readOnly = true)
    public Optional<BundleView> bySlug(String slug) {
        return jdbc.sql("select id from bundle where slug = ?").param(slug).query(UUID.class).optional().flatMap(this::find);
    }

    @Transactional(readOnly = true)
    public Optional<BundleView> find(UUID id) {
        record Row(UUID id, UUID storeId, String slug, String title, String description, long priceMinor, String currency, boolean active) {
        }
        return jdbc.sql("select id, store_id, slug, title, description, price_minor, currency, active from bundle where id = ?")
                .param(id).query(Row.class).optional()
                .map(r -> {
                    Money price = Money.of(r.priceMinor(), r.currency());
                    List<PurchasableWorkflow> workflows = jdbc.sql("select workflow_id from bundle_item where bundle_id = ?").param(r.id())
                            .query(UUID.class).list().stream().flatMap(w -> catalog.purchasable(WorkflowId.of(w)).stream()).toList();
                    Pricing.BundleOffer offer = offerOf(price, workflows);
                    return new BundleView(r.id(), r.storeId(), r.slug(), r.title(), r.description(), price, r.active(), workflows,
                            offer.separately(), offer.saving());
                });
    }

    private Pricing.BundleOffer offerOf(Money price, List<PurchasableWorkflow> workflows) {
        return pricing.bundleOffer(price, workflows.stream().map(PurchasableWorkflow::price).toList());
    }

    @Transactional(readOnly = true)
    public List<BundleView> ofStore(UUID storeId, boolean activeOnly) {
        return jdbc.sql("select id from bundle where store_id = ? and (active or not ?) order by created_at desc")
                .params(storeId, activeOnly).query(UUID.class).list().stream().flatMap(id -> find(id).stream()).toList();
    }

    private String uniqueSlug(String title) {
        String base = Slugs.slugify(title, 90);
        if (base.length() < 2) {
            base = "bundle";
        }
        String slug = base;
        for (int i = 2; jdbc.sql("select exists (select 1 from bundle where slug = ?)").param(slug).query(Boolean.class).single(); i++) {
            slug = base + "-" + i;
        }
        return slug;
    }
}
