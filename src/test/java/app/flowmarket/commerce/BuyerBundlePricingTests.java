package app.flowmarket.commerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import app.flowmarket.catalog.LicencePrices;
import app.flowmarket.shared.LicenceTier;
import app.flowmarket.shared.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The buyer-built bundle step of the pricing engine: the tier the count of counted workflows reaches, its percentage off each
 * of them after the promotion and before the coupon, borne by each seller on their own lines.
 */
class BuyerBundlePricingTests {

    static final Instant AT = Instant.parse("2026-11-27T12:00:00Z");
    static final List<Pricing.BundleTier> TIERS = List.of(new Pricing.BundleTier(5, 20), new Pricing.BundleTier(3, 10));
    final Pricing pricing = TestPricing.pricing(1000);
    final UUID joined = UUID.randomUUID();
    final UUID alsoJoined = UUID.randomUUID();
    final UUID notJoined = UUID.randomUUID();
    final Pricing.BuyerBundleTerms terms = new Pricing.BuyerBundleTerms(TIERS, Set.of(joined, alsoJoined));

    static Sellable workflow(UUID store, long cents, String currency) {
        UUID id = UUID.randomUUID();
        return new Sellable(Sellable.Kind.WORKFLOW, id, "Workflow " + cents, "w-" + id, store, Money.of(cents, currency), List.of(id));
    }

    List<Sellable> cart(int joinedItems, int otherItems, long cents) {
        List<Sellable> items = new ArrayList<>();
        for (int i = 0; i < joinedItems; i++) {
            items.add(workflow(i % 2 == 0 ? joined : alsoJoined, cents, "USD"));
        }
        for (int i = 0; i < otherItems; i++) {
            items.add(workflow(notJoined, cents, "USD"));
        }
        return items;
    }

    @ParameterizedTest(name = "{0} counted + {1} not counted at 20.00: tier {2} %, saving {3}, next {4} more")
    @CsvSource({
            "1, 0,  0,    0, 2",
            "2, 3,  0,    0, 1",
            "3, 0, 10,  600, 2",
            "4, 1, 10,  800, 1",
            "5, 0, 20, 2000, 0",
            "7, 2, 20, 2800, 0",
    })
    void theTierTheCountReachesTakesItsPercentageOffEachCountedWorkflow(int counted, int others, int percent, long saving, int missing) {
        Pricing.Quote quote = pricing.quote(cart(counted, others, 2000), Currency.getInstance("USD"), List.of(), List.of(), terms, AT);

        assertThat(quote.buyerBundle().items()).isEqualTo(counted);
        assertThat(quote.buyerBundle().tier() == null ? 0 : quote.buyerBundle().tier().percentOff()).isEqualTo(percent);
        assertThat(quote.buyerBundle().saving()).isEqualTo(Money.of(saving, "USD"));
        assertThat(quote.buyerBundle().missing()).isEqualTo(missing);
        assertThat(quote.total().minor()).isEqualTo((counted + others) * 2000L - saving);
        for (Pricing.QuoteLine line : quote.lines()) {
            boolean counts = !line.item().storeId().equals(notJoined);
            assertThat(line.bundleDiscount().minor()).isEqualTo(counts ? 2000L * percent / 100 : 0);
            // each seller bears it on their own lines: the fee is taken from what the buyer pays
            assertThat(line.sellerShare().minor() + line.fee().minor()).isEqualTo(line.net().minor());
        }
    }

    @Test
    void theSavingIsSharedAmongSellersInProportionToTheirPrices() {
        List<Sellable> items = List.of(workflow(joined, 1000, "USD"), workflow(alsoJoined, 3000, "USD"), workflow(joined, 6000, "USD"));

        Pricing.Quote quote = pricing.quote(items, Currency.getInstance("USD"), List.of(), List.of(), terms, AT);

        assertThat(quote.lines()).extracting(l -> l.bundleDiscount().minor()).containsExactly(100L, 300L, 600L);
        assertThat(quote.buyerBundle().saving()).isEqualTo(Money.of(1000, "USD"));
    }

    @Test
    void freeWorkflowsAndSellerBundlesNeitherCountNorGetIt() {
        UUID bundleId = UUID.randomUUID();
        Sellable sellerBundle = new Sellable(Sellable.Kind.BUNDLE, bundleId, "Bundle", "b", joined, Money.of(5000, "USD"),
                List.of(UUID.randomUUID(), UUID.randomUUID()));
        List<Sellable> items = List.of(workflow(joined, 2000, "USD"), workflow(joined, 0, "USD"), workflow(alsoJoined, 2000, "USD"), sellerBundle);

        Pricing.Quote quote = pricing.quote(items, Currency.getInstance("USD"), List.of(), List.of(), terms, AT);

        assertThat(quote.buyerBundle().items()).isEqualTo(2);
        assertThat(quote.buyerBundle().tier()).isNull();
        assertThat(quote.discount().isFree()).isTrue();
    }

    @ParameterizedTest(name = "promotion {0}, coupon {1}, team licence {2}: line {3}")
    @CsvSource({
            // 20.00 each, three in the cart: 10 % off each
            "none, none, false, 1800",
            // promotion 25 % first (15.00), then 10 % of that (-1.50)
            "25%,  none, false, 1350",
            // the coupon's 10 % is of what the bundle left: 18.00 - 1.80
            "none, 10%,  false, 1620",
            "25%,  10%,  false, 1215",
            // a team licence at 60.00 counts as one workflow, 10 % of its price
            "none, none, true,  5400",
            "25%,  10%,  true,  3645",
    })
    void theBundleComesAfterThePromotionAndBeforeTheCoupon(String promotion, String coupon, boolean team, long firstLine) {
        UUID first = UUID.randomUUID();
        Sellable firstItem = new Sellable(Sellable.Kind.WORKFLOW, first, "First", "first", joined, Money.of(2000, "USD"), List.of(first),
                team ? LicenceTier.TEAM : LicenceTier.SINGLE, new LicencePrices(Money.of(6000, "USD"), null));
        List<Sellable> items = List.of(firstItem, workflow(alsoJoined, 2000, "USD"), workflow(joined, 2000, "USD"));
        List<Pricing.PromotionTerms> promotions = promotion.equals("none") ? List.of()
                : List.of(new Pricing.PromotionTerms(UUID.randomUUID(), "Sale", joined, 25, null, AT.minusSeconds(1), AT.plusSeconds(1), Set.of(first)));
        List<Pricing.CouponTerms> coupons = coupon.equals("none") ? List.of()
                : List.of(new Pricing.CouponTerms(UUID.randomUUID(), "WELCOME10", joined, 10, null, Money.of(0, "USD"), Set.of(first), null));

        Pricing.Quote quote = pricing.quote(items, Currency.getInstance("USD"), coupons, promotions, terms, AT);

        Pricing.QuoteLine line = quote.lines().get(0);
        assertThat(line.net().minor()).isEqualTo(firstLine);
        assertThat(line.list().minor() - line.promotionDiscount().minor() - line.bundleDiscount().minor() - line.couponDiscount().minor())
                .isEqualTo(firstLine);
        assertThat(line.steps()).anyMatch(step -> step.startsWith("buyer's bundle of 3+ workflows 10% off"));
    }

    @Test
    void linesInAnotherCurrencyCountAndTheSavingIsShownInTheChargedOne() {
        List<Sellable> items = List.of(workflow(joined, 2000, "EUR"), workflow(alsoJoined, 2000, "USD"), workflow(joined, 2000, "USD"));

        Pricing.Quote quote = pricing.quote(items, Currency.getInstance("USD"), List.of(), List.of(), terms, AT);

        Pricing.QuoteLine euros = quote.lines().get(0);
        assertThat(euros.bundleDiscount()).isEqualTo(Money.of(200, "EUR"));
        long eurosSavedInDollars = euros.rate().multiply(java.math.BigDecimal.valueOf(200)).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
        assertThat(quote.buyerBundle().saving()).isEqualTo(Money.of(400 + eurosSavedInDollars, "USD"));
    }

    @Test
    void anUpgradeOfALicenceHeldIsNotPartOfTheBundle() {
        UUID id = UUID.randomUUID();
        Sellable upgrade = new Sellable(Sellable.Kind.WORKFLOW, id, "Held", "held", joined, Money.of(2000, "USD"), List.of(id),
                LicenceTier.SINGLE, new LicencePrices(Money.of(6000, "USD"), null))
                .upgrading(new Sellable.Upgrade(UUID.randomUUID(), "FM-KEY", LicenceTier.SINGLE), LicenceTier.TEAM);
        List<Sellable> items = List.of(upgrade, workflow(joined, 2000, "USD"), workflow(alsoJoined, 2000, "USD"));

        Pricing.Quote quote = pricing.quote(items, Currency.getInstance("USD"), List.of(), List.of(), terms, AT);

        assertThat(quote.buyerBundle().items()).isEqualTo(2);
        assertThat(quote.buyerBundle().tier()).isNull();
    }

    @Test
    void aTierIsTwoWorkflowsOrMoreAndAtMostNinetyPercent() {
        assertThatThrownBy(() -> new Pricing.BundleTier(1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Pricing.BundleTier(3, 95)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Pricing.BundleTier(3, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} counted, the first store offering 2:5 and 4:25 of its own: its lines {1} %, the other store's {2} %")
    @CsvSource({
            "1,  0,  0",
            "2,  5,  0",
            "3, 10, 10",
            "4, 25, 10",
            "5, 25, 20",
            "6, 25, 20",
    })
    void aStoreWithTiersOfItsOwnGivesItsLinesTheBetterOfItsTierAndThePlatforms(int counted, int ownPercent, int otherPercent) {
        Pricing.BuyerBundleTerms withOwn = new Pricing.BuyerBundleTerms(TIERS, Set.of(joined, alsoJoined),
                java.util.Map.of(joined, List.of(new Pricing.BundleTier(4, 25), new Pricing.BundleTier(2, 5))));

        Pricing.Quote quote = pricing.quote(cart(counted, 0, 2000), Currency.getInstance("USD"), List.of(), List.of(), withOwn, AT);

        long saving = 0;
        for (Pricing.QuoteLine line : quote.lines()) {
            int percent = line.item().storeId().equals(joined) ? ownPercent : otherPercent;
            assertThat(line.bundleDiscount().minor()).as(line.item().storeId().equals(joined) ? "the store's own tiers" : "the platform's")
                    .isEqualTo(2000L * percent / 100);
            saving += line.bundleDiscount().minor();
        }
        assertThat(quote.buyerBundle().saving()).isEqualTo(Money.of(saving, "USD"));
        assertThat(quote.total().minor()).isEqualTo(counted * 2000L - saving);
    }

    @Test
    void theTiersAStoresLinesGetAreThePlatformsAndItsOwnEachStepTakingMoreOff() {
        Pricing.BuyerBundleTerms withOwn = new Pricing.BuyerBundleTerms(TIERS, Set.of(joined, alsoJoined),
                java.util.Map.of(joined, List.of(new Pricing.BundleTier(2, 5), new Pricing.BundleTier(4, 15))));

        assertThat(withOwn.effective(joined)).containsExactly(new Pricing.BundleTier(2, 5), new Pricing.BundleTier(3, 10),
                new Pricing.BundleTier(4, 15), new Pricing.BundleTier(5, 20));
        assertThat(withOwn.effective(alsoJoined)).containsExactly(new Pricing.BundleTier(3, 10), new Pricing.BundleTier(5, 20));
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @CsvSource(delimiter = '|', value = {"3", "3:", "1:10", "21:10", "3:0", "3:95", "3:10, 3:20", "2:20, 4:10", "2:5,3:6,4:7,5:8,6:9", "a:b"})
    void writtenTiersThatAreNotTiersAreRefused(String written) {
        assertThatThrownBy(() -> BuyerBundles.parse(written)).isInstanceOf(app.flowmarket.shared.DomainException.class)
                .hasMessage("buyer-bundles.own-tiers.invalid");
    }

    @Test
    void writtenTiersAreReadInAnyOrderAndWrittenBackInOrder() {
        assertThat(BuyerBundles.parse(" 4 : 25 %; 2:10 ")).containsExactly(new Pricing.BundleTier(2, 10), new Pricing.BundleTier(4, 25));
        assertThat(BuyerBundles.written(BuyerBundles.parse("4:25, 2:10"))).isEqualTo("2:10, 4:25");
        assertThat(BuyerBundles.parse("  ")).isEmpty();
    }
}
