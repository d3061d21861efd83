package app.flowmarket.payment;

import java.time.Instant;
import java.util.Currency;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import app.flowmarket.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * A payment processor, reached the way Stripe Checkout works: we open a hosted checkout for an
 * order and send the buyer there; the processor tells us the outcome through a signed webhook.
 */
public interface PaymentGateway {

    String provider();

    /** The currencies this processor charges in (as configured: {@code flowmarket.payment.currencies}). */
    Set<Currency> currencies();

    /** Opens a checkout; the same idempotency key opens no second one. */
    HostedCheckout openCheckout(CheckoutRequest request, String idempotencyKey);

    /** Where a checkout stands at the processor, and where to send the buyer while it is open. */
    CheckoutState checkoutState(String checkoutRef);

    /**
     * Closes a checkout that was not paid, so that it can no longer be paid. A checkout that was paid a
     * moment ago stays paid: its webhook is on its way.
     */
    void expireCheckout(String checkoutRef);

    /** Refunds part or all of a paid checkout; returns the processor's refund reference. The same idempotency key refunds once. */
    String refund(String checkoutRef, Money amount, String idempotencyKey);

    /**
     * The checkout that took the payment the processor calls {@code paymentRef}, asked of the processor: how a dispute
     * finds a payment confirmed before the shop kept the processor's id of it. Empty when the processor knows none.
     */
    Optional<String> checkoutOfPayment(String paymentRef);

    /** Verifies the webhook's signature and reads it; throws {@link InvalidWebhookException} when it is not genuine. */
    WebhookEvent readWebhook(String payload, Map<String, String> headers);

    /** What to charge for an order, until when, and where the buyer goes afterwards. */
    record CheckoutRequest(UUID orderId, Money amount, String description, String customerEmail, String successUrl,
                           String cancelUrl, String callbackBaseUrl, @Nullable Instant expiresAt) {
    }

    record HostedCheckout(String checkoutRef, String redirectUrl) {
    }

    /**
     * {@code OPEN}: the buyer can still pay it (at {@code redirectUrl}); {@code COMPLETE}: the buyer went
     * through with a payment there (its webhook says how it ended); {@code CLOSED}: expired, nothing paid.
     */
    record CheckoutState(Status status, @Nullable String redirectUrl) {

        public enum Status { OPEN, COMPLETE, CLOSED }
    }

    /**
     * What a webhook tells. {@code paymentRef} is the processor's own id of the payment (Stripe: the payment intent), which
     * its disputes name instead of the checkout. A dispute's event carries the disputed amount and currency, and {@code dispute}.
     */
    record WebhookEvent(String eventId, String type, @Nullable String checkoutRef, @Nullable UUID orderId, long amountMinor,
                        @Nullable String currency, @Nullable String failureMessage, @Nullable String paymentRef, @Nullable Dispute dispute) {

        public static final String SUCCEEDED = "payment.succeeded";
        public static final String FAILED = "payment.failed";
        /** The buyer's bank disputed a payment: the processor took its amount back, and its dispute fee. */
        public static final String DISPUTE_OPENED = "dispute.opened";
        /** A dispute closed, won or lost. */
        public static final String DISPUTE_CLOSED = "dispute.closed";
        public static final String IGNORED = "ignored";

        WebhookEvent(String eventId, String type, @Nullable String checkoutRef, @Nullable UUID orderId, long amountMinor,
                     @Nullable String currency, @Nullable String failureMessage) {
            this(eventId, type, checkoutRef, orderId, amountMinor, currency, failureMessage, null, null);
        }

        boolean aboutADispute() {
            return DISPUTE_OPENED.equals(type) || DISPUTE_CLOSED.equals(type);
        }
    }

    /**
     * A dispute at the processor: its id, the fee it charged in the payment's currency (net of any fee given back), and
     * once closed whether it was won.
     */
    record Dispute(String id, long feeMinor, boolean won) {
    }

    class InvalidWebhookException extends RuntimeException {
        public InvalidWebhookException(String message) {
            super(message);
        }
    }
}
