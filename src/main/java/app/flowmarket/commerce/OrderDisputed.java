package app.flowmarket.commerce;

import java.time.Instant;
import java.util.List;

import app.flowmarket.shared.AccountId;
import app.flowmarket.shared.Money;
import app.flowmarket.shared.OrderId;
import app.flowmarket.shared.StoreId;

/**
 * The buyer's bank disputed an order's payment (a chargeback): the processor took the money of its lines still
 * active back, and its dispute fee ({@code fee}, in the order's currency), until the dispute closes (decision 53).
 */
public record OrderDisputed(OrderId orderId, long orderNumber, AccountId buyerId, String disputeRef, List<OrderPaid.Line> lines,
                            Money fee, Instant at) {

    public OrderDisputed {
        lines = List.copyOf(lines);
    }

    /** What one store bears of a chargeback: its share of the disputed lines and its part of the dispute fee, in its currency. */
    public record StoreShare(StoreId storeId, Money taken, Money fee) {
    }

    /** Each store's share, in the order of the lines; the ledger takes exactly these amounts. */
    public List<StoreShare> byStore() {
        return byStore(lines, fee);
    }

    static List<StoreShare> byStore(List<OrderPaid.Line> lines, Money fee) {
        long[] fees = Ledger.feeShares(lines, fee.minor());
        java.util.Map<StoreId, StoreShare> shares = new java.util.LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            OrderPaid.Line line = lines.get(i);
            StoreShare share = new StoreShare(line.storeId(), line.sellerShare(), new Money(fees[i], line.net().currency()));
            shares.merge(line.storeId(), share, (a, b) -> new StoreShare(a.storeId(), new Money(a.taken().minor() + b.taken().minor(), a.taken().currency()),
                    new Money(a.fee().minor() + b.fee().minor(), a.fee().currency())));
        }
        return List.copyOf(shares.values());
    }
}
