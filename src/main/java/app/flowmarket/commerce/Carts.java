package app.flowmarket.commerce;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import app.flowmarket.catalog.CatalogManagement;
import app.flowmarket.shared.AccountId;
import app.flowmarket.shared.DomainException;
import app.flowmarket.shared.LicenceTier;
import app.flowmarket.shared.StoreId;
import app.flowmarket.shared.WorkflowId;
import app.flowmarket.store.StoreManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Carts live in PostgreSQL: a visitor's cart is found through its id in the session, a buyer's
 * through its owner, and a visitor's cart is merged into the buyer's on sign-in.
 */
@Service
public class Carts {

    private final JdbcClient jdbc;
    private final CatalogManagement catalog;
    private final Bundles bundles;
    private final Orders orders;
    private final StoreManagement stores;
    private final ApplicationEventPublisher events;
    private final IssuedLicences licences;
    private final JdbcTemplate batches;

    Carts(JdbcClient jdbc, JdbcTemplate batches, CatalogManagement catalog, Bundles bundles, Orders orders, StoreManagement stores,
          ApplicationEventPublisher events, IssuedLicences licences) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.licences = licences;
        this.events = events;
        this.catalog = catalog;
        this.bundles = bundles;
        this.orders = orders;
        this.stores = stores;
    }

    /** Who the cart belongs to: a signed-in buyer, or the visitor's cart id (may be null before the first add). */
    public record CartOwner(@Nullable AccountId buyer, @Nullable UUID visitorCartId) {
    }

    @Transactional(readOnly = true)
    public List<Sellable> items(CartOwner owner) {
        return cartId(owner, false).map(this::itemsOf).orElse(List.of());
    }

    @Transactional(readOnly = true)
    public int count(CartOwner owner) {
        return cartId(owner, false).map(id -> jdbc.sql("select count(*) from cart_item where cart_id = ?").param(id).query(Integer.class).single()).orElse(0);
    }

    /**
     * Adds an item, whatever its currency (the order is charged in one, see {@link OrderManagement#quote});
     * returns the cart's id (for a visitor, to keep in a cookie). A free workflow is not put in a cart.
     */
    @Transactional
    public UUID add(CartOwner owner, Sellable.Kind kind, UUID refId) {
        return add(owner, kind, refId, LicenceTier.SINGLE);
    }

    /**
     * Adds an item with the licence chosen, which it must offer. A workflow is on one line of a cart: adding it
     * again with another tier changes the line's tier.
     */
    @Transactional
    public UUID add(CartOwner owner, Sellable.Kind kind, UUID refId, LicenceTier tier) {
        Sellable item = resolve(kind, refId).orElseThrow(() -> new DomainException("cart.unavailable"));
        if (!item.tiers().contains(tier)) {
            throw new DomainException("cart.tier-unavailable");
        }
        if (owner.buyer() != null) {
            checkBuyable(owner.buyer(), item);
        }
        if (kind == Sellable.Kind.WORKFLOW && item.listPrice().isFree()) {
            // free workflows go straight to the library (OrderManagement.getFree), never through a cart
            throw new DomainException("cart.free");
        }
        UUID cartId = cartId(owner, true).orElseThrow();
        boolean present = jdbc.sql("select exists (select 1 from cart_item where cart_id = ? and kind = ? and ref_id = ?)")
                .params(cartId, kind.name(), refId).query(Boolean.class).single();
        jdbc.sql("""
                insert into cart_item (cart_id, kind, ref_id, added_at, tier) values (?, ?, ?, ?, ?)
                on conflict (cart_id, kind, ref_id) do update set tier = excluded.tier""")
                .params(cartId, kind.name(), refId, Timestamp.from(Instant.now()), tier.name()).update();
        touch(cartId);
        if (!present) {
            events.publishEvent(new CartItemAdded(kind, refId, StoreId.of(item.storeId())));
        }
        return cartId;
    }

    /**
     * Adds several workflows at once, each with the licence chosen, as {@link #add(CartOwner, Sellable.Kind, UUID, LicenceTier)}
     * adds one and in the order given, but all or none: every item is checked before the first is added, and the cart and
     * what the buyer owns are looked up once. Returns the cart's id.
     */
    @Transactional
    public UUID addAll(CartOwner owner, java.util.SequencedMap<UUID, LicenceTier> workflows) {
        List<Sellable> items = new ArrayList<>();
        workflows.forEach((refId, tier) -> {
            Sellable item = resolve(Sellable.Kind.WORKFLOW, refId).orElseThrow(() -> new DomainException("cart.unavailable"));
            if (!item.tiers().contains(tier)) {
                throw new DomainException("cart.tier-unavailable");
            }
            items.add(item);
        });
        if (owner.buyer() != null) {
            checkBuyable(owner.buyer(), items);
        }
        if (items.stream().anyMatch(item -> item.listPrice().isFree())) {
            throw new DomainException("cart.free");
        }
        UUID cartId = cartId(owner, true).orElseThrow();
        if (items.isEmpty()) {
            return cartId;
        }
        java.util.Set<UUID> present = java.util.Set.copyOf(jdbc.sql("select ref_id from cart_item where cart_id = :cart and kind = 'WORKFLOW' and ref_id in (:refs)")
                .param("cart", cartId).param("refs", List.copyOf(workflows.keySet())).query(UUID.class).list());
        Instant now = Instant.now();
        List<Object[]> rows = new ArrayList<>();
        for (Sellable item : items) {
            // a microsecond apart, so the cart keeps the order they were added in
            rows.add(new Object[] {cartId, item.refId(), Timestamp.from(now.plus(rows.size(), java.time.temporal.ChronoUnit.MICROS)),
                    Objects.requireNonNull(workflows.get(item.refId())).name()});
        }
        batches.batchUpdate("""
                insert into cart_item (cart_id, kind, ref_id, added_at, tier) values (?, 'WORKFLOW', ?, ?, ?)
                on conflict (cart_id, kind, ref_id) do update set tier = excluded.tier""", rows);
        touch(cartId);
        items.stream().filter(item -> !present.contains(item.refId()))
                .forEach(item -> events.publishEvent(new CartItemAdded(Sellable.Kind.WORKFLOW, item.refId(), StoreId.of(item.storeId()))));
        return cartId;
    }

    /**
     * Puts an upgrade of the buyer's licence into their cart: the licence's workflow at a higher tier it offers, priced
     * at the difference ({@link Pricing#listPrice}). Paying for it raises the licence's tier; its key stays.
     */
    @Transactional
    public UUID upgrade(AccountId buyer, String key, LicenceTier to) {
        Sellable item = upgradeOf(buyer, key, to);
        Sellable.Upgrade held = Objects.requireNonNull(item.upgrade());
        UUID cartId = cartId(new CartOwner(buyer, null), true).orElseThrow();
        jdbc.sql("""
                insert into cart_item (cart_id, kind, ref_id, added_at, tier, upgrade_of) values (?, 'WORKFLOW', ?, ?, ?, ?)
                on conflict (cart_id, kind, ref_id) do update set tier = excluded.tier, upgrade_of = excluded.upgrade_of""")
                .params(cartId, item.refId(), Timestamp.from(Instant.now()), to.name(), held.licenceLineId()).update();
        touch(cartId);
        return cartId;
    }

    /** The upgrade of the buyer's valid licence to a higher tier its one workflow offers now, or why not. */
    public Sellable upgradeOf(AccountId buyer, String key, LicenceTier to) {
        IssuedLicences.HeldLicence held = licences.held(buyer, key).orElseThrow(() -> new DomainException("upgrade.unavailable"));
        return upgradeOf(held, to);
    }

    /** The upgrades the buyer's valid licence can have now: each higher tier its one workflow sells, at the difference. */
    @Transactional(readOnly = true)
    public List<Sellable> upgradesOf(AccountId buyer, String key) {
        return licences.held(buyer, key).filter(held -> held.workflowIds().size() == 1)
                .flatMap(held -> resolve(Sellable.Kind.WORKFLOW, held.workflowIds().get(0)).map(item -> java.util.Arrays.stream(LicenceTier.values())
                        .filter(to -> to.ordinal() > held.tier().ordinal() && item.tiers().contains(to))
                        .map(to -> item.upgrading(new Sellable.Upgrade(held.orderLineId(), held.key(), held.tier()), to)).toList()))
                .orElse(List.of());
    }

    private Sellable upgradeOf(IssuedLicences.HeldLicence held, LicenceTier to) {
        if (held.workflowIds().size() != 1 || to.ordinal() <= held.tier().ordinal()) {
            throw new DomainException("upgrade.unavailable");
        }
        Sellable item = resolve(Sellable.Kind.WORKFLOW, held.workflowIds().get(0)).filter(i -> i.tiers().contains(to))
                .orElseThrow(() -> new DomainException("upgrade.unavailable"));
        return item.upgrading(new Sellable.Upgrade(held.orderLineId(), held.key(), held.tier()), to);
    }

    /** The licence of a workflow already in the cart, changed in place (its line keeps its place). */
    @Transactional
    public void changeTier(CartOwner owner, UUID workflowId, LicenceTier tier) {
        Sellable item = resolve(Sellable.Kind.WORKFLOW, workflowId).orElseThrow(() -> new DomainException("cart.unavailable"));
        if (!item.tiers().contains(tier)) {
            throw new DomainException("cart.tier-unavailable");
        }
        int changed = cartId(owner, false).map(id -> jdbc.sql("update cart_item set tier = ? where cart_id = ? and kind = 'WORKFLOW' and ref_id = ?")
                .params(tier.name(), id, workflowId).update()).orElse(0);
        if (changed == 0) {
            throw new DomainException("cart.unavailable");
        }
    }

    @Transactional
    public void remove(CartOwner owner, Sellable.Kind kind, UUID refId) {
        cartId(owner, false).ifPresent(id -> jdbc.sql("delete from cart_item where cart_id = ? and kind = ? and ref_id = ?")
                .params(id, kind.name(), refId).update());
    }

    /**
     * A paid order takes what it bought out of its buyer's cart in the payment's transaction: the page
     * that says "paid" never finds the same items still in the cart. Only what the order bought — its
     * lines, and any workflow it now owns — so whatever the buyer added since stays.
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(OrderPaid event) {
        List<UUID> bought = new ArrayList<>();
        event.lines().forEach(line -> bought.add(line.refId()));
        event.workflowIds().forEach(workflow -> bought.add(workflow.value()));
        jdbc.sql("delete from cart_item where cart_id in (select id from cart where owner_id = :buyer) and ref_id in (:bought)")
                .param("buyer", event.buyerId().value()).param("bought", bought).update();
    }

    /** Moves a visitor's cart into the buyer's cart, skipping what the buyer already owns or sells. */
    @Transactional
    public void merge(UUID visitorCartId, AccountId buyer) {
        if (visitorCartId == null) {
            return;
        }
        List<Sellable> visitorItems = jdbc.sql("select id from cart where id = ? and owner_id is null").param(visitorCartId)
                .query(UUID.class).optional().map(this::itemsOf).orElse(List.of());
        CartOwner owner = new CartOwner(buyer, null);
        for (Sellable item : visitorItems) {
            try {
                add(owner, item.kind(), item.refId(), item.tier());
            } catch (DomainException alreadyOwnedOrFree) {
                // a merged cart keeps what can still be bought
            }
        }
        // the visitor's codes come along, each in place of the buyer's code of the same store
        boolean codes = jdbc.sql("select exists (select 1 from cart_coupon where cart_id = ?)").param(visitorCartId).query(Boolean.class).single();
        cartId(owner, codes).ifPresent(buyerCart -> jdbc.sql("""
                insert into cart_coupon (cart_id, store_id, coupon_id) select ?, store_id, coupon_id from cart_coupon where cart_id = ?
                on conflict (cart_id, store_id) do update set coupon_id = excluded.coupon_id""").params(buyerCart, visitorCartId).update());
        jdbc.sql("delete from cart where id = ? and owner_id is null").param(visitorCartId).update();
    }

    /**
     * Refuses what a buyer may not buy: their own work, or anything they already own — a bundle too, if it
     * holds even one workflow they own, since buying it would sell them that workflow a second time.
     */
    void checkBuyable(AccountId buyer, Sellable item) {
        checkBuyable(buyer, List.of(item));
    }

    /**
     * As {@link #checkBuyable(AccountId, Sellable)} for each item of a cart, in turn: the buyer's store and what they own
     * among the items are looked up once for the whole cart.
     */
    void checkBuyable(AccountId buyer, List<Sellable> items) {
        @Nullable UUID ownStore = stores.findByOwner(buyer).map(StoreManagement.StoreView::id).orElse(null);
        List<UUID> offered = items.stream().filter(item -> item.upgrade() == null).flatMap(item -> item.workflowIds().stream()).distinct().toList();
        java.util.Set<UUID> owned = offered.isEmpty() ? java.util.Set.of() : java.util.Set.copyOf(orders.findBoughtAmong(buyer.value(), offered));
        for (Sellable item : items) {
            if (item.storeId().equals(ownStore)) {
                throw new DomainException("cart.own-item");
            }
            Sellable.Upgrade upgrade = item.upgrade();
            if (upgrade != null) {
                // an upgrade is of a workflow the buyer owns: their licence must still be valid and below the tier
                licences.heldFor(buyer, upgrade.licenceLineId()).filter(h -> h.tier() == upgrade.from())
                        .orElseThrow(() -> new DomainException("upgrade.unavailable"));
                continue;
            }
            if (item.workflowIds().isEmpty()) {
                throw new DomainException("cart.unavailable");
            }
            if (owned.containsAll(item.workflowIds())) {
                throw new DomainException("cart.already-owned");
            }
            if (item.workflowIds().stream().anyMatch(owned::contains)) {
                throw new DomainException("cart.bundle-partly-owned");
            }
        }
    }

    /** The item as it can be bought now (published, active), if it can. */
    public Optional<Sellable> resolve(Sellable.Kind kind, UUID refId) {
        return switch (kind) {
            case WORKFLOW -> catalog.purchasable(WorkflowId.of(refId)).filter(CatalogManagement.PurchasableWorkflow::published)
                    .map(w -> new Sellable(Sellable.Kind.WORKFLOW, w.id(), w.title(), w.slug(), w.storeId(), w.price(), List.of(w.id()),
                            LicenceTier.SINGLE, w.licences()));
            case BUNDLE -> bundles.find(refId).filter(Bundles.BundleView::active).map(Bundles.BundleView::toSellable);
        };
    }

    private List<Sellable> itemsOf(UUID cartId) {
        record Row(String kind, UUID refId, String tier, @Nullable UUID upgradeOf, @Nullable UUID ownerId) {
        }
        List<Sellable> items = new ArrayList<>();
        for (Row row : jdbc.sql("""
                select i.kind, i.ref_id, i.tier, i.upgrade_of, c.owner_id from cart_item i join cart c on c.id = i.cart_id
                where i.cart_id = ? order by i.added_at""").param(cartId).query(Row.class).list()) {
            LicenceTier tier = LicenceTier.valueOf(row.tier());
            UUID upgradeOf = row.upgradeOf();
            UUID ownerId = row.ownerId();
            if (upgradeOf != null) {
                // an upgrade already made, or no longer possible, leaves the cart
                if (ownerId != null) {
                    licences.heldFor(AccountId.of(ownerId), upgradeOf).flatMap(held -> {
                        try {
                            return Optional.of(upgradeOf(held, tier));
                        } catch (DomainException notAnyMore) {
                            return Optional.<Sellable>empty();
                        }
                    }).ifPresent(items::add);
                }
                continue;
            }
            // a tier the seller no longer offers falls back to the single licence, which the cart then shows
            resolve(Sellable.Kind.valueOf(row.kind()), row.refId()).map(item -> item.tiers().contains(tier) ? item.withTier(tier) : item)
                    .ifPresent(items::add);
        }
        return items;
    }

    /** The owner's cart, created if asked and there is none. */
    Optional<UUID> cartIdOf(CartOwner owner, boolean create) {
        return cartId(owner, create);
    }

    private Optional<UUID> cartId(CartOwner owner, boolean create) {
        if (owner.buyer() != null) {
            Optional<UUID> id = jdbc.sql("select id from cart where owner_id = ?").param(owner.buyer().value()).query(UUID.class).optional();
            if (id.isPresent() || !create) {
                return id;
            }
            jdbc.sql("insert into cart (id, owner_id, created_at, updated_at) values (?, ?, now(), now()) on conflict (owner_id) do nothing")
                    .params(UUID.randomUUID(), owner.buyer().value()).update();
            return jdbc.sql("select id from cart where owner_id = ?").param(owner.buyer().value()).query(UUID.class).optional();
        }
        if (owner.visitorCartId() != null) {
            Optional<UUID> id = jdbc.sql("select id from cart where id = ? and owner_id is null").param(owner.visitorCartId()).query(UUID.class).optional();
            if (id.isPresent() || !create) {
                return id;
            }
        }
        if (!create) {
            return Optional.empty();
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into cart (id, created_at, updated_at) values (?, now(), now())").param(id).update();
        return Optional.of(id);
    }

    private void touch(UUID cartId) {
        jdbc.sql("update cart set updated_at = now() where id = ?").param(cartId).update();
    }
}
