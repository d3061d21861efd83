package app.flowmarket.commerce;

import java.util.List;
import java.util.UUID;

import app.flowmarket.catalog.LicencePrices;
import app.flowmarket.shared.LicenceTier;
import app.flowmarket.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * Something a cart can hold: one workflow, or a seller's bundle of several. {@code listPrice} is the single licence's
 * price; {@code tier} is the licence chosen and {@code licences} what the seller asks for the others ({@link Pricing}
 * prices the line at its tier's price). A bundle is sold for one person only.
 */
public record Sellable(Kind kind, UUID refId, String title, String slug, UUID storeId, Money listPrice, List<UUID> workflowIds,
                       LicenceTier tier, LicencePrices licences, @Nullable Upgrade upgrade) {

    public enum Kind { WORKFLOW, BUNDLE }

    /** A licence the buyer holds, raised to {@link #tier}: the order line it was issued for, its key and its tier now. */
    public record Upgrade(UUID licenceLineId, String key, LicenceTier from) {
    }

    /** A new licence of the tier chosen. */
    public Sellable(Kind kind, UUID refId, String title, String slug, UUID storeId, Money listPrice, List<UUID> workflowIds,
                    LicenceTier tier, LicencePrices licences) {
        this(kind, refId, title, slug, storeId, listPrice, workflowIds, tier, licences, null);
    }

    public Sellable {
        workflowIds = List.copyOf(workflowIds);
    }

    /** A single licence: a bundle, or a workflow that offers no other tier. */
    public Sellable(Kind kind, UUID refId, String title, String slug, UUID storeId, Money listPrice, List<UUID> workflowIds) {
        this(kind, refId, title, slug, storeId, listPrice, workflowIds, LicenceTier.SINGLE, LicencePrices.NONE);
    }

    public String url() {
        return (kind == Kind.WORKFLOW ? "/workflows/" : "/bundles/") + slug;
    }

    /** The tiers a buyer can choose for this item, single first. */
    public List<LicenceTier> tiers() {
        return kind == Kind.WORKFLOW ? licences.offered() : List.of(LicenceTier.SINGLE);
    }

    /** The same item with another licence, which it must offer. */
    public Sellable withTier(LicenceTier chosen) {
        return new Sellable(kind, refId, title, slug, storeId, listPrice, workflowIds, chosen, licences, upgrade);
    }

    /** This workflow as an upgrade of the buyer's licence to the tier chosen. */
    public Sellable upgrading(Upgrade held, LicenceTier to) {
        return new Sellable(kind, refId, title, slug, storeId, listPrice, workflowIds, to, licences, held);
    }
}
