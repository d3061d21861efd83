package app.flowmarket.commerce.web;

import java.util.List;

import app.flowmarket.catalog.CatalogQueries.WorkflowCard;

/** The currency a store's prices are in: that of its listings (dollars before it has one). Fixed amounts and minimums are in it. */
final class StoreCurrency {

    private StoreCurrency() {
    }

    static String of(List<WorkflowCard> listings) {
        return listings.stream().map(w -> w.price().currency().getCurrencyCode()).findFirst().orElse("USD");
    }
}
