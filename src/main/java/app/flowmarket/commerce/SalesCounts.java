package app.flowmarket.commerce;

import java.util.List;

import app.flowmarket.catalog.CatalogManagement;
import app.flowmarket.shared.WorkflowId;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the catalogue's sales counts in step with orders, in the transaction that pays or refunds. An upgrade of a
 * licence is no sale: the workflow was sold once, with the licence.
 * Commerce tells the catalogue (the catalogue cannot listen: commerce already depends on it).
 */
@Component
class SalesCounts {

    private final CatalogManagement catalog;

    SalesCounts(CatalogManagement catalog) {
        this.catalog = catalog;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(OrderPaid event) {
        sold(event.lines(), 1);
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(OrderLineRefunded event) {
        if (!event.line().upgrading()) {
            sold(List.of(event.line()), -1);
        }
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(OrderDisputeClosed event) {
        if (!event.won()) {
            sold(event.lines(), -1);
        }
    }

    /** The lines' workflows counted together, in one statement for the order. */
    private void sold(List<OrderPaid.Line> lines, int delta) {
        List<WorkflowId> workflows = lines.stream().filter(line -> !line.upgrading()).flatMap(line -> line.workflowIds().stream()).toList();
        if (!workflows.isEmpty()) {
            catalog.recordSales(workflows, delta);
        }
    }
}
