package app.flowmarket.payment;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

import app.flowmarket.shared.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The payment module's public API. */
@Service
public class Payments {

    private static final Logger log = LoggerFactory.getLogger(Payments.class);

    private final PaymentGateway gateway;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    Payments(PaymentGateway gateway, JdbcClient jdbc, ApplicationEventPublisher events) {
        this.gateway = gateway;
        this.jdbc = jdbc;
        this.events = events;
    }

    public PaymentGateway.HostedCheckout openCheckout(PaymentGateway.CheckoutRequest request) {
        return gateway.openCheckout(request);
    }

    public String refund(String checkoutRef, Money amount, String idempotencyKey) {
        return gateway.refund(checkoutRef, amount, idempotencyKey);
    }

    public String provider() {
        return gateway.provider();
    }

    /**
     * Handles a webhook: verifies it, records its id (a redelivered event is acknowledged and
     * ignored) and publishes the outcome as an event, all in one transaction.
     */
    @Transactional
    public void handleWebhook(String payload, Map<String, String> headers) {
        PaymentGateway.WebhookEvent event = gateway.readWebhook(payload, headers);
        int inserted = jdbc.sql("insert into payment_event (event_id, provider, type, received_at) values (?, ?, ?, ?) on conflict do nothing")
                .params(event.eventId(), gateway.provider(), event.type(), Timestamp.from(Instant.now()))
                .update();
        if (inserted == 0) {
            log.info("Webhook event {} already handled", event.eventId());
            return;
        }
        switch (event.type()) {
            case PaymentGateway.WebhookEvent.SUCCEEDED ->
                    events.publishEvent(new PaymentSucceeded(event.orderId(), event.checkoutRef(), event.amountMinor(), event.currency()));
            case PaymentGateway.WebhookEvent.FAILED ->
                    events.publishEvent(new PaymentFailed(event.orderId(), event.checkoutRef(), event.failureMessage()));
            default -> log.debug("Ignoring webhook event of type {}", event.type());
        }
    }
}
