package app.flowmarket.commerce;

import java.util.UUID;

/** One line of an order was refunded and its access revoked. */
public record OrderLineRefunded(UUID orderId, UUID orderLineId, UUID buyerId, long amountMinor, String currency) {
}
