package app.flowmarket.commerce;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import app.flowmarket.audit.AuditLog;
import app.flowmarket.catalog.CatalogManagement;
import app.flowmarket.shared.AccountId;
import app.flowmarket.shared.DomainException;
import app.flowmarket.shared.Money;
import app.flowmarket.shared.NotFoundException;
import app.flowmarket.shared.WorkflowId;
import app.flowmarket.store.StoreManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sellers' promo codes: created and ended by the seller, held by carts (one per store), priced by {@link Pricing}
 * and counted when an order that used them is paid. A capped code's uses are reserved by open checkouts, so
 * parallel checkouts cannot both take its last use.
 */
@Service
public class Coupons {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{3,40}");
    private static final List<String> OPEN = List.of("PENDING", "FAILED");

    private final JdbcClient jdbc;
    private final StoreManagement stores;
    private final CatalogManagement catalog;
    private final AuditLog auditLog;
    private final Carts carts;

    private final Bundles bundles;

    Coupons(JdbcClient jdbc, StoreManagement stores, CatalogManagement catalog, AuditLog auditLog, Carts carts, Bundles bundles) {
        this.bundles = bundles;
        this.jdbc = jdbc;
        this.carts = carts;
        this.stores = stores;
        this.catalog = catalog;
        this.auditLog = auditLog;
    }

    /**
     * What a seller asks for: a percentage (1-100) or an amount off; {@code workflowIds} the store's chosen workflows and seller
     * bundles, empty for the whole store.
     */
    public record CouponForm(String code, @Nullable Integer percentOff, @Nullable Money amountOff, Money minimum, List<UUID> workflowIds, Instant startsAt,
                             @Nullable Instant endsAt, @Nullable Integer maxUses, boolean oncePerCustomer, boolean firstPurchaseOnly) {
    }

    /** A code as its seller sees it. */
    public record CouponView(UUID id, UUID storeId, String code, @Nullable Integer percentOff, @Nullable Money amountOff, Money minimum, List<UUID> workflowIds,
                             Instant startsAt, @Nullable Instant endsAt, @Nullable Integer maxUses, int uses, boolean oncePerCustomer, boolean firstPurchaseOnly,
                             boolean active) {

        public boolean wholeStore() {
            return workflowIds.isEmpty();
        }

        /** scheduled, running, ended, used-up or inactive, at that moment. */
        public String status(Instant now) {
            if (!active) {
                return "inactive";
            }
            if (maxUses != null && uses >= maxUses) {
                return "used-up";
            }
            if (endsAt != null && !now.isBefore(endsAt)) {
                return "ended";
            }
            return now.isBefore(startsAt) ? "scheduled" : "running";
        }

        Pricing.CouponTerms terms(UUID storeId, @Nullable String refusal) {
            return new Pricing.CouponTerms(id, code, storeId, percentOff, amountOff, minimum, new HashSet<>(workflowIds), refusal);
        }
    }

    @Transactional
    public UUID create(AccountId seller, CouponForm form) {
        var store = stores.findByOwner(seller).orElseThrow(() -> new DomainException("store.none"));
        String code = form.code() == null ? "" : form.code().strip();
        if (!CODE.matcher(code).matches()) {
            throw new DomainException("coupon.code.invalid");
        }
        if (jdbc.sql("select exists (select 1 from coupon where store_id = ? and lower(code) = lower(?))").params(store.id(), code)
                .query(Boolean.class).single()) {
            throw new DomainException("coupon.code.taken");
        }
        if ((form.percentOff() == null) == (form.amountOff() == null)) {
            throw new DomainException("coupon.value.invalid");
        }
        if (form.percentOff() != null && (form.percentOff() < 1 || form.percentOff() > 100)) {
            throw new DomainException("coupon.percent.invalid");
        }
        if (form.amountOff() != null && form.amountOff().minor() <= 0) {
            throw new DomainException("coupon.amount.invalid");
        }
        if (form.minimum().minor() < 0) {
            throw new DomainException("coupon.minimum.invalid");
        }
        if (form.maxUses() != null && form.maxUses() < 1) {
            throw new DomainException("coupon.max-uses.invalid");
        }
        if (form.endsAt() != null && !form.endsAt().isAfter(form.startsAt())) {
            throw new DomainException("coupon.dates.invalid");
        }
        Set<UUID> workflows = new LinkedHashSet<>(form.workflowIds() == null ? List.of() : form.workflowIds());
        for (UUID chosen : workflows) {
            // a workflow or a seller bundle of the store
            boolean ours = catalog.purchasable(WorkflowId.of(chosen)).filter(w -> w.storeId().equals(store.id())).isPresent()
                    || bundles.find(chosen).filter(b -> b.storeId().equals(store.id())).isPresent();
            if (!ours) {
                throw new DomainException("coupon.not-yours");
            }
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into coupon (id, store_id, code, percent_off, amount_off_minor, currency, whole_store, starts_at, ends_at, max_uses,
                                    once_per_customer, minimum_minor, first_purchase_only, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())""")
                .params(Arrays.asList(id, store.id(), code, form.percentOff(), form.amountOff() == null ? null : form.amountOff().minor(),
                        form.minimum().currency().getCurrencyCode(), workflows.isEmpty(), Timestamp.from(form.startsAt()),
                        form.endsAt() == null ? null : Timestamp.from(form.endsAt()), form.maxUses(), form.oncePerCustomer(),
                        form.minimum().minor(), form.firstPurchaseOnly()))
                .update();
        for (UUID workflowId : workflows) {
            jdbc.sql("insert into coupon_workflow (coupon_id, workflow_id) values (?, ?)").params(id, workflowId).update();
        }
        auditLog.record(seller.value(), null, "coupon.created", "coupon", id, code);
        return id;
    }

    /** The seller ends a code at once; carts that hold it show it refused. */
    @Transactional
    public void deactivate(AccountId seller, UUID couponId) {
        var store = stores.findByOwner(seller).orElseThrow(() -> new DomainException("store.none"));
        if (jdbc.sql("update coupon set active = false where id = ? and store_id = ?").params(couponId, store.id()).update() == 0) {
            throw new NotFoundException("coupon");
        }
        auditLog.record(seller.value(), null, "coupon.deactivated", "coupon", couponId, null);
    }

    @Transactional(readOnly = true)
    public List<CouponView> ofStore(UUID storeId) {
        return jdbc.sql("select id from coupon where store_id = ? order by created_at desc").param(storeId).query(UUID.class).list()
                .stream().flatMap(id -> find(id).stream()).toList();
    }

    @Transactional(readOnly = true)
    public Optional<CouponView> find(UUID id) {
        record Row(UUID id, UUID storeId, String code, @Nullable Integer percentOff, @Nullable Long amountOffMinor, String currency, Timestamp startsAt,
                   @Nullable Timestamp endsAt, @Nullable Integer maxUses, int uses, boolean oncePerCustomer, long minimumMinor, boolean firstPurchaseOnly,
                   boolean active) {
        }
        return jdbc.sql("""
                select id, store_id, code, percent_off, amount_off_minor, currency, starts_at, ends_at, max_uses, uses, once_per_customer,
                       minimum_minor, first_purchase_only, active from coupon where id = ?""").param(id).query(Row.class).optional()
                .map(r -> new CouponView(r.id(), r.storeId(), r.code(), r.percentOff(),
                        r.amountOffMinor() == null ? null : Money.of(r.amountOffMinor(), r.currency()), Money.of(r.minimumMinor(), r.currency()),
                        jdbc.sql("select workflow_id from coupon_workflow where coupon_id = ?").param(r.id()).query(UUID.class).list(),
                        r.startsAt().toInstant(), r.endsAt() == null ? null : r.endsAt().toInstant(), r.maxUses(), r.uses(),
                        r.oncePerCustomer(), r.firstPurchaseOnly(), r.active()));
    }

    // ---- in the cart -----------------------------------------------------------------------------

    /**
     * Puts a code in the cart, in place of any other code of the same store; every store that has the
     * code gets it. Refused only when no store has such a code: any other reason is shown beside the code in
     * the cart, as the cart changes. Returns the cart's id (for a visitor, to keep in a cookie).
     */
    @Transactional
    public UUID apply(Carts.CartOwner owner, String code) {
        String clean = code == null ? "" : code.strip();
        List<UUID> matching = CODE.matcher(clean).matches()
                ? jdbc.sql("select id from coupon where lower(code) = lower(?) and active").param(clean).query(UUID.class).list() : List.of();
        if (matching.isEmpty()) {
            throw new DomainException("coupon.unknown");
        }
        UUID cartId = carts.cartIdOf(owner, true).orElseThrow();
        for (UUID couponId : matching) {
            jdbc.sql("""
                    insert into cart_coupon (cart_id, store_id, coupon_id) select ?, store_id, id from coupon where id = ?
                    on conflict (cart_id, store_id) do update set coupon_id = excluded.coupon_id""").params(cartId, couponId).update();
        }
        return cartId;
    }

    @Transactional
    public void remove(Carts.CartOwner owner, UUID couponId) {
        carts.cartIdOf(owner, false).ifPresent(cartId ->
                jdbc.sql("delete from cart_coupon where cart_id = ? and coupon_id = ?").params(cartId, couponId).update());
    }

    /**
     * The codes of the cart with what can be said of them before pricing, uses held by other buyers' open
     * checkouts counted; for a visitor, the buyer's own history is checked at checkout.
     */
    @Transactional(readOnly = true)
    public List<Pricing.CouponTerms> termsFor(Carts.CartOwner owner) {
        UUID buyerId = owner.buyer() == null ? null : owner.buyer().value();
        return carts.cartIdOf(owner, false).map(cartId -> terms(cartId, buyerId, false)).orElse(List.of());
    }

    /**
     * The codes of a buyer's cart as they are placed in an order: their rows locked until the order is
     * written, and every use held by another open checkout counted, so two checkouts cannot both take the
     * last use of a capped code. Runs in the checkout's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    List<Pricing.CouponTerms> termsForCheckout(UUID buyerId, UUID cartId) {
        return terms(cartId, buyerId, true);
    }

    private List<Pricing.CouponTerms> terms(UUID cartId, @Nullable UUID buyerId, boolean forCheckout) {
        record Held(UUID storeId, UUID couponId) {
        }
        List<Held> held = jdbc.sql("select store_id, coupon_id from cart_coupon where cart_id = ? order by store_id").param(cartId)
                .query(Held.class).list();
        if (forCheckout && !held.isEmpty()) {
            jdbc.sql("select id from coupon where id in (:ids) order by id for update").param("ids", held.stream().map(Held::couponId).toList())
                    .query(UUID.class).list();
        }
        Instant now = Instant.now();
        List<Pricing.CouponTerms> terms = new ArrayList<>();
        for (Held h : held) {
            find(h.couponId()).ifPresent(coupon -> terms.add(coupon.terms(h.storeId(), refusal(coupon, buyerId, now))));
        }
        return terms;
    }

    private @Nullable String refusal(CouponView coupon, @Nullable UUID buyerId, Instant now) {
        if (!coupon.active() || coupon.endsAt() != null && !now.isBefore(coupon.endsAt())) {
            return "coupon.refused.expired";
        }
        if (now.isBefore(coupon.startsAt())) {
            return "coupon.refused.not-started";
        }
        if (coupon.maxUses() != null) {
            long taken = coupon.uses() + reservedByOthers(coupon.id(), buyerId, now);
            if (taken >= coupon.maxUses()) {
                return "coupon.refused.used-up";
            }
        }
        if (buyerId != null && coupon.oncePerCustomer() && jdbc.sql("select exists (select 1 from coupon_redemption where coupon_id = ? and buyer_id = ?)")
                .params(coupon.id(), buyerId).query(Boolean.class).single()) {
            return "coupon.refused.already-used";
        }
        if (buyerId != null && coupon.firstPurchaseOnly() && jdbc.sql("""
                select exists (select 1 from order_line l join purchase_order o on o.id = l.order_id
                               where o.buyer_id = ? and l.store_id = ? and o.status in ('PAID', 'REFUNDED'))""")
                .params(buyerId, coupon.storeId()).query(Boolean.class).single()) {
            return "coupon.refused.first-purchase";
        }
        return null;
    }

    /** Uses held by other buyers' open, unexpired checkouts. */
    private long reservedByOthers(UUID couponId, @Nullable UUID buyerId, Instant now) {
        return jdbc.sql("""
                select count(distinct o.id) from purchase_order o join order_line l on l.order_id = o.id
                where l.coupon_id = :coupon and o.status in (:open) and o.expires_at > :now and o.buyer_id <> :buyer""")
                .param("coupon", couponId).param("open", OPEN).param("now", Timestamp.from(now))
                .param("buyer", buyerId == null ? new UUID(0, 0) : buyerId).query(Long.class).single();
    }

    /**
     * Counts the order's codes as used, in the payment's transaction. Returns false, changing nothing, when a
     * code can no longer be used (its last use went to another order, or the buyer used a once-only code
     * since): the payment is then given back rather than accepted at a price that no longer holds.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean redeem(UUID orderId, UUID buyerId, List<UUID> couponIds) {
        if (couponIds.isEmpty()) {
            return true;
        }
        record Row(UUID id, @Nullable Integer maxUses, int uses, boolean oncePerCustomer) {
        }
        List<Row> rows = jdbc.sql("select id, max_uses, uses, once_per_customer from coupon where id in (:ids) order by id for update")
                .param("ids", couponIds).query(Row.class).list();
        for (Row row : rows) {
            if (row.maxUses() != null && row.uses() >= row.maxUses()) {
                return false;
            }
            if (row.oncePerCustomer() && jdbc.sql("select exists (select 1 from coupon_redemption where coupon_id = ? and buyer_id = ?)")
                    .params(row.id(), buyerId).query(Boolean.class).single()) {
                return false;
            }
        }
        for (Row row : rows) {
            jdbc.sql("update coupon set uses = uses + 1 where id = ?").param(row.id()).update();
            jdbc.sql("insert into coupon_redemption (coupon_id, order_id, buyer_id, redeemed_at) values (?, ?, ?, now())")
                    .params(row.id(), orderId, buyerId).update();
            // a used code leaves the buyer's cart with what it bought
            jdbc.sql("delete from cart_coupon where coupon_id = ? and cart_id in (select id from cart where owner_id = ?)")
                    .params(row.id(), buyerId).update();
        }
        return true;
    }
}
