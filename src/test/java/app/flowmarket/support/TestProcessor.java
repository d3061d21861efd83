package app.flowmarket.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;

import app.flowmarket.shared.Tokens;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Plays the built-in test processor's side of a payment the way it happens when the buyer paid a
 * moment before the order closed: the processor records the charge, and its signed webhook reaches
 * the shop only afterwards.
 */
public final class TestProcessor {

    private TestProcessor() {
    }

    /** Charges the checkout at the processor and delivers its {@code payment.succeeded} webhook now; returns the shop's answer. */
    public static int chargeAndConfirmLate(int port, JdbcClient jdbc, String checkoutId) {
        record Checkout(String id, UUID orderId, long amountMinor, String currency) {
        }
        jdbc.sql("update test_checkout set status = 'PAID', card_last4 = '4242', updated_at = now() where id = ?").param(checkoutId).update();
        Checkout checkout = jdbc.sql("select id, order_id, amount_minor, currency from test_checkout where id = ?").param(checkoutId)
                .query(Checkout.class).single();
        String payload = """
                {"id": "evt_late_%s", "type": "payment.succeeded", "checkout": "%s", "order_id": "%s", "amount": %d, "currency": "%s"}"""
                .formatted(UUID.randomUUID(), checkout.id(), checkout.orderId(), checkout.amountMinor(), checkout.currency());
        return deliver(port, jdbc, payload);
    }

    /**
     * Delivers the test processor's signed {@code dispute.opened} or {@code dispute.closed} webhook about a paid checkout, as
     * its own {@code openDispute} / {@code closeDispute} send it, under the given event id (the same id again is a replay);
     * returns the shop's answer.
     */
    public static int dispute(int port, JdbcClient jdbc, String eventId, String type, String checkoutId, String disputeId, long feeMinor,
                              String status) {
        record Checkout(UUID orderId, long amountMinor, String currency) {
        }
        Checkout checkout = jdbc.sql("select order_id, amount_minor, currency from test_checkout where id = ?").param(checkoutId)
                .query(Checkout.class).single();
        String payload = """
                {"id": "%s", "type": "%s", "checkout": "%s", "order_id": "%s", "amount": %d, "currency": "%s",
                 "dispute": {"id": "%s", "fee": %d, "status": "%s"}}"""
                .formatted(eventId, type, checkoutId, checkout.orderId(), checkout.amountMinor(), checkout.currency(), disputeId, feeMinor, status);
        return deliver(port, jdbc, payload);
    }

    private static int deliver(int port, JdbcClient jdbc, String payload) {
        String secret = jdbc.sql("select webhook_secret from test_processor_secret where id = 1").query(String.class).single();
        long now = Instant.now().getEpochSecond();
        String signature = "t=" + now + ",v1=" + Tokens.hmacSha256Hex(secret, now + "." + payload);
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/payments"))
                    .header("Content-Type", "application/json").header("Flowmarket-Signature", signature)
                    .POST(HttpRequest.BodyPublishers.ofString(payload)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
