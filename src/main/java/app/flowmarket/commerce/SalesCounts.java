package app.flowmarket.commerce;

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
        event.lines().stream().filter(line -> !line.upgrading()).forEach(line -> line.workflowIds().forEach(w -> catalog.recordSales(w, 1)));
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(OrderLineRefunded event) {
        if (!event.line().upgrading()) {
            event.line().workflowIds().forEach(w -> catalog.recordSales(w, -1));
        }
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(OrderDisputeClosed event) {
        if (!event.won()) {
            event.lines().stream().filter(line -> !line.upgrading()).forEach(line -> line.workflowIds().forEach(w -> catalog.recordSales(w, -1)));
        }
    }
}
