package app.flowmarket.commerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import app.flowmarket.catalog.LicencePrices;
import app.flowmarket.shared.DomainException;
import app.flowmarket.shared.LicenceTier;
import app.flowmarket.shared.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The licence tier step of the pricing engine: a line is priced at its tier's list price, then the promotion, then the
 * coupon, then converted into the charged currency — every combination of the four.
 */
class TierPricingTests {

    static final Instant AT = Instant.parse("2026-11-27T12:00:00Z");
    final Pricing pricing = TestPricing.pricing(1000);
    final UUID store = UUID.randomUUID();
    // 29.00 for one person, 87.00 for a team, 290.00 for a company
    final Sellable workflow = workflow(2900, 8700, 29000);

    Sellable workflow(long single, long team, long company) {
        UUID id = UUID.randomUUID();
        return new Sellable(Sellable.Kind.WORKFLOW, id, "Invoice sync", "invoice-sync", store, Money.of(single, "USD"), List.of(id),
                LicenceTier.SINGLE, new LicencePrices(Money.of(team, "USD"), Money.of(company, "USD")));
    }

    List<Pricing.PromotionTerms> promotion(String kind) {
        return switch (kind) {
            case "none" -> List.of();
            case "20%" -> List.of(new Pricing.PromotionTerms(UUID.randomUUID(), "Sale", store, 20, null, AT.minusSeconds(60), AT.plusSeconds(60),
                    Set.of(workflow.refId())));
            case "5USD" -> List.of(new Pricing.PromotionTerms(UUID.randomUUID(), "Five off", store, null, Money.of(500, "USD"), AT.minusSeconds(60),
                    AT.plusSeconds(60), Set.of(workflow.refId())));
            default -> throw new IllegalArgumentException(kind);
        };
    }

    List<Pricing.CouponTerms> coupon(String kind) {
        return switch (kind) {
            case "none" -> List.of();
            case "10%" -> List.of(new Pricing.CouponTerms(UUID.randomUUID(), "WELCOME10", store, 10, null, Money.of(0, "USD"), Set.of(), null));
            case "10USD" -> List.of(new Pricing.CouponTerms(UUID.randomUUID(), "TENOFF", store, null, Money.of(1000, "USD"), Money.of(0, "USD"),
                    Set.of(), null));
            default -> throw new IllegalArgumentException(kind);
        };
    }

    @ParameterizedTest(name = "{0} licence, promotion {1}, coupon {2}, charged in {3}: {4}")
    @CsvSource({
            // tier, promotion, coupon, charged in, what the buyer pays (minor units of the charged currency)
            "SINGLE,  none, none,  USD, 2900",
            "TEAM,    none, none,  USD, 8700",
            "COMPANY, none, none,  USD, 29000",
            // a promotion's percentage is of the tier's price; a fixed amount is the same for every tier
            "SINGLE,  20%,  none,  USD, 2320",
            "TEAM,    20%,  none,  USD, 6960",
            "COMPANY, 20%,  none,  USD, 23200",
            "TEAM,    5USD, none,  USD, 8200",
            "COMPANY, 5USD, none,  USD, 28500",
            // the coupon is taken off what the promotion left
            "TEAM,    none, 10%,   USD, 7830",
            "SINGLE,  20%,  10%,   USD, 2088",
            "TEAM,    20%,  10%,   USD, 6264",
            "COMPANY, 20%,  10%,   USD, 20880",
            "TEAM,    5USD, 10USD, USD, 7200",
            "COMPANY, none, 10USD, USD, 28000",
            // converted at the day's rates (1 EUR = 1.16 USD = 0.88 GBP = 180 JPY), rounded half-up to the currency's unit
            "TEAM,    none, none,  EUR, 7500",
            "TEAM,    20%,  10%,   EUR, 5400",
            "TEAM,    20%,  none,  GBP, 5280",
            "TEAM,    none, none,  JPY, 13500",
            "COMPANY, 20%,  10%,   JPY, 32400"})
    void aLineIsPricedAtItsTierThenThePromotionThenTheCoupon(LicenceTier tier, String promotion, String coupon, String chargedIn, long pays) {
        Pricing.Quote quote = pricing.quote(List.of(workflow.withTier(tier)), Currency.getInstance(chargedIn), coupon(coupon), promotion(promotion), AT);

        Pricing.QuoteLine line = quote.lines().get(0);
        assertThat(quote.total().minor()).isEqualTo(pays);
        assertThat(line.list()).isEqualTo(workflow.licences().of(tier, workflow.listPrice()).orElseThrow());
        assertThat(line.fee().minor() + line.sellerShare().minor()).isEqualTo(line.net().minor());
        assertThat(line.item().tier()).isEqualTo(tier);
    }

    @Test
    void theLineExplainsWhichLicenceItsListPriceIsFor() {
        Pricing.QuoteLine line = pricing.quote(List.of(workflow.withTier(LicenceTier.TEAM))).lines().get(0);

        assertThat(line.steps().get(0)).isEqualTo("team licence list price 87.00 USD (single 29.00 USD)");
    }

    @Test
    void aTierTheWorkflowDoesNotOfferCannotBePriced() {
        UUID id = UUID.randomUUID();
        Sellable teamOnly = new Sellable(Sellable.Kind.WORKFLOW, id, "w", "w", store, Money.of(1000, "USD"), List.of(id), LicenceTier.COMPANY,
                new LicencePrices(Money.of(3000, "USD"), null));

        assertThatThrownBy(() -> pricing.quote(List.of(teamOnly))).isInstanceOf(DomainException.class).hasMessageContaining("cart.tier-unavailable");
        assertThat(teamOnly.withTier(LicenceTier.TEAM).tiers()).containsExactly(LicenceTier.SINGLE, LicenceTier.TEAM);
    }

    @Test
    void aSellerBundleIsASingleLicence() {
        Sellable bundle = new Sellable(Sellable.Kind.BUNDLE, UUID.randomUUID(), "b", "b", store, Money.of(4000, "USD"), List.of(workflow.refId()));

        assertThat(bundle.tiers()).containsExactly(LicenceTier.SINGLE);
        assertThatThrownBy(() -> pricing.quote(List.of(bundle.withTier(LicenceTier.TEAM)))).isInstanceOf(DomainException.class);
    }
}
