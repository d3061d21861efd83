package app.flowmarket.demo;

import java.util.List;
import java.util.UUID;

import app.flowmarket.account.AccountManagement;
import app.flowmarket.catalog.CatalogManagement;
import app.flowmarket.catalog.LicencePrices;
import app.flowmarket.shared.AccountId;
import app.flowmarket.shared.LicenceTier;
import app.flowmarket.shared.Money;
import app.flowmarket.shared.WorkflowId;
import org.springframework.stereotype.Component;

/** The demo seller's licence tiers: every paid workflow of the store sells a team and a company licence too, at the suggested prices. */
@Component
class DemoTiers {

    private final AccountManagement accounts;
    private final CatalogManagement catalog;

    DemoTiers(AccountManagement accounts, CatalogManagement catalog) {
        this.accounts = accounts;
        this.catalog = catalog;
    }

    void write(AccountId seller, List<UUID> paidWorkflows) {
        var actor = accounts.find(seller.value()).orElseThrow().actor();
        for (UUID id : paidWorkflows) {
            Money single = catalog.purchasable(WorkflowId.of(id)).orElseThrow().price();
            catalog.offerLicences(actor, WorkflowId.of(id), new LicencePrices(suggested(single, LicenceTier.TEAM), suggested(single, LicenceTier.COMPANY)));
        }
    }

    /** What the seller's form suggests: a whole multiple of the single price, as a seller would type it. */
    private static Money suggested(Money single, LicenceTier tier) {
        return new Money(single.minor() * LicencePrices.suggestedMultiplier(tier), single.currency());
    }
}
