package app.flowmarket.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import app.flowmarket.shared.Money;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The coupon step of the pricing engine: what a code takes off, from which lines, and why it is refused. */
class CouponPricingTests {

    static final Currency USD = Currency.getInstance("USD");
    final Pricing pricing = TestPricing.pricing(1000);
    final UUID store = UUID.randomUUID();

    Sellable workflow(UUID storeId, long cents, String currency) {
        UUID id = UUID.randomUUID();
        return new Sellable(Sellable.Kind.WORKFLOW, id, "w" + cents, "w", storeId, Money.of(cents, currency), List.of(id));
    }

    Pricing.CouponTerms percent(int percent, long minimumCents, Set<UUID> workflows, String refusal) {
        return new Pricing.CouponTerms(UUID.randomUUID(), "SAVE" + percent, store, percent, null, Money.of(minimumCents, "USD"), workflows, refusal);
    }

    Pricing.CouponTerms amount(long cents, long minimumCents) {
        return new Pricing.CouponTerms(UUID.randomUUID(), "OFF" + cents, store, null, Money.of(cents, "USD"), Money.of(minimumCents, "USD"),
                Set.of(), null);
    }

    @ParameterizedTest
    @CsvSource({
            // price, percent, discount (half-up), buyer pays, fee 10 % of what is paid, seller share
            "2900, 10, 290, 2610, 261, 2349",
            "999, 15, 150, 849, 85, 764",
            "60, 10, 6, 54, 5, 49",
            // a 100 % code on a paid line stops at the platform minimum (0.50)
            "1000, 100, 950, 50, 5, 45"})
    void takesThePercentageOffEachCoveredLineAndTheSellerBearsIt(long price, int percent, long off, long pays, long fee, long share) {
        Sellable item = workflow(store, price, "USD");

        Pricing.Quote quote = pricing.quote(List.of(item), USD, List.of(percent(percent, 0, Set.of(), null)));

        Pricing.QuoteLine line = quote.lines().get(0);
        assertThat(line.discount().minor()).isEqualTo(off);
        assertThat(line.net().minor()).isEqualTo(pays);
        assertThat(line.fee().minor()).isEqualTo(fee);
        assertThat(line.sellerShare().minor()).isEqualTo(share);
        assertThat(line.couponCode()).isEqualTo("SAVE" + percent);
        assertThat(line.steps()).anySatisfy(step -> assertThat(step).startsWith("coupon SAVE" + percent));
        assertThat(quote.coupons()).singleElement().satisfies(c -> {
            assertThat(c.applied()).isTrue();
            assertThat(c.discount().minor()).isEqualTo(off);
        });
        assertThat(quote.total().minor()).isEqualTo(pays);
    }

    @Test
    void reducesOnlyTheSellersOwnLinesAndOnlyTheChosenWorkflows() {
        Sellable chosen = workflow(store, 2000, "USD");
        Sellable notChosen = workflow(store, 3000, "USD");
        Sellable elsewhere = workflow(UUID.randomUUID(), 1000, "USD");

        Pricing.Quote quote = pricing.quote(List.of(chosen, notChosen, elsewhere), USD, List.of(percent(25, 0, Set.of(chosen.refId()), null)));

        assertThat(quote.lines()).extracting(l -> l.discount().minor()).containsExactly(500L, 0L, 0L);
        assertThat(quote.lines()).extracting(Pricing.QuoteLine::couponId).containsExactly(quote.coupons().get(0).terms().id(), null, null);
        assertThat(quote.total().minor()).isEqualTo(5500);
    }

    @Test
    void splitsAFixedAmountInProportionAndNeverBelowTheMinimum() {
        Sellable a = workflow(store, 1000, "USD");
        Sellable b = workflow(store, 2000, "USD");
        Sellable c = workflow(store, 1, "USD");

        Pricing.Quote split = pricing.quote(List.of(a, b, c), USD, List.of(amount(1000, 0)));
        assertThat(split.lines()).extracting(l -> l.discount().minor()).containsExactly(333L, 667L, 0L);
        assertThat(split.total().minor()).isEqualTo(2001);

        Pricing.Quote capped = pricing.quote(List.of(a), USD, List.of(amount(5000, 0)));
        assertThat(capped.lines().get(0).net().minor()).isEqualTo(50);
        assertThat(capped.lines().get(0).atMinimum()).isTrue();
        assertThat(capped.coupons().get(0).discount().minor()).isEqualTo(950);
        assertThat(capped.isFree()).isFalse();
    }

    @Test
    void saysWhyACodeIsRefused() {
        Sellable item = workflow(store, 1500, "USD");

        assertThat(refusalOf(List.of(item), percent(10, 2000, Set.of(), null))).isEqualTo("coupon.refused.minimum");
        assertThat(refusalOf(List.of(item), percent(10, 1500, Set.of(), null))).isNull();
        assertThat(refusalOf(List.of(item), percent(10, 0, Set.of(UUID.randomUUID()), null))).isEqualTo("coupon.refused.not-applicable");
        assertThat(refusalOf(List.of(workflow(UUID.randomUUID(), 1500, "USD")), percent(10, 0, Set.of(), null)))
                .isEqualTo("coupon.refused.not-applicable");
        // a fixed amount in dollars does not reduce a price in euros
        Sellable euros = new Sellable(Sellable.Kind.WORKFLOW, UUID.randomUUID(), "e", "e", store, Money.of(1500, "EUR"), List.of());
        assertThat(refusalOf(List.of(euros), amount(500, 0))).isEqualTo("coupon.refused.not-applicable");
        assertThat(refusalOf(List.of(item), percent(10, 0, Set.of(), "coupon.refused.expired"))).isEqualTo("coupon.refused.expired");
    }

    @Test
    void countsOneCodePerStore() {
        Sellable item = workflow(store, 1000, "USD");

        Pricing.Quote quote = pricing.quote(List.of(item), USD, List.of(percent(10, 0, Set.of(), null), percent(50, 0, Set.of(), null)));

        assertThat(quote.coupons()).extracting(Pricing.CouponOutcome::refusal).containsExactly(null, "coupon.refused.one-per-store");
        assertThat(quote.total().minor()).isEqualTo(900);
    }

    @Test
    void aCodeReducesASellerBundleAtItsOwnPriceAndTheWorkflowItReplacesIsNotChargedAgain() {
        Sellable first = workflow(store, 2000, "USD");
        Sellable second = workflow(store, 2000, "USD");
        Sellable bundle = new Sellable(Sellable.Kind.BUNDLE, UUID.randomUUID(), "b", "b", store, Money.of(3000, "USD"),
                List.of(first.refId(), second.refId()));

        Pricing.Quote quote = pricing.quote(List.of(first, bundle), USD, List.of(percent(10, 0, Set.of(), null)));

        assertThat(quote.lines()).singleElement().satisfies(line -> assertThat(line.net().minor()).isEqualTo(2700));
        assertThat(quote.total().minor()).isEqualTo(2700);
    }

    @Test
    void aCodeForAChosenSellerBundleReducesThatBundleOnly() {
        Sellable first = workflow(store, 2000, "USD");
        Sellable second = workflow(store, 2000, "USD");
        Sellable other = workflow(store, 1500, "USD");
        Sellable bundle = new Sellable(Sellable.Kind.BUNDLE, UUID.randomUUID(), "b", "b", store, Money.of(3000, "USD"),
                List.of(first.refId(), second.refId()));

        Pricing.Quote quote = pricing.quote(List.of(bundle, other), USD, List.of(percent(20, 0, Set.of(bundle.refId()), null)));

        assertThat(quote.lines()).extracting(l -> l.net().minor()).containsExactly(2400L, 1500L);
        assertThat(quote.coupons()).singleElement().satisfies(c -> assertThat(c.discount()).isEqualTo(Money.of(600, "USD")));
        // a code for one of the bundle's workflows does not reach the bundle that replaces it
        Pricing.Quote byWorkflow = pricing.quote(List.of(bundle, other), USD, List.of(percent(20, 0, Set.of(first.refId()), null)));
        assertThat(byWorkflow.coupons()).singleElement().satisfies(c -> assertThat(c.refusal()).isEqualTo("coupon.refused.not-applicable"));
    }

    @Test
    void aCodeOfAStoreThatPricesInEurosIsChargedInTheBuyersCurrencyAfterItsDiscount() {
        Sellable euros = new Sellable(Sellable.Kind.WORKFLOW, UUID.randomUUID(), "e", "e", store, Money.of(2000, "EUR"), List.of());
        var coupon = new Pricing.CouponTerms(UUID.randomUUID(), "TEN", store, 10, null, Money.of(0, "EUR"), Set.of(), null);

        Pricing.Quote quote = pricing.quote(List.of(euros), USD, List.of(coupon));

        // 20.00 EUR - 10 % = 18.00 EUR, at 1.16 USD per EUR
        assertThat(quote.total()).isEqualTo(Money.of(2088, "USD"));
        assertThat(quote.subtotal()).isEqualTo(Money.of(2320, "USD"));
        assertThat(quote.discount()).isEqualTo(Money.of(232, "USD"));
    }

    @RepeatedTest(50)
    void withAnyCodeSharesAndFeesStillAddUpAndNothingIsNegative() {
        Random random = new Random();
        List<Sellable> items = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(5); i < n; i++) {
            items.add(workflow(random.nextBoolean() ? store : UUID.randomUUID(), 1 + random.nextLong(100_000), "USD"));
        }
        Pricing.CouponTerms coupon = random.nextBoolean() ? percent(1 + random.nextInt(100), random.nextInt(50_000), Set.of(), null)
                : amount(1 + random.nextInt(200_000), random.nextInt(50_000));

        Pricing.Quote quote = TestPricing.pricing(random.nextInt(3001)).quote(items, USD, List.of(coupon));

        assertThat(quote.lines()).allSatisfy(line -> {
            assertThat(line.net().minor()).isNotNegative().isLessThanOrEqualTo(line.list().minor());
            assertThat(line.fee().minor() + line.sellerShare().minor()).isEqualTo(line.net().minor());
            assertThat(line.sellerShare().minor()).isNotNegative();
        });
        assertThat(quote.total().minor()).isEqualTo(quote.subtotal().minor() - quote.discount().minor());
        Pricing.CouponOutcome outcome = quote.coupons().get(0);
        long taken = quote.lines().stream().mapToLong(l -> l.discount().minor()).sum();
        assertThat(taken).isEqualTo(outcome.applied() ? outcome.discount().minor() : 0);
        if (coupon.amountOff() != null && outcome.applied()) {
            assertThat(taken).isLessThanOrEqualTo(coupon.amountOff().minor());
        }
    }

    private String refusalOf(List<Sellable> items, Pricing.CouponTerms coupon) {
        return pricing.quote(items, USD, List.of(coupon)).coupons().get(0).refusal();
    }
}
