package app.flowmarket.commerce;

import java.util.UUID;

import app.flowmarket.shared.StoreId;

/** Something went into a cart (a visitor's or a buyer's): a workflow or a bundle of the given store. */
public record CartItemAdded(Sellable.Kind kind, UUID refId, StoreId storeId) {
}
