package app.flowmarket.commerce;

import java.time.Instant;
import java.util.List;

import app.flowmarket.shared.AccountId;
import app.flowmarket.shared.Money;
import app.flowmarket.shared.OrderId;

/**
 * An order's dispute closed: {@code won}, the money taken (and the fee) goes back to its sellers; lost, it stays
 * taken and the buyer's access to the disputed {@code lines} ends, as after a refund (decision 53).
 */
public record OrderDisputeClosed(OrderId orderId, long orderNumber, AccountId buyerId, String disputeRef, List<OrderPaid.Line> lines,
                                 Money fee, boolean won, Instant at) {

    public OrderDisputeClosed {
        lines = List.copyOf(lines);
    }

    /** Each store's share of the dispute: what a won one gives back, what a lost one keeps taken. */
    public List<OrderDisputed.StoreShare> byStore() {
        return OrderDisputed.byStore(lines, fee);
    }
}
