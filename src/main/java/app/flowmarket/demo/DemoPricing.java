package app.flowmarket.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import app.flowmarket.commerce.BuyerBundles;
import app.flowmarket.commerce.Coupons;
import app.flowmarket.commerce.Pricing;
import app.flowmarket.commerce.Promotions;
import app.flowmarket.shared.AccountId;
import app.flowmarket.shared.Actor;
import app.flowmarket.shared.Money;
import app.flowmarket.shared.StoreId;
import org.springframework.stereotype.Component;

/**
 * The demo seller's pricing offers that the README names: the store-wide code WELCOME10, a week's sale on two workflows
 * (and last summer's, ended), team and company licences on every paid workflow, and a seller bundle with its own code
 * ({@link DemoSellerBundle}).
 */
@Component
class DemoPricing {

    static final String WELCOME_CODE = "WELCOME10";

    private final Coupons coupons;
    private final Promotions promotions;
    private final DemoTiers tiers;
    private final BuyerBundles buyerBundles;
    private final DemoSellerBundle sellerBundle;

    DemoPricing(Coupons coupons, Promotions promotions, DemoTiers tiers, BuyerBundles buyerBundles, DemoSellerBundle sellerBundle) {
        this.buyerBundles = buyerBundles;
        this.sellerBundle = sellerBundle;
        this.coupons = coupons;
        this.promotions = promotions;
        this.tiers = tiers;
    }

    /** The welcome code runs from eight days ago: this week's demo buyers used it. */
    static Instant welcomeStarts(Instant now) {
        return now.minus(Duration.ofDays(8));
    }

    /**
     * Writes the offers; returns the store's promotions as the pricing engine takes them, so its history is priced
     * day by day as the engine priced it then (the history is written beside, where these rows are not yet visible).
     */
    List<Pricing.PromotionTerms> write(AccountId seller, StoreId store, String currency, List<UUID> paidWorkflows, List<UUID> longestListed,
                                       Instant now) {
        tiers.write(seller, paidWorkflows);
        coupons.create(seller, new Coupons.CouponForm(WELCOME_CODE, 10, null, Money.of(0, currency), List.of(),
                welcomeStarts(now), null, null, false, false));
        List<Pricing.PromotionTerms> written = new ArrayList<>();
        if (paidWorkflows.size() >= 5) {
            // last summer's ten-day sale on three other workflows, long ended: its bump shows in the dashboard's year. They
            // are the ones listed longest, so they were on sale then (a workflow listed after the sale has no sales during it)
            Instant start = now.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(130));
            List<UUID> summer = longestListed.stream().filter(id -> !paidWorkflows.subList(0, 2).contains(id)).limit(3).toList();
            written.add(promotion(seller, store, "Summer sale", 25, summer, start, start.plus(Duration.ofDays(10))));
        }
        if (paidWorkflows.size() >= 2) {
            // a week's sale that started two days ago, on two of the store's paid workflows
            Instant start = now.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(2));
            written.add(promotion(seller, store, "Autumn sale", 20, paidWorkflows.subList(0, 2), start, start.plus(Duration.ofDays(7))));
        }
        sellerBundle.write(seller, currency, paidWorkflows, now);
        return written;
    }

    private Pricing.PromotionTerms promotion(AccountId seller, StoreId store, String title, int percentOff, List<UUID> workflows, Instant start,
                                             Instant end) {
        UUID id = promotions.create(seller, new Promotions.PromotionForm(title, percentOff, null, workflows, start, end));
        return new Pricing.PromotionTerms(id, title, store.value(), percentOff, null, start, end, new java.util.HashSet<>(workflows));
    }

    /** A store that takes part in buyers' own bundles: a cart of three of these stores' workflows shows the saving. */
    void takePartInBuyerBundles(Actor seller, StoreId store) {
        buyerBundles.takePart(seller, store, true);
    }

    /** The demo seller's own bundle tiers, on top of the platform's: from two workflows 5 % off, from four 25 %. */
    void ownBundleTiers(Actor seller, StoreId store) {
        buyerBundles.offerOwnTiers(seller, store, OWN_BUNDLE_TIERS);
    }

    static final String OWN_BUNDLE_TIERS = "2:5, 4:25";
}
