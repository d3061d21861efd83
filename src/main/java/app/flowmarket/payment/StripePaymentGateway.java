package app.flowmarket.payment;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import app.flowmarket.shared.Money;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stripe Checkout over its REST API (no SDK needed): a Checkout Session per payment attempt of an order,
 * created with an idempotency key derived from the order and expiring with it (Stripe takes 30 minutes
 * to 24 hours); a session is expired at Stripe when its order is cancelled or expires;
 * {@code checkout.session.completed} / {@code checkout.session.async_payment_failed} webhooks verified
 * with the endpoint secret; refunds against the session's payment intent; disputes from {@code charge.dispute.created}
 * and {@code charge.dispute.closed} (won or lost), found by their payment intent.
 * On with {@code flowmarket.payment.provider=stripe}.
 */
@Component
@ConditionalOnProperty(name = "flowmarket.payment.provider", havingValue = "stripe")
class StripePaymentGateway implements PaymentGateway {

    private static final Logger log = LoggerFactory.getLogger(StripePaymentGateway.class);

    private final PaymentSettings.Stripe stripe;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final Clock clock;
    private final Set<Currency> currencies;

    @org.springframework.beans.factory.annotation.Autowired
    StripePaymentGateway(PaymentSettings settings) {
        this(settings.stripe(), Clock.systemUTC(), settings.chargeable());
    }

    StripePaymentGateway(PaymentSettings.Stripe stripe, Clock clock) {
        this(stripe, clock, Set.of(Currency.getInstance("USD"), Currency.getInstance("EUR"), Currency.getInstance("GBP")));
    }

    StripePaymentGateway(PaymentSettings.Stripe stripe, Clock clock, Set<Currency> currencies) {
        if (stripe == null || stripe.secretKey() == null || stripe.webhookSecret() == null) {
            throw new IllegalStateException("flowmarket.payment.stripe.secret-key and .webhook-secret must be set to use Stripe");
        }
        this.stripe = stripe;
        this.clock = clock;
        this.currencies = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(currencies));
    }

    @Override
    public String provider() {
        return "stripe";
    }

    /** Stripe charges in 135 currencies (zero-decimal ones like JPY in whole units, as Money keeps them); the configured ones are asked for. */
    @Override
    public Set<Currency> currencies() {
        return currencies;
    }

    @Override
    public HostedCheckout openCheckout(CheckoutRequest request, String idempotencyKey) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("mode", "payment");
        form.put("success_url", request.callbackBaseUrl() + request.successUrl());
        form.put("cancel_url", request.callbackBaseUrl() + request.cancelUrl());
        form.put("client_reference_id", request.orderId().toString());
        form.put("customer_email", request.customerEmail());
        form.put("metadata[order_id]", request.orderId().toString());
        form.put("payment_intent_data[metadata][order_id]", request.orderId().toString());
        form.put("line_items[0][quantity]", "1");
        form.put("line_items[0][price_data][currency]", request.amount().currency().getCurrencyCode().toLowerCase(Locale.ROOT));
        form.put("line_items[0][price_data][unit_amount]", Long.toString(request.amount().minor()));
        form.put("line_items[0][price_data][product_data][name]", request.description());
        if (request.expiresAt() != null) {
            form.put("expires_at", Long.toString(sessionExpiry(request.expiresAt()).getEpochSecond()));
        }
        JsonNode session = call("POST", "/v1/checkout/sessions", form, idempotencyKey);
        return new HostedCheckout(session.path("id").asString(), session.path("url").asString());
    }

    /** Stripe wants a session's expiry between 30 minutes and 24 hours away; a minute of margin on each side. */
    private Instant sessionExpiry(Instant wanted) {
        Instant now = clock.instant();
        Instant earliest = now.plus(Duration.ofMinutes(31));
        Instant latest = now.plus(Duration.ofHours(24)).minus(Duration.ofMinutes(1));
        return wanted.isBefore(earliest) ? earliest : wanted.isAfter(latest) ? latest : wanted;
    }

    @Override
    public CheckoutState checkoutState(String checkoutRef) {
        JsonNode session = call("GET", "/v1/checkout/sessions/" + URLEncoder.encode(checkoutRef, StandardCharsets.UTF_8), Map.of(), null);
        return switch (session.path("status").asString("")) {
            case "open" -> new CheckoutState(CheckoutState.Status.OPEN, session.path("url").asString());
            case "complete" -> new CheckoutState(CheckoutState.Status.COMPLETE, null);
            default -> new CheckoutState(CheckoutState.Status.CLOSED, null);
        };
    }

    @Override
    public void expireCheckout(String checkoutRef) {
        try {
            call("POST", "/v1/checkout/sessions/" + URLEncoder.encode(checkoutRef, StandardCharsets.UTF_8) + "/expire", Map.of(),
                    "expire-" + checkoutRef);
        } catch (IllegalStateException e) {
            // a session that was completed meanwhile cannot be expired; its webhook tells the rest
            log.info("Stripe session {} not expired: {}", checkoutRef, e.getMessage());
        }
    }

    @Override
    public String refund(String checkoutRef, Money amount, String idempotencyKey) {
        JsonNode session = call("GET", "/v1/checkout/sessions/" + URLEncoder.encode(checkoutRef, StandardCharsets.UTF_8), Map.of(), null);
        String paymentIntent = session.path("payment_intent").asString();
        if (paymentIntent == null || paymentIntent.isBlank()) {
            throw new IllegalStateException("Stripe session " + checkoutRef + " has no payment intent");
        }
        JsonNode refund = call("POST", "/v1/refunds", Map.of("payment_intent", paymentIntent, "amount", Long.toString(amount.minor())),
                idempotencyKey);
        return refund.path("id").asString();
    }

    /** Stripe lists the Checkout Session that created a payment intent. */
    @Override
    public Optional<String> checkoutOfPayment(String paymentRef) {
        JsonNode sessions = call("GET", "/v1/checkout/sessions?limit=1&payment_intent=" + URLEncoder.encode(paymentRef, StandardCharsets.UTF_8),
                Map.of(), null);
        return Optional.ofNullable(sessions.path("data").path(0).path("id").asString(null)).filter(id -> !id.isBlank());
    }

    @Override
    public WebhookEvent readWebhook(String payload, Map<String, String> headers) {
        String signature = headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("Stripe-Signature"))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        WebhookSignature.verify(payload, signature, stripe.webhookSecret(), clock);
        JsonNode event;
        try {
            event = json.readTree(payload);
        } catch (RuntimeException e) {
            throw new InvalidWebhookException("unreadable payload");
        }
        String type = event.path("type").asString("");
        JsonNode object = event.path("data").path("object");
        String orderId = object.path("client_reference_id").asString(object.path("metadata").path("order_id").asString(""));
        try {
            return switch (type) {
                case "checkout.session.completed", "checkout.session.async_payment_succeeded" -> "paid".equals(object.path("payment_status").asString())
                        ? new WebhookEvent(event.path("id").asString(), WebhookEvent.SUCCEEDED, object.path("id").asString(),
                        UUID.fromString(orderId), object.path("amount_total").asLong(), object.path("currency").asString().toUpperCase(Locale.ROOT), null,
                        object.path("payment_intent").asString(null), null)
                        : ignored(event);
                case "charge.dispute.created" -> dispute(event, object, WebhookEvent.DISPUTE_OPENED, false);
                case "charge.dispute.closed" -> switch (object.path("status").asString("")) {
                    case "won" -> dispute(event, object, WebhookEvent.DISPUTE_CLOSED, true);
                    case "lost" -> dispute(event, object, WebhookEvent.DISPUTE_CLOSED, false);
                    // an inquiry closed without a chargeback ("warning_closed") took no money
                    default -> ignored(event);
                };
                case "checkout.session.async_payment_failed" -> new WebhookEvent(event.path("id").asString(), WebhookEvent.FAILED,
                        object.path("id").asString(), UUID.fromString(orderId), object.path("amount_total").asLong(),
                        object.path("currency").asString().toUpperCase(Locale.ROOT), "The payment failed.");
                default -> ignored(event);
            };
        } catch (RuntimeException e) {
            throw new InvalidWebhookException("unreadable payload");
        }
    }

    /**
     * A dispute names the payment intent it is about. Its fee is what its balance transactions charged, net (a dispute won
     * gives the fee back in a second one), in the disputed currency: a fee in another settlement currency is turned back
     * at the transaction's exchange rate.
     */
    private static WebhookEvent dispute(JsonNode event, JsonNode dispute, String type, boolean won) {
        String currency = dispute.path("currency").asString().toUpperCase(Locale.ROOT);
        long fee = 0;
        for (JsonNode transaction : dispute.path("balance_transactions")) {
            long charged = transaction.path("fee").asLong();
            double rate = transaction.path("exchange_rate").asDouble(0);
            fee += currency.equalsIgnoreCase(transaction.path("currency").asString(currency)) || rate <= 0 ? charged : Math.round(charged / rate);
        }
        String paymentIntent = dispute.path("payment_intent").asString("");
        if (paymentIntent.isBlank()) {
            throw new InvalidWebhookException("a dispute without its payment");
        }
        return new WebhookEvent(event.path("id").asString(), type, null, null, dispute.path("amount").asLong(), currency, null,
                paymentIntent, new Dispute(dispute.path("id").asString(), fee, won));
    }

    private static WebhookEvent ignored(JsonNode event) {
        return new WebhookEvent(event.path("id").asString(), WebhookEvent.IGNORED, null, null, 0, null, null);
    }

    private JsonNode call(String method, String path, Map<String, String> form, @Nullable String idempotencyKey) {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v == null ? "" : v, StandardCharsets.UTF_8)));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stripe.apiBase() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + stripe.secretKey())
                .header("Stripe-Version", "2024-06-20");
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if ("POST".equals(method)) {
            request.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        } else {
            request.GET();
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                // never log the key; Stripe's error message is safe to keep
                throw new IllegalStateException("Stripe answered " + response.statusCode() + " to " + method + " " + path + ": "
                        + json.readTree(response.body()).path("error").path("message").asString(""));
            }
            return json.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Stripe could not be reached", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
