package app.flowmarket.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import app.flowmarket.IntegrationTest;
import app.flowmarket.account.AccountManagement;
import app.flowmarket.catalog.SellerFixture;
import app.flowmarket.support.Fixtures;
import app.flowmarket.support.Mailbox;
import app.flowmarket.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The webhook endpoint, hit the way a processor (or an attacker) would. */
@IntegrationTest
class PaymentWebhookIntegrationTests {

    static final String SECRET = "whsec_flowmarket_test_processor_secret";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountManagement accounts;

    final HttpClient http = HttpClient.newHttpClient();

    record Pending(String orderId, String checkoutId, String buyerEmail) {
    }

    /** An order waiting for its payment, made through the real pages. */
    Pending pendingOrder(String price) {
        WebSession seller = SellerFixture.newSeller(port);
        String workflowId = SellerFixture.publishedWorkflow(seller, "Hooked " + Fixtures.uniqueSlug("h"), "n8n", price);
        String email = Fixtures.uniqueEmail("hooked");
        accounts.createVerified(email, Fixtures.PASSWORD, "Hook");
        WebSession buyer = new WebSession(port).signIn(email, Fixtures.PASSWORD);
        buyer.post("/cart/items", Map.of("kind", "WORKFLOW", "id", workflowId)).assertStatus(302);
        String checkoutPage = buyer.get("/checkout").body();
        String key = checkoutPage.replaceAll("(?s).*name=\"idempotencyKey\" value=\"([^\"]+)\".*", "$1");
        String location = buyer.post("/checkout", Map.of("idempotencyKey", key)).location();
        String checkoutId = location.substring("/pay/test/".length());
        String orderId = jdbc.sql("select order_id::text from test_checkout where id = ?").param(checkoutId).query(String.class).single();
        return new Pending(orderId, checkoutId, email);
    }

    String event(String eventId, Pending order, long amount) {
        return """
                {"id": "%s", "type": "payment.succeeded", "checkout": "%s", "order_id": "%s", "amount": %d, "currency": "USD"}"""
                .formatted(eventId, order.checkoutId(), order.orderId(), amount);
    }

    int send(String payload, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/payments"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(payload));
        if (signature != null) {
            request.header("Flowmarket-Signature", signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    String status(Pending order) {
        return jdbc.sql("select status from purchase_order where id = ?::uuid").param(order.orderId()).query(String.class).single();
    }

    @Test
    void forgedUnsignedOrStaleWebhooksAreRefusedAndChangeNothing() throws Exception {
        Pending order = pendingOrder("25");
        String payload = event("evt_forged_" + UUID.randomUUID(), order, 2500);
        long now = Instant.now().getEpochSecond();

        assertThat(send(payload, null)).isEqualTo(400);
        assertThat(send(payload, WebhookSignature.sign(payload, "whsec_guessed", now))).isEqualTo(400);
        assertThat(send(payload, WebhookSignature.sign(payload, SECRET, now - 3600))).isEqualTo(400);
        assertThat(send(payload.replace("2500", "1"), WebhookSignature.sign(payload, SECRET, now))).isEqualTo(400);
        assertThat(send("not json", WebhookSignature.sign("not json", SECRET, now))).isEqualTo(400);

        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> status(order).equals("PENDING"));
    }

    @Test
    void theSameEventDeliveredManyTimesAtOncePaysTheOrderOnce() throws Exception {
        Pending order = pendingOrder("40");
        String payload = event("evt_dup_" + UUID.randomUUID(), order, 4000);
        String signature = WebhookSignature.sign(payload, SECRET, Instant.now().getEpochSecond());

        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            statuses.add(pool.submit(() -> send(payload, signature)));
        }
        for (Future<Integer> status : statuses) {
            assertThat(status.get()).isEqualTo(200);
        }
        pool.shutdown();
        // a second, different event for the same payment (a processor retry with a new id) is harmless too
        String retry = event("evt_retry_" + UUID.randomUUID(), order, 4000);
        assertThat(send(retry, WebhookSignature.sign(retry, SECRET, Instant.now().getEpochSecond()))).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> status(order).equals("PAID"));
        Mailbox.awaitMail(order.buyerEmail(), "Your Flowmarket receipt");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(4)).until(() -> true);
        assertThat(jdbc.sql("select count(*) from ledger_entry where order_id = ?::uuid").param(order.orderId()).query(Long.class).single()).isEqualTo(3);
        assertThat(Mailbox.to(order.buyerEmail()).stream().filter(m -> {
            try {
                return m.getSubject().contains("receipt");
            } catch (Exception e) {
                return false;
            }
        }).count()).isEqualTo(1);
    }

    @Test
    void aPaymentOfTheWrongAmountDoesNotPayTheOrder() throws Exception {
        Pending order = pendingOrder("50");
        String payload = event("evt_short_" + UUID.randomUUID(), order, 100);

        assertThat(send(payload, WebhookSignature.sign(payload, SECRET, Instant.now().getEpochSecond()))).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("select count(*) from audit_entry where action = 'order.payment-mismatch' and target_id = ?")
                .param(order.orderId()).query(Long.class).single() == 1);
        assertThat(status(order)).isEqualTo("PENDING");
    }
}
