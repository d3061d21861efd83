package app.flowmarket.commerce;

import java.util.List;
import java.util.UUID;

import app.flowmarket.shared.Money;

/** Something a cart can hold: one workflow, or a seller's bundle of several. */
public record Sellable(Kind kind, UUID refId, String title, String slug, UUID storeId, Money listPrice, List<UUID> workflowIds) {

    public enum Kind { WORKFLOW, BUNDLE }

    public String url() {
        return (kind == Kind.WORKFLOW ? "/workflows/" : "/bundles/") + slug;
    }
}
