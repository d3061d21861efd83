package app.flowmarket.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import app.flowmarket.shared.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The promotion step of the pricing engine: when a promotion runs, which one counts, and how it stacks with a coupon. */
class PromotionPricingTests {

    static final Currency USD = Currency.getInstance("USD");
    static final Instant START = Instant.parse("2026-11-27T00:00:00Z");
    static final Instant END = Instant.parse("2026-12-04T00:00:00Z");
    final Pricing pricing = TestPricing.pricing(1000);
    final UUID store = UUID.randomUUID();
    final Sellable item = workflow(2500, "USD");

    Sellable workflow(long cents, String currency) {
        UUID id = UUID.randomUUID();
        return new Sellable(Sellable.Kind.WORKFLOW, id, "w", "w", store, Money.of(cents, currency), List.of(id));
    }

    Pricing.PromotionTerms percent(int percent, Sellable... on) {
        return new Pricing.PromotionTerms(UUID.randomUUID(), "Sale " + percent, store, percent, null, START, END,
                Set.of(java.util.Arrays.stream(on).map(Sellable::refId).toArray(UUID[]::new)));
    }

    @ParameterizedTest
    @CsvSource({
            // the instant priced, what the buyer pays for a 25.00 workflow at -20 %
            "2026-11-26T23:59:59.999999999Z, 2500",
            "2026-11-27T00:00:00Z, 2000",
            // the same instant written in another time zone
            "2026-11-27T01:00:00+01:00, 2000",
            "2026-12-03T23:59:59.999999999Z, 2000",
            "2026-12-04T00:00:00Z, 2500"})
    void aPromotionRunsFromItsStartIncludedToItsEndExcluded(String at, long pays) {
        Instant instant = java.time.OffsetDateTime.parse(at).toInstant();

        Pricing.Quote quote = pricing.quote(List.of(item), USD, List.of(), List.of(percent(20, item)), instant);

        assertThat(quote.total().minor()).isEqualTo(pays);
        assertThat(pricing.promoted(item.refId(), item.listPrice(), List.of(percent(20, item)), instant).isPresent()).isEqualTo(pays == 2000);
    }

    @Test
    void theBestRunningPromotionCountsAndTheLineSaysSo() {
        var small = percent(10, item);
        var big = percent(30, item);
        Pricing.Quote quote = pricing.quote(List.of(item), USD, List.of(), List.of(small, big), START);

        Pricing.QuoteLine line = quote.lines().get(0);
        assertThat(line.net().minor()).isEqualTo(1750);
        assertThat(line.promotionTitle()).isEqualTo("Sale 30");
        assertThat(line.steps()).anySatisfy(s -> assertThat(s).startsWith("promotion \"Sale 30\""));
        assertThat(line.fee().minor() + line.sellerShare().minor()).isEqualTo(1750);
        assertThat(pricing.promoted(item.refId(), item.listPrice(), List.of(small, big), START).orElseThrow().percentOff()).isEqualTo(30);
    }

    @Test
    void aCouponIsTakenOffThePromotedPrice() {
        var coupon = new Pricing.CouponTerms(UUID.randomUUID(), "TEN", store, 10, null, Money.of(2100, "USD"), Set.of(), null);

        Pricing.Quote quote = pricing.quote(List.of(item), USD, List.of(coupon), List.of(percent(20, item)), START);

        // 25.00 - 20 % = 20.00, below the code's 21.00 minimum: the minimum counts what the buyer would pay
        assertThat(quote.coupons().get(0).refusal()).isEqualTo("coupon.refused.minimum");
        var lowMinimum = new Pricing.CouponTerms(UUID.randomUUID(), "TEN", store, 10, null, Money.of(0, "USD"), Set.of(), null);
        Pricing.Quote both = pricing.quote(List.of(item), USD, List.of(lowMinimum), List.of(percent(20, item)), START);
        assertThat(both.total().minor()).isEqualTo(1800);
        assertThat(both.lines().get(0).couponDiscount().minor()).isEqualTo(200);
        assertThat(both.discount().minor()).isEqualTo(700);
    }

    @Test
    void aFixedAmountOffOnlyReducesPricesInItsCurrencyAndNeverBelowTheMinimum() {
        Sellable euros = workflow(500, "EUR");
        Sellable dollars = workflow(500, "USD");
        var fiveDollars = new Pricing.PromotionTerms(UUID.randomUUID(), "Five off", store, null, Money.of(900, "USD"), START, END,
                Set.of(euros.refId(), dollars.refId()));

        assertThat(pricing.promoted(euros.refId(), euros.listPrice(), List.of(fiveDollars), START)).isEmpty();
        assertThat(pricing.promoted(dollars.refId(), dollars.listPrice(), List.of(fiveDollars), START).orElseThrow().price().minor()).isEqualTo(50);
    }

    @Test
    void aSellerBundleKeepsItsOwnPrice() {
        Sellable other = workflow(2500, "USD");
        Sellable bundle = new Sellable(Sellable.Kind.BUNDLE, UUID.randomUUID(), "b", "b", store, Money.of(4000, "USD"),
                List.of(item.refId(), other.refId()));

        Pricing.Quote quote = pricing.quote(List.of(bundle), USD, List.of(), List.of(percent(50, item, other)), START);

        assertThat(quote.total().minor()).isEqualTo(4000);
    }
}
