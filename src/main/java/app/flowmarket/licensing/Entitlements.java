package app.flowmarket.licensing;

import java.sql.Timestamp;
import java.util.UUID;

import app.flowmarket.commerce.OrderDisputeClosed;
import app.flowmarket.commerce.OrderLineRefunded;
import app.flowmarket.commerce.OrderPaid;
import app.flowmarket.shared.WorkflowId;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Grants the workflows of every paid order line and takes them back when the line is refunded or its dispute lost.
 * Runs in the transaction that pays or refunds: the buyer has access exactly when the order says so.
 */
@Component
class Entitlements {

    private final JdbcClient jdbc;

    Entitlements(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Granting twice is harmless. The workflows are the buyer's from the moment the order was paid. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(OrderPaid event) {
        Timestamp paidAt = Timestamp.from(event.paidAt());
        for (OrderPaid.Line line : event.lines()) {
            if (line.upgrading()) {
                // an upgrade raises a licence the buyer holds: access stays the purchase's, and ends with its refund
                continue;
            }
            for (WorkflowId workflowId : line.workflowIds()) {
                jdbc.sql("""
                        insert into entitlement (id, buyer_id, workflow_id, order_line_id, granted_at)
                        values (?, ?, ?, ?, ?) on conflict (order_line_id, workflow_id) do nothing""")
                        .params(UUID.randomUUID(), event.buyerId().value(), workflowId.value(), line.lineId(), paidAt)
                        .update();
            }
        }
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(OrderLineRefunded event) {
        jdbc.sql("update entitlement set revoked_at = now() where order_line_id = ? and revoked_at is null").param(event.line().lineId()).update();
    }

    /** A dispute the buyer won ends their access to the disputed lines, as a refund does (decision 53). */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(OrderDisputeClosed event) {
        if (!event.won()) {
            event.lines().forEach(line ->
                    jdbc.sql("update entitlement set revoked_at = now() where order_line_id = ? and revoked_at is null").param(line.lineId()).update());
        }
    }
}
