package app.flowmarket.commerce;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.flowmarket.shared.AccountId;
import app.flowmarket.shared.Money;
import app.flowmarket.shared.OrderId;
import app.flowmarket.shared.StoreId;
import app.flowmarket.shared.WorkflowId;

/**
 * An order was paid: its buyer now owns the workflows of its lines. Carries each line as it was
 * sold (title, store, amounts), so listeners need not read the order back.
 */
public record OrderPaid(OrderId orderId, long orderNumber, AccountId buyerId, List<Line> lines, Money total, Instant paidAt) {

    public OrderPaid {
        lines = List.copyOf(lines);
    }

    /** One line as it was sold: net = fee + seller share, all in the order's currency. */
    public record Line(UUID lineId, Sellable.Kind kind, UUID refId, String title, StoreId storeId, List<WorkflowId> workflowIds,
                       Money net, Money fee, Money sellerShare) {

        public Line {
            workflowIds = List.copyOf(workflowIds);
        }
    }

    /** Every workflow the buyer now owns through this order. */
    public List<WorkflowId> workflowIds() {
        return lines.stream().flatMap(l -> l.workflowIds().stream()).distinct().toList();
    }

    /** The stores that sold something in this order. */
    public List<StoreId> storeIds() {
        return lines.stream().map(Line::storeId).distinct().toList();
    }
}
