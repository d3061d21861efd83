package app.flowmarket.payment;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Currency;
import java.util.HexFormat;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import app.flowmarket.shared.Money;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The built-in test processor. It behaves like Stripe Checkout in test mode: a hosted payment page
 * ({@code /pay/test/{id}}) takes a card, test card numbers decide the outcome (4242 4242 4242 4242
 * succeeds, 4000 0000 0000 0002 is declined, 4000 0000 0000 9995 has insufficient funds), and the
 * outcome reaches the shop only through a signed webhook sent over HTTP, retried until acknowledged.
 * Like Stripe, a checkout can be expired (it then takes no payment), refunds are idempotent per key, and a paid
 * payment can be disputed and the dispute closed won or lost, each told by its signed webhook.
 * The signing secret is generated on first start ({@link TestWebhookSecret}).
 */
@Component
@ConditionalOnProperty(name = "flowmarket.payment.provider", havingValue = "test", matchIfMissing = true)
class TestPaymentGateway implements PaymentGateway {

    static final String SIGNATURE_HEADER = "Flowmarket-Signature";
    private static final Logger log = LoggerFactory.getLogger(TestPaymentGateway.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    enum Outcome { SUCCEEDED, DECLINED, INSUFFICIENT_FUNDS, INVALID, EXPIRED }

    /** Stripe's test card whose payment succeeds and is then disputed by the buyer's bank. */
    static final String DISPUTED_CARD = "4000000000000259";

    private final JdbcClient jdbc;
    private final TestWebhookSecret secret;
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Clock clock = Clock.systemUTC();
    private final Set<Currency> currencies;

    TestPaymentGateway(JdbcClient jdbc, TestWebhookSecret secret, PaymentSettings settings) {
        this.jdbc = jdbc;
        this.secret = secret;
        this.currencies = settings.chargeable();
    }

    @Override
    public String provider() {
        return "test";
    }

    @Override
    public Set<Currency> currencies() {
        return currencies;
    }

    /** One checkout per order, as the test processor keeps it: a refused card leaves it open to try again. */
    @Override
    @Transactional
    public HostedCheckout openCheckout(CheckoutRequest request, String idempotencyKey) {
        Optional<TestCheckoutView> existing = jdbc.sql("select * from test_checkout where order_id = ?")
                .param(request.orderId()).query(TestCheckoutView.class).optional();
        if (existing.isPresent()) {
            return new HostedCheckout(existing.get().id(), "/pay/test/" + existing.get().id());
        }
        String id = "cs_test_" + randomHex(12);
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                insert into test_checkout (id, order_id, amount_minor, currency, description, success_url, cancel_url, status,
                                           expires_at, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?) on conflict (order_id) do nothing""")
                .params(Arrays.asList(id, request.orderId(), request.amount().minor(), request.amount().currency().getCurrencyCode(),
                        request.description(), request.successUrl(), request.cancelUrl(),
                        request.expiresAt() == null ? null : Timestamp.from(request.expiresAt()), now, now))
                .update();
        TestCheckoutView stored = jdbc.sql("select * from test_checkout where order_id = ?").param(request.orderId())
                .query(TestCheckoutView.class).single();
        return new HostedCheckout(stored.id(), "/pay/test/" + stored.id());
    }

    Optional<TestCheckoutView> find(String id) {
        return jdbc.sql("""
                select id, order_id, amount_minor, currency, description, success_url, cancel_url,
                       case when status = 'OPEN' and expires_at <= now() then 'EXPIRED' else status end as status,
                       card_last4, refunded_minor
                from test_checkout where id = ?""").param(id).query(TestCheckoutView.class).optional();
    }

    /** The test processor's payments are its checkouts: a paid one is its own payment. */
    @Override
    public Optional<String> checkoutOfPayment(String paymentRef) {
        return find(paymentRef).filter(c -> "PAID".equals(c.status())).map(c -> paymentRef);
    }

    @Override
    public CheckoutState checkoutState(String checkoutRef) {
        return find(checkoutRef).map(c -> switch (c.status()) {
            case "OPEN" -> new CheckoutState(CheckoutState.Status.OPEN, "/pay/test/" + c.id());
            case "PAID" -> new CheckoutState(CheckoutState.Status.COMPLETE, null);
            default -> new CheckoutState(CheckoutState.Status.CLOSED, null);
        }).orElse(new CheckoutState(CheckoutState.Status.CLOSED, null));
    }

    @Override
    public void expireCheckout(String checkoutRef) {
        jdbc.sql("update test_checkout set status = 'EXPIRED', updated_at = now() where id = ? and status = 'OPEN'").param(checkoutRef).update();
    }

    static Outcome outcomeFor(String cardNumber) {
        String digits = cardNumber == null ? "" : cardNumber.replaceAll("[\\s-]", "");
        return switch (digits) {
            case "4242424242424242" -> Outcome.SUCCEEDED;
            case "4000000000000002" -> Outcome.DECLINED;
            case "4000000000009995" -> Outcome.INSUFFICIENT_FUNDS;
            case DISPUTED_CARD -> Outcome.SUCCEEDED;
            default -> digits.matches("\\d{12,19}") && luhn(digits) ? Outcome.DECLINED : Outcome.INVALID;
        };
    }

    /**
     * Charges the card once: only an OPEN checkout that has not expired can be paid, so a double submit
     * charges nothing twice and a cancelled order's page takes no money. Returns the outcome, and on a
     * decision sends the webhook to the shop asynchronously.
     */
    @Transactional
    public Outcome pay(String checkoutId, String cardNumber, String callbackBaseUrl) {
        Outcome outcome = outcomeFor(cardNumber);
        if (outcome == Outcome.INVALID) {
            return outcome;
        }
        // the row lock queues up a double submit behind the first
        TestCheckoutView checkout = jdbc.sql("select id from test_checkout where id = ? for update").param(checkoutId).query(String.class)
                .optional().flatMap(this::find).orElseThrow();
        if ("PAID".equals(checkout.status())) {
            return Outcome.SUCCEEDED;
        }
        if (!"OPEN".equals(checkout.status())) {
            return Outcome.EXPIRED;
        }
        String digits = cardNumber.replaceAll("[\\s-]", "");
        if (outcome == Outcome.SUCCEEDED) {
            jdbc.sql("update test_checkout set status = 'PAID', card_last4 = ?, updated_at = now() where id = ? and status = 'OPEN'")
                    .params(digits.substring(digits.length() - 4), checkoutId).update();
            String paid = event("evt_" + randomHex(12), WebhookEvent.SUCCEEDED, checkout, null);
            if (DISPUTED_CARD.equals(digits)) {
                // the buyer's bank disputes it a moment later: told after the payment, as Stripe does
                sendWebhook(callbackBaseUrl, paid, java.util.Objects.requireNonNull(dispute(checkoutId)));
            } else {
                sendWebhook(callbackBaseUrl, paid);
            }
        } else {
            String message = outcome == Outcome.DECLINED ? "Your card was declined." : "Your card has insufficient funds.";
            sendWebhook(callbackBaseUrl, event("evt_" + randomHex(12), WebhookEvent.FAILED, checkout, message));
        }
        return outcome;
    }

    @Override
    @Transactional
    public String refund(String checkoutRef, Money amount, String idempotencyKey) {
        String id = "re_test_" + randomHex(12);
        int recorded = jdbc.sql("insert into test_refund (idempotency_key, id, checkout_id, amount_minor, created_at) values (?, ?, ?, ?, now()) on conflict do nothing")
                .params(idempotencyKey, id, checkoutRef, amount.minor()).update();
        if (recorded == 0) {
            return jdbc.sql("select id from test_refund where idempotency_key = ?").param(idempotencyKey).query(String.class).single();
        }
        int updated = jdbc.sql("""
                update test_checkout set refunded_minor = refunded_minor + ?, updated_at = now()
                where id = ? and status = 'PAID' and refunded_minor + ? <= amount_minor""")
                .params(amount.minor(), checkoutRef, amount.minor()).update();
        if (updated == 0) {
            throw new IllegalStateException("refund refused by the test processor for " + checkoutRef);
        }
        return id;
    }

    /**
     * Like Stripe, a paid payment can be disputed once by the buyer's bank: the disputed amount (what was not refunded) is
     * taken back with a dispute fee of 15 in the payment's currency, and a {@code dispute.opened} webhook is sent. Returns
     * the dispute's id (the same one again for a payment already disputed).
     */
    @Transactional
    public String openDispute(String checkoutId, String callbackBaseUrl) {
        String opened = dispute(checkoutId);
        if (opened != null) {
            sendWebhook(callbackBaseUrl, opened);
        }
        return jdbc.sql("select id from test_dispute where checkout_id = ?").param(checkoutId).query(String.class).single();
    }

    /** Opens the payment's dispute and returns its webhook's payload; nothing for a payment already disputed. */
    private @Nullable String dispute(String checkoutId) {
        TestCheckoutView checkout = jdbc.sql("select id from test_checkout where id = ? for update").param(checkoutId).query(String.class)
                .optional().flatMap(this::find).orElseThrow(() -> new IllegalArgumentException("no checkout " + checkoutId));
        long amount = checkout.amountMinor() - checkout.refundedMinor();
        if (!"PAID".equals(checkout.status()) || amount <= 0) {
            throw new IllegalStateException("only a payment not refunded in full can be disputed: " + checkoutId);
        }
        long fee = 15 * (long) Math.pow(10, Math.max(0, Currency.getInstance(checkout.currency()).getDefaultFractionDigits()));
        String id = "dp_test_" + randomHex(12);
        int opened = jdbc.sql("""
                insert into test_dispute (id, checkout_id, amount_minor, fee_minor, status, created_at) values (?, ?, ?, ?, 'OPEN', now())
                on conflict (checkout_id) do nothing""").params(id, checkoutId, amount, fee).update();
        if (opened == 0) {
            return null;
        }
        return disputeEvent(WebhookEvent.DISPUTE_OPENED, checkout, id, amount, fee, false);
    }

    /**
     * Closes an open dispute, as the buyer's bank decides: won, the amount and the fee come back (the fee charged is then
     * nothing); lost, both stay taken. Sends {@code dispute.closed}; a dispute closes once.
     */
    @Transactional
    public void closeDispute(String disputeId, boolean won, String callbackBaseUrl) {
        record Closed(String checkoutId, long amountMinor, long feeMinor) {
        }
        Closed closed = jdbc.sql("""
                update test_dispute set status = ?, closed_at = now() where id = ? and status = 'OPEN'
                returning checkout_id, amount_minor, fee_minor""").params(won ? "WON" : "LOST", disputeId).query(Closed.class).optional()
                .orElseThrow(() -> new IllegalStateException("no open dispute " + disputeId));
        TestCheckoutView checkout = find(closed.checkoutId()).orElseThrow();
        sendWebhook(callbackBaseUrl, disputeEvent(WebhookEvent.DISPUTE_CLOSED, checkout, disputeId, closed.amountMinor(),
                won ? 0 : closed.feeMinor(), won));
    }

    /**
     * The processor's side of a payment taken in the past (the demo's history): the checkout paid then by the test card
     * that succeeds, as if its buyer had paid on that day. No webhook: the shop recorded the payment itself.
     */
    @Transactional
    void recordPastPayment(String checkoutId, Instant paidAt) {
        int paid = jdbc.sql("update test_checkout set status = 'PAID', card_last4 = '4242', updated_at = ? where id = ? and status = 'OPEN'")
                .params(Timestamp.from(paidAt), checkoutId).update();
        if (paid == 0 && find(checkoutId).filter(c -> "PAID".equals(c.status())).isEmpty()) {
            throw new IllegalStateException("no open checkout " + checkoutId);
        }
    }

    /**
     * The processor's side of a dispute from the past (the demo's history), under the id the shop knows it by: open, or
     * closed won or lost when {@code won} is given. No webhook: the shop recorded the dispute itself. An open one is decided
     * later like any other ({@link #closeDispute}).
     */
    @Transactional
    void recordPastDispute(String checkoutId, String disputeId, long feeMinor, Instant openedAt, @Nullable Boolean won, @Nullable Instant closedAt) {
        int recorded = jdbc.sql("""
                insert into test_dispute (id, checkout_id, amount_minor, fee_minor, status, created_at, closed_at)
                select ?, id, amount_minor - refunded_minor, ?, ?, ?, ? from test_checkout
                where id = ? and status = 'PAID' and amount_minor > refunded_minor
                on conflict do nothing""")
                .params(Arrays.asList(disputeId, feeMinor, won == null ? "OPEN" : won ? "WON" : "LOST",
                        Timestamp.from(openedAt), won == null ? null : Timestamp.from(closedAt == null ? clock.instant() : closedAt), checkoutId))
                .update();
        if (recorded == 0) {
            throw new IllegalStateException("no paid payment to dispute in " + checkoutId);
        }
    }

    private String disputeEvent(String type, TestCheckoutView checkout, String disputeId, long amount, long fee, boolean won) {
        var node = json.createObjectNode()
                .put("id", "evt_" + randomHex(12)).put("type", type).put("checkout", checkout.id()).put("order_id", checkout.orderId().toString())
                .put("amount", amount).put("currency", checkout.currency());
        node.putObject("dispute").put("id", disputeId).put("fee", fee).put("status", type.equals(WebhookEvent.DISPUTE_OPENED) ? "open" : won ? "won" : "lost");
        return json.writeValueAsString(node);
    }

    @Override
    public WebhookEvent readWebhook(String payload, Map<String, String> headers) {
        WebhookSignature.verify(payload, header(headers, SIGNATURE_HEADER), secret.value(), clock);
        try {
            JsonNode node = json.readTree(payload);
            JsonNode dispute = node.path("dispute");
            return new WebhookEvent(node.path("id").asString(), node.path("type").asString(),
                    node.path("checkout").asString(), UUID.fromString(node.path("order_id").asString()),
                    node.path("amount").asLong(), node.path("currency").asString(),
                    node.path("failure_message").isNull() ? null : node.path("failure_message").asString(null),
                    null, dispute.isObject() ? new Dispute(dispute.path("id").asString(), dispute.path("fee").asLong(),
                    "won".equals(dispute.path("status").asString(""))) : null);
        } catch (RuntimeException e) {
            throw new InvalidWebhookException("unreadable payload");
        }
    }

    private String event(String id, String type, TestCheckoutView checkout, @Nullable String failure) {
        var node = json.createObjectNode()
                .put("id", id).put("type", type).put("checkout", checkout.id()).put("order_id", checkout.orderId().toString())
                .put("amount", checkout.amountMinor()).put("currency", checkout.currency());
        if (failure != null) {
            node.put("failure_message", failure);
        }
        return json.writeValueAsString(node);
    }

    /**
     * Delivers like a real processor: once the charge is committed, in the background, retried with backoff
     * until the shop answers 2xx.
     */
    private void sendWebhook(String callbackBaseUrl, String... payloads) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    deliver(callbackBaseUrl, payloads);
                }
            });
        } else {
            deliver(callbackBaseUrl, payloads);
        }
    }

    /** Several events in order: each once the one before was acknowledged (or given up), a second later. */
    private void deliver(String callbackBaseUrl, String... payloads) {
        Thread.ofVirtual().name("test-processor-webhook").start(() -> {
            for (int i = 0; i < payloads.length && !Thread.currentThread().isInterrupted(); i++) {
                if (i > 0) {
                    try {
                        Thread.sleep(Duration.ofSeconds(1));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                deliverOne(callbackBaseUrl, payloads[i]);
            }
        });
    }

    private void deliverOne(String callbackBaseUrl, String payload) {
        Duration delay = Duration.ofMillis(200);
        for (int attempt = 1; attempt <= 8; attempt++) {
            try {
                Thread.sleep(delay);
                String signature = WebhookSignature.sign(payload, secret.value(), clock.instant().getEpochSecond());
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(callbackBaseUrl + "/webhooks/payments"))
                        .header("Content-Type", "application/json")
                        .header(SIGNATURE_HEADER, signature)
                        .POST(HttpRequest.BodyPublishers.ofString(payload)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() / 100 == 2) {
                    return;
                }
                log.warn("Test processor webhook answered {} (attempt {})", response.statusCode(), attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                log.warn("Test processor webhook failed (attempt {}): {}", attempt, e.toString());
            }
            delay = delay.multipliedBy(2);
        }
    }

    private static @Nullable String header(Map<String, String> headers, String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst().orElse(null);
    }

    private static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    private static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
