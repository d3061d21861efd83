package app.flowmarket.commerce;

import app.flowmarket.payment.PaymentDisputeClosed;
import app.flowmarket.payment.PaymentDisputed;
import app.flowmarket.payment.PaymentFailed;
import app.flowmarket.payment.PaymentSucceeded;
import app.flowmarket.shared.OrderId;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Applies the processor's verdicts to orders. Runs after the webhook's transaction commits, from
 * the event publication registry, so a crash in between loses nothing (the event is resubmitted).
 */
@Component
class PaymentOutcomes {

    private final OrderManagement orders;

    PaymentOutcomes(OrderManagement orders) {
        this.orders = orders;
    }

    @ApplicationModuleListener
    void on(PaymentSucceeded event) {
        orders.markPaid(OrderId.of(event.orderId()), event.checkoutRef(), event.amountMinor(), event.currency());
    }

    @ApplicationModuleListener
    void on(PaymentDisputed event) {
        orders.disputeOpened(OrderId.of(event.orderId()), event.disputeRef(), event.amountMinor(), event.feeMinor(), event.at());
    }

    @ApplicationModuleListener
    void on(PaymentDisputeClosed event) {
        orders.disputeClosed(OrderId.of(event.orderId()), event.disputeRef(), event.amountMinor(), event.feeMinor(), event.won(), event.at());
    }

    @ApplicationModuleListener
    void on(PaymentFailed event) {
        orders.markFailed(OrderId.of(event.orderId()), event.checkoutRef(), event.reason());
    }
}
