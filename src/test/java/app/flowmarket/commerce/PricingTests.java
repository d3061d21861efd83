package app.flowmarket.commerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
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

    final Pricing pricing = new Pricing(new CommerceSettings(1000, java.time.Duration.ofHours(1)));

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
        Pricing.Quote quote = new Pricing(new CommerceSettings(bps, java.time.Duration.ofHours(1))).quote(items);

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
    void refusesAnEmptyCartAndMixedCurrencies() {
        assertThatThrownBy(() -> pricing.quote(List.of())).isInstanceOf(DomainException.class).hasMessage("cart.empty");
        assertThatThrownBy(() -> pricing.quote(List.of(workflow(100, "USD"), workflow(100, "EUR"))))
                .isInstanceOf(DomainException.class).hasMessage("cart.mixed-currencies");
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
}
