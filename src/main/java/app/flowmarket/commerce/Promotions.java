package app.flowmarket.commerce;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import app.flowmarket.audit.AuditLog;
import app.flowmarket.catalog.CatalogManagement;
import app.flowmarket.shared.AccountId;
import app.flowmarket.shared.DomainException;
import app.flowmarket.shared.Money;
import app.flowmarket.shared.NotFoundException;
import app.flowmarket.shared.PriceOffers;
import app.flowmarket.shared.WorkflowId;
import app.flowmarket.store.StoreManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sellers' timed promotions: a percentage or an amount off chosen workflows from one instant to another.
 * Pages and quotes ask at the moment they are made ({@link Pricing#promoted}), from a copy of every promotion
 * that has not ended, reloaded when one is created or ended here and at least every half minute (for the
 * other nodes); a price therefore switches exactly at a start or end, and no cache holds a promoted price.
 */
@Service
public class Promotions implements PriceOffers {

    private static final Duration RELOAD = Duration.ofSeconds(30);

    private final JdbcClient jdbc;
    private final StoreManagement stores;
    private final CatalogManagement catalog;
    private final AuditLog auditLog;
    private final Pricing pricing;
    private volatile @Nullable Snapshot snapshot;

    private record Snapshot(List<Pricing.PromotionTerms> promotions, Instant loadedAt) {
    }

    Promotions(JdbcClient jdbc, StoreManagement stores, CatalogManagement catalog, AuditLog auditLog, Pricing pricing) {
        this.jdbc = jdbc;
        this.stores = stores;
        this.catalog = catalog;
        this.auditLog = auditLog;
        this.pricing = pricing;
    }

    /** What a seller asks for: a percentage (1-95) or an amount off the chosen workflows, from {@code startsAt} until {@code endsAt}. */
    public record PromotionForm(String title, @Nullable Integer percentOff, @Nullable Money amountOff, List<UUID> workflowIds, Instant startsAt, Instant endsAt) {
    }

    public record PromotionView(UUID id, String title, @Nullable Integer percentOff, @Nullable Money amountOff, List<UUID> workflowIds, Instant startsAt,
                                Instant endsAt, boolean active) {

        /** scheduled, running, ended or inactive, at that moment. */
        public String status(Instant now) {
            if (!active) {
                return "inactive";
            }
            return now.isBefore(startsAt) ? "scheduled" : now.isBefore(endsAt) ? "running" : "ended";
        }
    }

    @Transactional
    public UUID create(AccountId seller, PromotionForm form) {
        var store = stores.findByOwner(seller).orElseThrow(() -> new DomainException("store.none"));
        String title = form.title() == null ? "" : form.title().strip();
        if (title.length() < 3 || title.length() > 80) {
            throw new DomainException("promotion.title.invalid");
        }
        if ((form.percentOff() == null) == (form.amountOff() == null)) {
            throw new DomainException("coupon.value.invalid");
        }
        if (form.percentOff() != null && (form.percentOff() < 1 || form.percentOff() > 95)) {
            throw new DomainException("promotion.percent.invalid");
        }
        if (form.amountOff() != null && form.amountOff().minor() <= 0) {
            throw new DomainException("coupon.amount.invalid");
        }
        if (form.startsAt() == null || form.endsAt() == null || !form.endsAt().isAfter(form.startsAt())) {
            throw new DomainException("promotion.dates.invalid");
        }
        Set<UUID> workflows = new LinkedHashSet<>(form.workflowIds() == null ? List.of() : form.workflowIds());
        if (workflows.isEmpty()) {
            throw new DomainException("promotion.workflows.none");
        }
        String currency = null;
        for (UUID workflowId : workflows) {
            var workflow = catalog.purchasable(WorkflowId.of(workflowId)).filter(w -> w.storeId().equals(store.id()))
                    .orElseThrow(() -> new DomainException("coupon.not-yours"));
            currency = workflow.price().currency().getCurrencyCode();
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into promotion (id, store_id, title, percent_off, amount_off_minor, currency, starts_at, ends_at, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, now())""")
                .params(Arrays.asList(id, store.id(), title, form.percentOff(), form.amountOff() == null ? null : form.amountOff().minor(),
                        form.amountOff() == null ? currency : form.amountOff().currency().getCurrencyCode(),
                        Timestamp.from(form.startsAt()), Timestamp.from(form.endsAt())))
                .update();
        for (UUID workflowId : workflows) {
            jdbc.sql("insert into promotion_workflow (promotion_id, workflow_id) values (?, ?)").params(id, workflowId).update();
        }
        auditLog.record(seller.value(), null, "promotion.created", "promotion", id, title);
        snapshot = null;
        return id;
    }

    /** The seller ends a promotion at once. */
    @Transactional
    public void end(AccountId seller, UUID promotionId) {
        var store = stores.findByOwner(seller).orElseThrow(() -> new DomainException("store.none"));
        if (jdbc.sql("update promotion set active = false where id = ? and store_id = ?").params(promotionId, store.id()).update() == 0) {
            throw new NotFoundException("promotion");
        }
        auditLog.record(seller.value(), null, "promotion.ended", "promotion", promotionId, null);
        snapshot = null;
    }

    @Transactional(readOnly = true)
    public List<PromotionView> ofStore(UUID storeId) {
        record Row(UUID id, String title, @Nullable Integer percentOff, @Nullable Long amountOffMinor, String currency, Timestamp startsAt, Timestamp endsAt,
                   boolean active) {
        }
        return jdbc.sql("""
                select id, title, percent_off, amount_off_minor, currency, starts_at, ends_at, active from promotion
                where store_id = ? order by starts_at desc""").param(storeId).query(Row.class).list().stream()
                .map(r -> new PromotionView(r.id(), r.title(), r.percentOff(),
                        r.amountOffMinor() == null ? null : Money.of(r.amountOffMinor(), r.currency()), workflowsOf(r.id()),
                        r.startsAt().toInstant(), r.endsAt().toInstant(), r.active()))
                .toList();
    }

    /** Every promotion that has not ended (running or scheduled), as the pricing engine takes them. */
    public List<Pricing.PromotionTerms> current() {
        Snapshot s = snapshot;
        Instant now = Instant.now();
        if (s == null || s.loadedAt().plus(RELOAD).isBefore(now)) {
            s = new Snapshot(load(now), now);
            snapshot = s;
        }
        return s.promotions();
    }

    @Override
    public Optional<Offer> offer(UUID workflowId, Money listPrice, Instant at) {
        if (listPrice.isFree()) {
            return Optional.empty();
        }
        return pricing.promoted(workflowId, listPrice, current(), at)
                .map(p -> new Offer(p.price(), p.was(), p.percentOff(), p.promotion().endsAt()));
    }

    @Override
    public String window(Instant at) {
        return Integer.toHexString(current().stream().filter(p -> p.runsAt(at)).map(p -> p.id().toString()).sorted().toList().hashCode());
    }

    private List<Pricing.PromotionTerms> load(Instant now) {
        record Row(UUID id, String title, UUID storeId, @Nullable Integer percentOff, @Nullable Long amountOffMinor, String currency, Timestamp startsAt,
                   Timestamp endsAt) {
        }
        return jdbc.sql("""
                select id, title, store_id, percent_off, amount_off_minor, currency, starts_at, ends_at from promotion
                where active and ends_at > ?""").param(Timestamp.from(now)).query(Row.class).list().stream()
                .map(r -> new Pricing.PromotionTerms(r.id(), r.title(), r.storeId(), r.percentOff(),
                        r.amountOffMinor() == null ? null : Money.of(r.amountOffMinor(), r.currency()), r.startsAt().toInstant(),
                        r.endsAt().toInstant(), new HashSet<>(workflowsOf(r.id()))))
                .toList();
    }

    private List<UUID> workflowsOf(UUID promotionId) {
        return jdbc.sql("select workflow_id from promotion_workflow where promotion_id = ?").param(promotionId).query(UUID.class).list();
    }
}
