package app.flowmarket.commerce;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import app.flowmarket.shared.AccountId;
import app.flowmarket.shared.LicenceTier;
import app.flowmarket.shared.Money;
import app.flowmarket.shared.OrderId;
import app.flowmarket.shared.StoreId;
import app.flowmarket.shared.WorkflowId;
import org.jspecify.annotations.Nullable;

/**
 * An order was paid: its buyer now owns the workflows of its lines. Carries each line as it was
 * sold (title, store, amounts), so listeners need not read the order back. {@code total} is what was
 * charged, in the order's currency; a free order (total zero) was got without any payment.
 */
public record OrderPaid(OrderId orderId, long orderNumber, AccountId buyerId, List<Line> lines, Money total, Instant paidAt,
                        LocalDate ratesDate) {

    public OrderPaid {
        lines = List.copyOf(lines);
    }

    /**
     * One line as it was sold, with the licence tier it was sold with ({@code upgradeOf}: the order line of the buyer's
     * licence it raised to that tier, for an upgrade): net = fee + seller share, in the seller's currency (what the ledger records);
     * {@code charged} is what the buyer paid for it, in the order's currency, at {@code rate} (units of the
     * order's currency per unit of the seller's; 1 when they are the same).
     */
    public record Line(UUID lineId, Sellable.Kind kind, UUID refId, String title, StoreId storeId, List<WorkflowId> workflowIds,
                       Money net, Money fee, Money sellerShare, Money charged, BigDecimal rate, LicenceTier tier, @Nullable UUID upgradeOf) {

        public Line {
            workflowIds = List.copyOf(workflowIds);
        }

        /** A line sold with a single licence. */
        public Line(UUID lineId, Sellable.Kind kind, UUID refId, String title, StoreId storeId, List<WorkflowId> workflowIds,
                    Money net, Money fee, Money sellerShare, Money charged, BigDecimal rate) {
            this(lineId, kind, refId, title, storeId, workflowIds, net, fee, sellerShare, charged, rate, LicenceTier.SINGLE, null);
        }

        /** An upgrade of a licence already sold: its money is revenue, but it is no new sale of the workflow. */
        public boolean upgrading() {
            return upgradeOf != null;
        }
    }

    /** Got for nothing: no payment was taken. */
    public boolean free() {
        return total.isFree();
    }

    /** Charged in another currency than a seller's price: the line's {@code rate} converted it. */
    public boolean converted() {
        return lines.stream().anyMatch(l -> !l.net().currency().equals(l.charged().currency()));
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
