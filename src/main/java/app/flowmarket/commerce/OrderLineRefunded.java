package app.flowmarket.commerce;

import java.time.Instant;

import app.flowmarket.shared.AccountId;
import app.flowmarket.shared.OrderId;

/**
 * One line of a paid order was refunded: its net amount goes back to the buyer and the access it
 * gave ends. {@code orderRefunded} tells whether that was the order's last line still active.
 */
public record OrderLineRefunded(OrderId orderId, long orderNumber, AccountId buyerId, OrderPaid.Line line, boolean orderRefunded,
                                Instant refundedAt) {
}
