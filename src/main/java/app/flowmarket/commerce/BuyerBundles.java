package app.flowmarket.commerce;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.List;
import java.util.UUID;

import app.flowmarket.audit.AuditLog;
import app.flowmarket.shared.Actor;
import app.flowmarket.shared.AfterCommit;
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

    private record Snapshot(Set<UUID> stores, Instant loadedAt) {
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

    /** What the pricing engine needs: the tiers and the stores that take part. */
    public Pricing.BuyerBundleTerms terms() {
        return new Pricing.BuyerBundleTerms(tiers, takingPart());
    }

    /** Whether the store's workflows count towards a buyer's bundle (every buy box asks). */
    public boolean takesPart(StoreId store) {
        return takingPart().contains(store.value());
    }

    /**
     * The stores that take part: a short list that rarely changes, read again at most every {@link #RELOAD} (and at
     * once after a change here; another instance's change shows within that time, as promotions do).
     */
    private Set<UUID> takingPart() {
        Snapshot s = snapshot;
        Instant now = Instant.now();
        if (s == null || s.loadedAt().plus(RELOAD).isBefore(now)) {
            s = new Snapshot(Set.copyOf(jdbc.sql("select store_id from buyer_bundle_store").query(UUID.class).list()), now);
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
