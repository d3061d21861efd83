package app.flowmarket.commerce;

import app.flowmarket.payment.PaymentFailed;
import app.flowmarket.payment.PaymentSucceeded;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Applies the processor's verdicts to orders. Runs after the webhook's transaction commits, from
 * the event publication registry, so a crash in between loses nothing (the event is resubmitted).
 */
@Component
class PaymentOutcomes {

    private final Orders orders;

    PaymentOutcomes(Orders orders) {
        this.orders = orders;
    }

    @ApplicationModuleListener
    void on(PaymentSucceeded event) {
        orders.markPaid(event.orderId(), event.checkoutRef(), event.amountMinor(), event.currency());
    }

    @ApplicationModuleListener
    void on(PaymentFailed event) {
        orders.markFailed(event.orderId(), event.reason());
    }
}
