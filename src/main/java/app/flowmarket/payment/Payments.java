package app.flowmarket.payment;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Currency;
import java.util.Objects;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import app.flowmarket.shared.Money;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The payment module's public API. Every checkout opened at the processor is recorded with the order,
 * amount and currency it charges, and a webhook is believed only when it names a recorded checkout
 * and agrees with it on all three: a validly signed message about another order, another amount or a
 * checkout we never opened changes nothing.
 */
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

    /**
     * Where the buyer pays an order: its latest checkout while that is open; the order's own page
     * ({@code successUrl}) while a payment made there is being confirmed; a new checkout otherwise — the
     * first one, or another after the processor refused the last attempt ({@code lastAttemptRefused}).
     * One checkout per attempt, however often the buyer comes back.
     */
    public PaymentGateway.HostedCheckout openCheckout(PaymentGateway.CheckoutRequest request, boolean lastAttemptRefused) {
        List<String> opened = checkoutsOf(request.orderId());
        if (!opened.isEmpty()) {
            PaymentGateway.CheckoutState latest = gateway.checkoutState(opened.get(0));
            if (latest.status() == PaymentGateway.CheckoutState.Status.OPEN) {
                return new PaymentGateway.HostedCheckout(opened.get(0), Objects.requireNonNull(latest.redirectUrl())); // an open checkout has its page
            }
            if (latest.status() == PaymentGateway.CheckoutState.Status.COMPLETE && !lastAttemptRefused) {
                return new PaymentGateway.HostedCheckout(opened.get(0), request.successUrl());
            }
        }
        // the same key for the same attempt: a retry after a lost answer finds the processor's first checkout
        String key = "checkout-" + request.orderId() + (opened.isEmpty() ? "" : "-" + opened.size());
        PaymentGateway.HostedCheckout checkout = gateway.openCheckout(request, key);
        jdbc.sql("""
                insert into payment_checkout (checkout_ref, provider, order_id, amount_minor, currency, opened_at)
                values (?, ?, ?, ?, ?, ?) on conflict (checkout_ref) do nothing""")
                .params(checkout.checkoutRef(), gateway.provider(), request.orderId(), request.amount().minor(),
                        request.amount().currency().getCurrencyCode(), Timestamp.from(Instant.now()))
                .update();
        return checkout;
    }

    /**
     * Closes every checkout of an order that was cancelled or expired, so that none of them takes money any
     * more. Best effort: a checkout paid a moment ago stays paid, and its webhook is handled as a late payment.
     */
    public void expireCheckouts(UUID orderId) {
        for (String checkoutRef : checkoutsOf(orderId)) {
            try {
                gateway.expireCheckout(checkoutRef);
            } catch (RuntimeException e) {
                log.warn("Could not expire checkout {} of order {}: {}", checkoutRef, orderId, e.toString());
            }
        }
    }

    public String refund(String checkoutRef, Money amount, String idempotencyKey) {
        return gateway.refund(checkoutRef, amount, idempotencyKey);
    }

    /**
     * Writes a payment from the past at the built-in test processor, as the demo's history has it: its checkout paid
     * then, and the payment's id kept as a confirmation keeps it, so that refunds and disputes of it work as for a
     * payment made today. A real processor's history is its own: with one, the demo places no orders, and this refuses.
     */
    @Transactional
    public void recordPastPayment(String checkoutRef, Instant paidAt) {
        testProcessor().recordPastPayment(checkoutRef, paidAt);
        jdbc.sql("update payment_checkout set payment_ref = checkout_ref where checkout_ref = ? and provider = ? and payment_ref is null")
                .params(checkoutRef, gateway.provider()).update();
    }

    /**
     * Writes a dispute from the past of an order's payment at the built-in test processor (the demo's history), under the
     * id the order knows it by: open, or closed won or lost when {@code won} is given. An open one can then be decided
     * from the test processor's dashboard like any other.
     */
    @Transactional
    public void recordPastDispute(UUID orderId, String disputeRef, long feeMinor, Instant openedAt, @Nullable Boolean won, @Nullable Instant closedAt) {
        String checkoutRef = jdbc.sql("select checkout_ref from payment_checkout where order_id = ? and provider = ? and payment_ref is not null")
                .params(orderId, gateway.provider()).query(String.class).optional()
                .orElseThrow(() -> new IllegalStateException("no payment of order " + orderId));
        testProcessor().recordPastDispute(checkoutRef, disputeRef, feeMinor, openedAt, won, closedAt);
    }

    private TestPaymentGateway testProcessor() {
        if (gateway instanceof TestPaymentGateway test) {
            return test;
        }
        throw new IllegalStateException("only the built-in test processor keeps a history written by the shop, not " + gateway.provider());
    }

    public String provider() {
        return gateway.provider();
    }

    /** The currencies the processor charges in; an order in any other is charged in one of these. */
    public Set<Currency> currencies() {
        return gateway.currencies();
    }

    private List<String> checkoutsOf(UUID orderId) {
        return jdbc.sql("select checkout_ref from payment_checkout where order_id = ? and provider = ? order by opened_at desc, checkout_ref")
                .params(orderId, gateway.provider()).query(String.class).list();
    }

    /**
     * Handles a webhook: verifies its signature and that it matches the checkout it names, records its id
     * (a redelivered event is acknowledged and ignored) and publishes the outcome as an event, all in one
     * transaction.
     */
    @Transactional
    public void handleWebhook(String payload, Map<String, String> headers) {
        PaymentGateway.WebhookEvent event = gateway.readWebhook(payload, headers);
        boolean verdict = PaymentGateway.WebhookEvent.SUCCEEDED.equals(event.type()) || PaymentGateway.WebhookEvent.FAILED.equals(event.type());
        if (verdict) {
            checkBoundToItsCheckout(event);
        }
        Opened disputed = event.aboutADispute() ? disputedCheckout(event) : null;
        int inserted = jdbc.sql("insert into payment_event (event_id, provider, type, received_at) values (?, ?, ?, ?) on conflict do nothing")
                .params(event.eventId(), gateway.provider(), event.type(), Timestamp.from(Instant.now()))
                .update();
        if (inserted == 0) {
            log.info("Webhook event {} already handled", event.eventId());
            return;
        }
        switch (event.type()) {
            case PaymentGateway.WebhookEvent.SUCCEEDED -> {
                // a verdict names the order and checkout it was bound to (checkBoundToItsCheckout)
                String checkoutRef = Objects.requireNonNull(event.checkoutRef());
                // the processor's id of the payment, which its disputes will name
                jdbc.sql("update payment_checkout set payment_ref = ? where checkout_ref = ? and provider = ?")
                        .params(event.paymentRef() == null ? checkoutRef : event.paymentRef(), checkoutRef, gateway.provider()).update();
                events.publishEvent(new PaymentSucceeded(Objects.requireNonNull(event.orderId()), checkoutRef,
                        event.amountMinor(), Objects.requireNonNull(event.currency())));
            }
            case PaymentGateway.WebhookEvent.DISPUTE_OPENED -> {
                Opened payment = Objects.requireNonNull(disputed);
                PaymentGateway.Dispute dispute = Objects.requireNonNull(event.dispute());
                events.publishEvent(new PaymentDisputed(payment.orderId(), payment.checkoutRef(), dispute.id(), event.amountMinor(),
                        payment.currency(), dispute.feeMinor(), Instant.now()));
            }
            case PaymentGateway.WebhookEvent.DISPUTE_CLOSED -> {
                Opened payment = Objects.requireNonNull(disputed);
                PaymentGateway.Dispute dispute = Objects.requireNonNull(event.dispute());
                events.publishEvent(new PaymentDisputeClosed(payment.orderId(), payment.checkoutRef(), dispute.id(), event.amountMinor(),
                        payment.currency(), dispute.feeMinor(), dispute.won(), Instant.now()));
            }
            case PaymentGateway.WebhookEvent.FAILED ->
                    events.publishEvent(new PaymentFailed(Objects.requireNonNull(event.orderId()), Objects.requireNonNull(event.checkoutRef()), event.failureMessage()));
            default -> log.debug("Ignoring webhook event of type {}", event.type());
        }
    }

    private record Opened(String checkoutRef, UUID orderId, long amountMinor, String currency) {
    }

    /**
     * The paid checkout a dispute is about, found by the payment it names (the processor's payment id, recorded when its
     * payment was confirmed; the test processor names its checkout); a dispute of a payment we never took, in another
     * currency or of more than was paid is not believed.
     */
    private Opened disputedCheckout(PaymentGateway.WebhookEvent event) {
        String ref = event.paymentRef() != null ? event.paymentRef() : event.checkoutRef();
        Optional<Opened> opened = ref == null || event.dispute() == null ? Optional.empty()
                : jdbc.sql("""
                        select checkout_ref, order_id, amount_minor, currency from payment_checkout
                        where provider = ? and payment_ref = ? limit 1""")
                .params(gateway.provider(), ref).query(Opened.class).optional();
        if (opened.isEmpty() && ref != null && event.dispute() != null) {
            opened = keptBefore(ref);
        }
        boolean matches = opened.isPresent()
                && opened.get().currency().equalsIgnoreCase(String.valueOf(event.currency()))
                && event.amountMinor() > 0 && event.amountMinor() <= opened.get().amountMinor()
                && (event.orderId() == null || opened.get().orderId().equals(event.orderId()));
        if (!matches) {
            throw new PaymentGateway.InvalidWebhookException("the dispute does not match a payment of this shop (" + ref + ")");
        }
        return opened.get();
    }

    /**
     * A payment confirmed before the processor's id of it was kept (decision 53): the processor says which checkout took
     * it, and the id is written down for the next event about it.
     */
    private Optional<Opened> keptBefore(String paymentRef) {
        Optional<String> checkout;
        try {
            checkout = gateway.checkoutOfPayment(paymentRef);
        } catch (RuntimeException e) {
            // the processor retries its webhook later: answered as not understood now, it is asked again then
            log.warn("The processor could not say which checkout took payment {}: {}", paymentRef, e.getMessage());
            return Optional.empty();
        }
        return checkout.flatMap(ref -> {
            int kept = jdbc.sql("update payment_checkout set payment_ref = ? where checkout_ref = ? and provider = ? and payment_ref is null")
                    .params(paymentRef, ref, gateway.provider()).update();
            return kept == 0 ? Optional.empty() : jdbc.sql("select checkout_ref, order_id, amount_minor, currency from payment_checkout where checkout_ref = ? and provider = ?")
                    .params(ref, gateway.provider()).query(Opened.class).optional();
        });
    }

    private void checkBoundToItsCheckout(PaymentGateway.WebhookEvent event) {
        Optional<Opened> opened = event.checkoutRef() == null ? Optional.empty()
                : jdbc.sql("select checkout_ref, order_id, amount_minor, currency from payment_checkout where checkout_ref = ? and provider = ?")
                .params(event.checkoutRef(), gateway.provider()).query(Opened.class).optional();
        boolean matches = opened.isPresent()
                && opened.get().orderId().equals(event.orderId())
                && opened.get().amountMinor() == event.amountMinor()
                && opened.get().currency().equalsIgnoreCase(String.valueOf(event.currency()));
        if (!matches) {
            throw new PaymentGateway.InvalidWebhookException("the event does not match the checkout it names (" + event.checkoutRef() + ")");
        }
    }
}
