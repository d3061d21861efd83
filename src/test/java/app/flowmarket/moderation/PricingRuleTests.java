package app.flowmarket.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import app.flowmarket.shared.Money;
import org.junit.jupiter.api.Test;

class PricingRuleTests {

    static final Optional<Money> USUAL = Optional.of(Money.of(2900, "USD"));

    @Test
    void flagsAPaidListingFarBelowOrAboveItsCategorysUsualPrice() {
        assertThat(PricingRule.check(Money.of(99, "USD"), USUAL, 5)).get().asString().contains("0.99 USD").contains("29.00 USD");
        assertThat(PricingRule.check(Money.of(49_900, "USD"), USUAL, 5)).isPresent();
    }

    @Test
    void leavesOrdinaryFreeAndIncomparablePricesAlone() {
        assertThat(PricingRule.check(Money.of(1900, "USD"), USUAL, 5)).isEmpty();
        assertThat(PricingRule.check(Money.of(9900, "USD"), USUAL, 5)).isEmpty();
        assertThat(PricingRule.check(Money.of(0, "USD"), USUAL, 5)).as("free is a price, not a trick").isEmpty();
        assertThat(PricingRule.check(Money.of(99, "EUR"), USUAL, 5)).as("another currency").isEmpty();
        assertThat(PricingRule.check(Money.of(99, "USD"), Optional.empty(), 5)).as("too few listings to compare").isEmpty();
    }

    @Test
    void duplicatesAreComparedOnTheirWordsOnly() {
        assertThat(ContentScreening.normalise("Great  flow!! Works,\nTHANKS")).isEqualTo("great flow works thanks");
    }
}
