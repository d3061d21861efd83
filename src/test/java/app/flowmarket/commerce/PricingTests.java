package app.flowmarket.commerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import app.flowmarket.shared.DomainException;
import app.flowmarket.shared.Money;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PricingTests {

    final Pricing pricing = TestPricing.pricing(1000);

    static Sellable workflow(long cents, String currency) {
        UUID id = UUID.randomUUID();
        return new Sellable(Sellable.Kind.WORKFLOW, id, "w", "w", UUID.randomUUID(), Money.of(cents, currency), List.of(id));
    }

    @ParameterizedTest
    @CsvSource({
            // price, fee at 10 % rounded half-up, seller share
            "1999, 200, 1799",
            "5, 1, 4",
            "4, 0, 4",
            "15, 2, 13",
            "0, 0, 0",
            "10000000, 1000000, 9000000"})
    void splitsEachPriceIntoFeeAndSellerShare(long price, long fee, long share) {
        Pricing.Quote quote = pricing.quote(List.of(workflow(price, "USD")));

        Pricing.QuoteLine line = quote.lines().get(0);
        assertThat(line.fee().minor()).isEqualTo(fee);
        assertThat(line.sellerShare().minor()).isEqualTo(share);
        assertThat(quote.total().minor()).isEqualTo(price);
        assertThat(line.steps()).isNotEmpty();
    }

    @RepeatedTest(50)
    void sharesAndFeesAlwaysAddUpToWhatThBuyerPays() {
        Random random = new Random();
        List<Sellable> items = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(6); i < n; i++) {
            items.add(workflow(random.nextInt(5) == 0 ? 0 : random.nextLong(10_000_000), "EUR"));
        }
        int bps = random.nextInt(3001);
        Pricing.Quote quote = TestPricing.pricing(bps).quote(items);

        long shares = quote.lines().stream().mapToLong(l -> l.sellerShare().minor()).sum();
        assertThat(shares + quote.fee().minor()).isEqualTo(quote.total().minor());
        assertThat(quote.lines()).allSatisfy(line -> {
            assertThat(line.net().minor()).isNotNegative();
            assertThat(line.fee().minor()).isNotNegative().isLessThanOrEqualTo(line.net().minor());
            assertThat(line.sellerShare().minor()).isNotNegative();
            assertThat(line.fee().minor() + line.sellerShare().minor()).isEqualTo(line.net().minor());
        });
        assertThat(quote.total().minor()).isEqualTo(quote.subtotal().minor() - quote.discount().minor());
    }

    @Test
    void refusesAnEmptyCart() {
        assertThatThrownBy(() -> pricing.quote(List.of())).isInstanceOf(DomainException.class).hasMessage("cart.empty");
        assertThatThrownBy(() -> pricing.quote(List.of(), Currency.getInstance("USD"))).isInstanceOf(DomainException.class).hasMessage("cart.empty");
    }

    @Test
    void chargesAMixedCartInTheBuyersCurrencyWhileSellersKeepTheirOwn() {
        Sellable euros = workflow(1900, "EUR");
        Sellable dollars = workflow(1250, "USD");

        Pricing.Quote quote = pricing.quote(List.of(euros, dollars), Currency.getInstance("USD"));

        Pricing.QuoteLine converted = quote.lines().get(0);
        // the seller of the euro workflow is paid in euros: the ledger's amounts do not move with the rate
        assertThat(converted.net()).isEqualTo(Money.of(1900, "EUR"));
        assertThat(converted.fee()).isEqualTo(Money.of(190, "EUR"));
        assertThat(converted.sellerShare()).isEqualTo(Money.of(1710, "EUR"));
        // the buyer pays 19.00 EUR x 1.16 = 22.04 USD
        assertThat(converted.rate()).isEqualByComparingTo("1.16");
        assertThat(converted.charged()).isEqualTo(Money.of(2204, "USD"));
        assertThat(converted.converted()).isTrue();
        assertThat(converted.steps()).anyMatch(step -> step.startsWith("charged 22.04 USD at 1 EUR = 1.16 USD"));
        Pricing.QuoteLine same = quote.lines().get(1);
        assertThat(same.charged()).isEqualTo(Money.of(1250, "USD"));
        assertThat(same.rate()).isEqualByComparingTo("1");
        assertThat(same.converted()).isFalse();

        assertThat(quote.currency()).isEqualTo(Currency.getInstance("USD"));
        assertThat(quote.total()).isEqualTo(Money.of(3454, "USD"));
        assertThat(quote.total().minor()).isEqualTo(quote.subtotal().minor() - quote.discount().minor());
        assertThat(quote.converted()).isTrue();
        assertThat(quote.conversions()).containsExactly(converted);
        assertThat(quote.ratesDate()).isEqualTo(TestPricing.RATES.date());
    }

    @ParameterizedTest
    @CsvSource({
            // amount, from, to, converted: through the euro, rounded half-up to the target's minor unit
            "1000, GBP, JPY, 2045",      // 10.00 GBP x 180 / 0.88 = 2045.45 JPY; the yen has no minor unit
            "2045, JPY, GBP, 1000",      // 2045 JPY x 0.88 / 180 = 9.9978 GBP
            "1, USD, EUR, 1",            // 0.01 USD / 1.16 = 0.0086 EUR
            "2500, USD, USD, 2500",
            "1999, EUR, SEK, 21989"})    // 19.99 EUR x 11 = 219.89 SEK
    void convertsThroughTheEuroRoundingHalfUpToTheTargetCurrency(long amount, String from, String to, long expected) {
        assertThat(pricing.convert(Money.of(amount, from), Currency.getInstance(to))).contains(Money.of(expected, to));
    }

    @Test
    void thePriceShownInAVisitorsCurrencyIsThePriceChargedThatDay() {
        Random random = new Random(16);
        for (int i = 0; i < 500; i++) {
            Sellable item = workflow(1 + random.nextInt(100_000), List.of("USD", "EUR", "GBP").get(random.nextInt(3)));
            for (String buyer : List.of("USD", "EUR", "GBP", "JPY", "SEK", "CHF")) {
                Currency currency = Currency.getInstance(buyer);
                assertThat(pricing.quote(List.of(item), currency).total()).isEqualTo(pricing.convert(item.listPrice(), currency).orElseThrow());
            }
        }
    }

    @Test
    void aPriceInACurrencyWithoutARateCannotBeCharged() {
        assertThat(pricing.convert(Money.of(1000, "BRL"), Currency.getInstance("USD"))).isEmpty();
        assertThatThrownBy(() -> pricing.quote(List.of(workflow(1000, "BRL")), Currency.getInstance("USD")))
                .isInstanceOf(DomainException.class).hasMessage("cart.currency-unavailable");
    }

    @Test
    void chargesTheBuyersCurrencyWhenTheProcessorTakesItElseTheSellersOwnPrice() {
        List<Currency> processor = List.of(Currency.getInstance("EUR"), Currency.getInstance("USD"), Currency.getInstance("GBP"));
        List<Sellable> dollars = List.of(workflow(1000, "USD"), workflow(500, "USD"));
        List<Sellable> mixed = List.of(workflow(1000, "GBP"), workflow(500, "USD"));

        assertThat(pricing.chargeCurrency(Currency.getInstance("GBP"), dollars, processor)).isEqualTo(Currency.getInstance("GBP"));
        // the processor cannot charge yen: the sellers' own price is charged as it is
        assertThat(pricing.chargeCurrency(Currency.getInstance("JPY"), dollars, processor)).isEqualTo(Currency.getInstance("USD"));
        // several sellers' currencies: the first of the cart the processor takes
        assertThat(pricing.chargeCurrency(Currency.getInstance("JPY"), mixed, processor)).isEqualTo(Currency.getInstance("GBP"));
        assertThat(pricing.chargeCurrency(Currency.getInstance("JPY"), List.of(workflow(100, "SEK")), processor))
                .isEqualTo(Currency.getInstance("EUR"));
    }

    @Test
    void referencePricesOrderEveryCurrencyOnOneScale() {
        assertThat(pricing.referenceMicros(new java.math.BigDecimal("1.16"), Currency.getInstance("USD"))).contains(1_000_000L);
        assertThat(pricing.referenceMicros(new java.math.BigDecimal("25.00"), Currency.getInstance("EUR"))).contains(25_000_000L);
        long dollars = pricing.referenceMicros(new java.math.BigDecimal("29.00"), Currency.getInstance("USD")).orElseThrow();
        long pounds = pricing.referenceMicros(new java.math.BigDecimal("22.00"), Currency.getInstance("GBP")).orElseThrow();
        long euros = pricing.referenceMicros(new java.math.BigDecimal("24.90"), Currency.getInstance("EUR")).orElseThrow();
        // 24.90 EUR < 29.00 USD (25.00 EUR) < 22.00 GBP (25.00 EUR): sorted by what they are worth, not by the bare number
        assertThat(euros).isLessThan(dollars);
        assertThat(dollars).isLessThan(pounds + 1);
        assertThat(pricing.referenceMicros(java.math.BigDecimal.ONE, Currency.getInstance("BRL"))).isEmpty();
    }

    static Sellable bundle(long cents, Sellable... workflows) {
        return new Sellable(Sellable.Kind.BUNDLE, UUID.randomUUID(), "Bundle", "bundle", UUID.randomUUID(), Money.of(cents, "USD"),
                java.util.Arrays.stream(workflows).map(Sellable::refId).toList());
    }

    @Test
    void aBundleReplacesTheWorkflowsItContainsSoNothingIsSoldTwice() {
        Sellable first = workflow(2900, "USD");
        Sellable second = workflow(2500, "USD");
        Sellable other = workflow(1000, "USD");
        Sellable both = bundle(5300, first, second);

        Pricing.Quote quote = pricing.quote(List.of(first, second, both, other));

        assertThat(quote.total()).isEqualTo(Money.of(6300, "USD"));
        assertThat(quote.lines()).extracting(Pricing.QuoteLine::item).containsExactly(both, other);
        assertThat(quote.included()).extracting(Pricing.Included::item).containsExactly(first, second);
        assertThat(quote.includedIn(first)).contains(both);
        assertThat(quote.includedIn(other)).isEmpty();
        assertThat(quote.lines().get(0).steps()).anyMatch(step -> step.startsWith("replaces"));
        assertThat(quote.lines().stream().flatMap(l -> l.item().workflowIds().stream())).doesNotHaveDuplicates();
    }

    @Test
    void twoBundlesSharingAWorkflowCannotBeBoughtTogether() {
        Sellable first = workflow(2900, "USD");
        Sellable second = workflow(2500, "USD");
        Sellable third = workflow(2500, "USD");

        assertThatThrownBy(() -> pricing.quote(List.of(bundle(5000, first, second), bundle(5000, second, third))))
                .isInstanceOf(DomainException.class).hasMessage("cart.bundles-overlap");
    }

    @Test
    void aBundleSavesWhatItsWorkflowsCostSeparatelyLessItsPriceAndNeverLessThanNothing() {
        Pricing.BundleOffer offer = pricing.bundleOffer(Money.of(4000, "USD"), List.of(Money.of(2000, "USD"), Money.of(3000, "USD")));

        assertThat(offer.separately()).isEqualTo(Money.of(5000, "USD"));
        assertThat(offer.saving()).isEqualTo(Money.of(1000, "USD"));
        assertThat(pricing.bundleOffer(Money.of(6000, "USD"), List.of(Money.of(2000, "USD"), Money.of(3000, "USD"))).saving())
                .isEqualTo(Money.of(0, "USD"));
    }

    // ---- the platform minimum (0.50 in the line's currency) ------------------------------------

    static final java.time.Instant AT = java.time.Instant.parse("2026-11-27T12:00:00Z");
    static final Currency USD = Currency.getInstance("USD");

    /**
     * The first of three workflows of a store that takes part in buyers' bundles (10 % from three), the two others at 20.00:
     * a promotion and a coupon on the first only, then what each step took off it and what the buyer pays for it.
     */
    @ParameterizedTest(name = "{0} with promotion {1}, bundle, coupon {2}: -{3} -{4} -{5} = {6}, at minimum {7}")
    @CsvSource({
            "1000, none, none,   0, 100,   0, 900, false",
            // the promotion leaves exactly the minimum: the bundle has nothing left to take
            "1000, 95%,  none, 950,   0,   0,  50, true",
            "1000, 90%,  100%, 900,  10,  40,  50, true",
            "1000, none, 100%,   0, 100, 850,  50, true",
            // just above the edge, and just over it
            "1000, none, 94%,    0, 100, 846,  54, false",
            "1000, none, 95%,    0, 100, 850,  50, true",
            // the promotion itself stops at the minimum
            "60,   20%,  10%,   10,   0,   0,  50, true",
            // listed below the minimum: no discount applies, nothing raises it
            "40,   50%,  100%,   0,   0,   0,  40, true",
            // fixed amounts
            "1000, 3.00, 10.00, 300, 70, 580,  50, true",
            "1000, 3.00, 5.00,  300, 70, 500, 130, false",
            // a free workflow stays free
            "0,    50%,  100%,   0,   0,   0,   0, false",
    })
    void discountsTogetherStopAtThePlatformMinimum(long price, String promotion, String coupon, long promotionOff, long bundleOff,
                                                   long couponOff, long pays, boolean atMinimum) {
        UUID store = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        Sellable firstItem = new Sellable(Sellable.Kind.WORKFLOW, first, "First", "first", store, Money.of(price, "USD"), List.of(first));
        Sellable second = new Sellable(Sellable.Kind.WORKFLOW, UUID.randomUUID(), "Second", "second", store, Money.of(2000, "USD"), List.of());
        Sellable third = new Sellable(Sellable.Kind.WORKFLOW, UUID.randomUUID(), "Third", "third", store, Money.of(2000, "USD"), List.of());
        List<Pricing.PromotionTerms> promotions = promotion.equals("none") ? List.of()
                : List.of(new Pricing.PromotionTerms(UUID.randomUUID(), "Sale", store, percentOf(promotion), amountOf(promotion),
                AT.minusSeconds(60), AT.plusSeconds(60), java.util.Set.of(first)));
        List<Pricing.CouponTerms> coupons = coupon.equals("none") ? List.of()
                : List.of(new Pricing.CouponTerms(UUID.randomUUID(), "EDGE", store, percentOf(coupon), amountOf(coupon), Money.of(0, "USD"),
                java.util.Set.of(first), null));
        var bundles = new Pricing.BuyerBundleTerms(List.of(new Pricing.BundleTier(3, 10)), java.util.Set.of(store));

        Pricing.Quote quote = pricing.quote(List.of(firstItem, second, third), USD, coupons, promotions, bundles, AT);

        Pricing.QuoteLine line = quote.lines().get(0);
        assertThat(line.promotionDiscount().minor()).isEqualTo(promotionOff);
        assertThat(line.bundleDiscount().minor()).isEqualTo(bundleOff);
        assertThat(line.couponDiscount().minor()).isEqualTo(couponOff);
        assertThat(line.net().minor()).isEqualTo(pays);
        assertThat(line.discount().minor()).isEqualTo(promotionOff + bundleOff + couponOff);
        assertThat(line.atMinimum()).isEqualTo(atMinimum);
        assertThat(line.steps().stream().anyMatch(step -> step.startsWith("platform minimum"))).isEqualTo(atMinimum);
        assertThat(line.sellerShare().minor() + line.fee().minor()).isEqualTo(line.net().minor());
        assertThat(quote.total().minor()).isEqualTo(quote.lines().stream().mapToLong(l -> l.net().minor()).sum());
    }

    @Test
    void aFixedCouponGivesWhatOneLinesMinimumRefusesToTheOtherLines() {
        UUID store = UUID.randomUUID();
        Sellable cheap = new Sellable(Sellable.Kind.WORKFLOW, UUID.randomUUID(), "Cheap", "cheap", store, Money.of(60, "USD"), List.of());
        Sellable dear = new Sellable(Sellable.Kind.WORKFLOW, UUID.randomUUID(), "Dear", "dear", store, Money.of(2000, "USD"), List.of());
        var tenOff = new Pricing.CouponTerms(UUID.randomUUID(), "TEN", store, null, Money.of(1000, "USD"), Money.of(0, "USD"), java.util.Set.of(), null);

        Pricing.Quote quote = pricing.quote(List.of(cheap, dear), USD, List.of(tenOff));

        assertThat(quote.lines()).extracting(l -> l.couponDiscount().minor()).containsExactly(10L, 990L);
        assertThat(quote.lines()).extracting(Pricing.QuoteLine::atMinimum).containsExactly(false, false);
        assertThat(quote.coupons().get(0).discount()).isEqualTo(Money.of(1000, "USD"));
        assertThat(quote.total().minor()).isEqualTo(1060);
    }

    @Test
    void theMinimumIsInTheLinesOwnCurrencyThenConvertedLikeTheRest() {
        Sellable euros = workflow(1000, "EUR");
        var allOff = new Pricing.CouponTerms(UUID.randomUUID(), "ALL", euros.storeId(), 100, null, Money.of(0, "EUR"), java.util.Set.of(), null);

        Pricing.Quote quote = pricing.quote(List.of(euros), USD, List.of(allOff));

        assertThat(quote.lines().get(0).net()).isEqualTo(Money.of(50, "EUR"));
        // 0.50 EUR at 1.16 USD per euro
        assertThat(quote.total()).isEqualTo(Money.of(58, "USD"));
        assertThat(pricing.minimumPrice(Currency.getInstance("JPY"))).isEqualTo(Money.of(1, "JPY"));
        assertThat(TestPricing.pricing(1000, java.math.BigDecimal.ZERO).quote(List.of(euros), USD, List.of(allOff)).isFree()).isTrue();
    }

    private static @org.jspecify.annotations.Nullable Integer percentOf(String value) {
        return value.endsWith("%") ? Integer.valueOf(value.substring(0, value.length() - 1)) : null;
    }

    private static @org.jspecify.annotations.Nullable Money amountOf(String value) {
        return value.endsWith("%") ? null : Money.parse(value, "USD");
    }
}
