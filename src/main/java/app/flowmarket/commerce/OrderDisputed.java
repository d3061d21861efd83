package app.flowmarket.commerce;

import java.time.Instant;
import java.util.List;

import app.flowmarket.shared.AccountId;
import app.flowmarket.shared.Money;
import app.flowmarket.shared.OrderId;

/**
 * The buyer's bank disputed an order's payment (a chargeback): the processor took the money of its lines still
 * active back, and its dispute fee ({@code fee}, in the order's currency), until the dispute closes (decision 53).
 */
public record OrderDisputed(OrderId orderId, long orderNumber, AccountId buyerId, String disputeRef, List<OrderPaid.Line> lines,
                            Money fee, Instant at) {

    public OrderDisputed {
        lines = List.copyOf(lines);
    }
}
