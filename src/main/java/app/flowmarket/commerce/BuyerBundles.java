package app.flowmarket.commerce;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import app.flowmarket.audit.AuditLog;
import app.flowmarket.shared.Actor;
import app.flowmarket.shared.StoreId;
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
    @Transactional(readOnly = true)
    public Pricing.BuyerBundleTerms terms() {
        return new Pricing.BuyerBundleTerms(tiers, new HashSet<>(jdbc.sql("select store_id from buyer_bundle_store").query(UUID.class).list()));
    }

    @Transactional(readOnly = true)
    public boolean takesPart(StoreId store) {
        return jdbc.sql("select exists (select 1 from buyer_bundle_store where store_id = ?)").param(store.value()).query(Boolean.class).single();
    }

    /** The seller's store takes part in buyers' bundles from now on, or no longer. */
    @Transactional
    public void takePart(Actor seller, StoreId store, boolean takesPart) {
        int changed = takesPart
                ? jdbc.sql("insert into buyer_bundle_store (store_id, joined_at) values (?, ?) on conflict do nothing")
                        .params(store.value(), Timestamp.from(Instant.now())).update()
                : jdbc.sql("delete from buyer_bundle_store where store_id = ?").param(store.value()).update();
        if (changed > 0) {
            audit.record(seller.id().value(), seller.label(), takesPart ? "buyer-bundles.joined" : "buyer-bundles.left", "store", store.value(), null);
        }
    }
}
