package app.flowmarket.commerce;

import java.util.List;
import java.util.UUID;

import app.flowmarket.shared.OrderId;
import app.flowmarket.shared.StoreId;

/** A buyer placed a new order from their cart and is about to pay it: one item per line. */
public record CheckoutStarted(OrderId orderId, List<Item> items) {

    public CheckoutStarted {
        items = List.copyOf(items);
    }

    /** A workflow or bundle of the order, and the store that sells it. */
    public record Item(Sellable.Kind kind, UUID refId, StoreId storeId) {
    }
}
