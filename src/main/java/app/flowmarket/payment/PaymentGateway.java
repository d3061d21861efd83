package app.flowmarket.payment;

import java.util.Map;
import java.util.UUID;

import app.flowmarket.shared.Money;

/**
 * A payment processor, reached the way Stripe Checkout works: we open a hosted checkout for an
 * order and send the buyer there; the processor tells us the outcome through a signed webhook.
 */
public interface PaymentGateway {

    String provider();

    HostedCheckout openCheckout(CheckoutRequest request);

    /** Refunds part or all of a paid checkout; returns the processor's refund reference. */
    String refund(String checkoutRef, Money amount, String idempotencyKey);

    /** Verifies the webhook's signature and reads it; throws {@link InvalidWebhookException} when it is not genuine. */
    WebhookEvent readWebhook(String payload, Map<String, String> headers);

    record CheckoutRequest(UUID orderId, Money amount, String description, String customerEmail, String successUrl,
                           String cancelUrl, String callbackBaseUrl) {
    }

    record HostedCheckout(String checkoutRef, String redirectUrl) {
    }

    record WebhookEvent(String eventId, String type, String checkoutRef, UUID orderId, long amountMinor, String currency,
                        String failureMessage) {

        public static final String SUCCEEDED = "payment.succeeded";
        public static final String FAILED = "payment.failed";
        public static final String IGNORED = "ignored";
    }

    class InvalidWebhookException extends RuntimeException {
        public InvalidWebhookException(String message) {
            super(message);
        }
    }
}
