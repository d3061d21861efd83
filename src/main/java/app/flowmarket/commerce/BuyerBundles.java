package app.flowmarket.commerce;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import app.flowmarket.audit.AuditLog;
import app.flowmarket.shared.Actor;
import app.flowmarket.shared.AfterCommit;
import app.flowmarket.shared.DomainException;
import app.flowmarket.shared.StoreId;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Buyer-built bundles: a buyer who puts several paid workflows of the stores that take part in one cart gets the
 * platform's tiered discount on them ({@link Pricing} applies it). The tiers are the platform's
 * ({@code flowmarket.commerce.buyer-bundles.tiers}, "items:percent" each); a store takes part when its seller says so.
 */
@Service
public class BuyerBundles {

    /** The platform's tiers: {@code 3:10} is 10 % off from three workflows on. */
    @ConfigurationProperties("flowmarket.commerce.buyer-bundles")
    record Settings(@DefaultValue({"3:10", "5:20"}) List<String> tiers) {
    }

    private final JdbcClient jdbc;
    private final List<Pricing.BundleTier> tiers;
    private final AuditLog audit;

    private static final Duration RELOAD = Duration.ofSeconds(30);

    private record Snapshot(Map<UUID, List<Pricing.BundleTier>> stores, Instant loadedAt) {
    }

    private volatile @Nullable Snapshot snapshot;

    BuyerBundles(JdbcClient jdbc, Settings settings, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.tiers = settings.tiers().stream().map(BuyerBundles::tier).sorted(java.util.Comparator.comparingInt(Pricing.BundleTier::items)).toList();
    }

    private static Pricing.BundleTier tier(String setting) {
        String[] parts = setting.strip().split(":");
        try {
            return new Pricing.BundleTier(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[parts.length - 1].strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("flowmarket.commerce.buyer-bundles.tiers: \"" + setting + "\" is not items:percent, e.g. 3:10");
        }
    }

    /** The tiers, fewest workflows first. */
    public List<Pricing.BundleTier> tiers() {
        return tiers;
    }

    /** What the pricing engine needs: the tiers, the stores that take part and the tiers some of them offer of their own. */
    public Pricing.BuyerBundleTerms terms() {
        Map<UUID, List<Pricing.BundleTier>> taking = takingPart();
        Map<UUID, List<Pricing.BundleTier>> own = new HashMap<>();
        taking.forEach((store, tiers) -> {
            if (!tiers.isEmpty()) {
                own.put(store, tiers);
            }
        });
        return new Pricing.BuyerBundleTerms(tiers, taking.keySet(), own);
    }

    /** Whether the store's workflows count towards a buyer's bundle (every buy box asks). */
    public boolean takesPart(StoreId store) {
        return takingPart().containsKey(store.value());
    }

    /** The tiers the store offers of its own, on top of the platform's (empty: none). */
    public List<Pricing.BundleTier> ownTiers(StoreId store) {
        return takingPart().getOrDefault(store.value(), List.of());
    }

    /** The tiers the store's workflows get in a buyer's bundle: the platform's and its own, each step taking more off. */
    public List<Pricing.BundleTier> tiersFor(StoreId store) {
        return terms().effective(store.value());
    }

    /** Tiers as a seller writes them: {@code 2:10, 4:25}. */
    public static String written(List<Pricing.BundleTier> tiers) {
        return tiers.stream().map(t -> t.items() + ":" + t.percentOff()).collect(Collectors.joining(", "));
    }

    /**
     * The store's own tiers, written as {@code 2:10, 4:25} (empty: none): at most four, from 2 to 20 workflows, 1 to 90 %
     * off, each taking more off than the one before. The store must take part.
     */
    @Transactional
    public void offerOwnTiers(Actor seller, StoreId store, String written) {
        List<Pricing.BundleTier> own = parse(written);
        int changed = jdbc.sql("update buyer_bundle_store set tiers = ? where store_id = ?")
                // a list, not varargs: no tiers of its own is null
                .params(java.util.Arrays.asList(own.isEmpty() ? null : written(own).replace(" ", ""), store.value())).update();
        if (changed == 0) {
            throw new DomainException("buyer-bundles.own-tiers.not-taking-part");
        }
        snapshot = null;
        AfterCommit.run(() -> snapshot = null);
        audit.record(seller.id().value(), seller.label(), "buyer-bundles.tiers", "store", store.value(), own.isEmpty() ? "none" : written(own));
    }

    static List<Pricing.BundleTier> parse(String written) {
        String text = written.strip();
        if (text.isEmpty()) {
            return List.of();
        }
        List<Pricing.BundleTier> own = new ArrayList<>();
        for (String part : text.split("[,;]")) {
            String[] pair = part.strip().split("\\s*:\\s*");
            try {
                if (pair.length != 2) {
                    throw new IllegalArgumentException(part);
                }
                int items = Integer.parseInt(pair[0].strip());
                int percent = Integer.parseInt(pair[1].strip().replace("%", "").strip());
                if (items > 20) {
                    throw new IllegalArgumentException(part);
                }
                own.add(new Pricing.BundleTier(items, percent));
            } catch (IllegalArgumentException e) {
                throw new DomainException("buyer-bundles.own-tiers.invalid");
            }
        }
        own.sort(java.util.Comparator.comparingInt(Pricing.BundleTier::items));
        for (int i = 1; i < own.size(); i++) {
            if (own.get(i).items() == own.get(i - 1).items() || own.get(i).percentOff() <= own.get(i - 1).percentOff()) {
                throw new DomainException("buyer-bundles.own-tiers.invalid");
            }
        }
        if (own.size() > 4) {
            throw new DomainException("buyer-bundles.own-tiers.invalid");
        }
        return List.copyOf(own);
    }

    /**
     * The stores that take part, with their own tiers: a short list that rarely changes, read again at most every
     * {@link #RELOAD} (and at once after a change here; another instance's change shows within that time, as promotions do).
     */
    private Map<UUID, List<Pricing.BundleTier>> takingPart() {
        Snapshot s = snapshot;
        Instant now = Instant.now();
        if (s == null || s.loadedAt().plus(RELOAD).isBefore(now)) {
            Map<UUID, List<Pricing.BundleTier>> stores = new HashMap<>();
            jdbc.sql("select store_id, tiers from buyer_bundle_store").query(rs -> {
                String own = rs.getString(2);
                stores.put(rs.getObject(1, UUID.class), own == null ? List.of() : parse(own));
            });
            s = new Snapshot(Map.copyOf(stores), now);
            snapshot = s;
        }
        return s.stores();
    }

    /** The seller's store takes part in buyers' bundles from now on, or no longer. */
    @Transactional
    public void takePart(Actor seller, StoreId store, boolean takesPart) {
        int changed = takesPart
                ? jdbc.sql("insert into buyer_bundle_store (store_id, joined_at) values (?, ?) on conflict do nothing")
                        .params(store.value(), Timestamp.from(Instant.now())).update()
                : jdbc.sql("delete from buyer_bundle_store where store_id = ?").param(store.value()).update();
        if (changed > 0) {
            snapshot = null;
            // read again once the change is committed, not before (a reader in between would keep the old list)
            AfterCommit.run(() -> snapshot = null);
            audit.record(seller.id().value(), seller.label(), takesPart ? "buyer-bundles.joined" : "buyer-bundles.left", "store", store.value(), null);
        }
    }
}
