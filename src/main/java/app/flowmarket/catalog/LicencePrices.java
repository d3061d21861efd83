package app.flowmarket.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import app.flowmarket.shared.LicenceTier;
import app.flowmarket.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * What a seller asks for the licences beyond one person's: a team's and a company's, each null when not offered.
 * In the workflow's currency; each above the single licence's price, and a company's above a team's.
 */
public record LicencePrices(@Nullable Money team, @Nullable Money company) implements java.io.Serializable {

    public static final LicencePrices NONE = new LicencePrices(null, null);

    /** The list price of the tier, with {@code single} the workflow's own price; empty when the tier is not offered. */
    public Optional<Money> of(LicenceTier tier, Money single) {
        return switch (tier) {
            case SINGLE -> Optional.of(single);
            case TEAM -> Optional.ofNullable(team);
            case COMPANY -> Optional.ofNullable(company);
        };
    }

    /** The tiers a buyer can choose from, single first. */
    public List<LicenceTier> offered() {
        List<LicenceTier> tiers = new ArrayList<>(List.of(LicenceTier.SINGLE));
        if (team != null) {
            tiers.add(LicenceTier.TEAM);
        }
        if (company != null) {
            tiers.add(LicenceTier.COMPANY);
        }
        return List.copyOf(tiers);
    }

    /** Whether a buyer has a choice to make. */
    public boolean any() {
        return team != null || company != null;
    }

    /** The multiplier of the single price the seller's form suggests for a tier: a hint, never a price charged. */
    public static int suggestedMultiplier(LicenceTier tier) {
        return switch (tier) {
            case SINGLE -> 1;
            case TEAM -> 3;
            case COMPANY -> 10;
        };
    }
}
