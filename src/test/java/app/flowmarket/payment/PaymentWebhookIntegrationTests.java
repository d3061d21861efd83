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
import app.flowmarket.support.Shopper;
import app.flowmarket.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The webhook endpoint, hit the way a processor (or an attacker) would. */
@IntegrationTest
class PaymentWebhookIntegrationTests {

    /** The signing secret that used to be written in the source, and so was known to everyone. */
    static final String FORMER_BUILT_IN_SECRET = "whsec_flowmarket_test_processor_secret";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountManagement accounts;

    @Autowired
    TestWebhookSecret secret;

    final HttpClient http = HttpClient.newHttpClient();

    record Pending(String orderId, String checkoutId, String buyerEmail, WebSession buyer) {
    }

    /** An order waiting for its payment, made through the real pages. */
    Pending pendingOrder(String price) {
        WebSession seller = SellerFixture.newSeller(port);
        String workflowId = SellerFixture.publishedWorkflow(seller, "Hooked " + Fixtures.uniqueSlug("h"), "n8n", price);
        String email = Fixtures.uniqueEmail("hooked");
        accounts.createVerified(email, Fixtures.PASSWORD, "Hook");
        WebSession buyer = new WebSession(port).signIn(email, Fixtures.PASSWORD);
        Shopper.addToCart(buyer, "WORKFLOW", workflowId);
        String location = Shopper.placeOrder(buyer);
        String checkoutId = location.substring("/pay/test/".length());
        String orderId = jdbc.sql("select order_id::text from test_checkout where id = ?").param(checkoutId).query(String.class).single();
        return new Pending(orderId, checkoutId, email, buyer);
    }

    static String event(String eventId, String type, String checkoutId, String orderId, long amount, String currency) {
        return """
                {"id": "%s", "type": "%s", "checkout": "%s", "order_id": "%s", "amount": %d, "currency": "%s"%s}"""
                .formatted(eventId, type, checkoutId, orderId, amount, currency,
                        type.equals("payment.failed") ? ", \"failure_message\": \"Your card was declined.\"" : "");
    }

    String event(String eventId, Pending order, long amount) {
        return event(eventId, "payment.succeeded", order.checkoutId(), order.orderId(), amount, "USD");
    }

    String signed(String payload) {
        return WebhookSignature.sign(payload, secret.value(), Instant.now().getEpochSecond());
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

    long entitlements(Pending order) {
        return jdbc.sql("select count(*) from entitlement where order_line_id in (select id from order_line where order_id = ?::uuid)")
                .param(order.orderId()).query(Long.class).single();
    }

    @Test
    void forgedUnsignedOrStaleWebhooksAreRefusedAndChangeNothing() throws Exception {
        Pending order = pendingOrder("25");
        String payload = event("evt_forged_" + UUID.randomUUID(), order, 2500);
        long now = Instant.now().getEpochSecond();

        assertThat(send(payload, null)).isEqualTo(400);
        assertThat(send(payload, WebhookSignature.sign(payload, "whsec_guessed", now))).isEqualTo(400);
        assertThat(send(payload, WebhookSignature.sign(payload, secret.value(), now - 3600))).isEqualTo(400);
        assertThat(send(payload.replace("2500", "1"), signed(payload))).isEqualTo(400);
        assertThat(send("not json", signed("not json"))).isEqualTo(400);

        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> status(order).equals("PENDING"));
    }

    @Test
    void aPaymentSignedWithTheFormerBuiltInSecretIsRefusedAndGrantsNothing() throws Exception {
        Pending order = pendingOrder("25");
        String forged = event("evt_forged_" + UUID.randomUUID(), order, 2500);

        int status = send(forged, WebhookSignature.sign(forged, FORMER_BUILT_IN_SECRET, Instant.now().getEpochSecond()));

        assertThat(status).isEqualTo(400);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> status(order).equals("PENDING"));
        assertThat(entitlements(order)).isZero();
        assertThat(order.buyer().get("/library").body()).contains("Workflows you buy or get for free appear here");
    }

    @Test
    void theSigningSecretIsGeneratedOnceKeptInTheDatabaseAndCanBeOverridden() {
        String stored = jdbc.sql("select webhook_secret from test_processor_secret where id = 1").query(String.class).single();

        assertThat(secret.value()).isEqualTo(stored).isNotEqualTo(FORMER_BUILT_IN_SECRET).startsWith("whsec_").hasSizeGreaterThan(40);
        // another node (or a restart) reads the same secret
        assertThat(new TestWebhookSecret(jdbc, new PaymentSettings("test", null, null, List.of("USD"))).value()).isEqualTo(stored);
        assertThat(new TestWebhookSecret(jdbc, new PaymentSettings("test", " whsec_configured ", null, List.of("USD"))).value()).isEqualTo("whsec_configured");
    }

    @Test
    void aForgedFailureCannotFailAnOrder() throws Exception {
        Pending order = pendingOrder("30");
        String failed = event("evt_failed_" + UUID.randomUUID(), "payment.failed", order.checkoutId(), order.orderId(), 3000, "USD");

        assertThat(send(failed, WebhookSignature.sign(failed, FORMER_BUILT_IN_SECRET, Instant.now().getEpochSecond()))).isEqualTo(400);
        Pending other = pendingOrder("30");
        // a genuine signature on a failure that names this order but another order's checkout
        String misbound = event("evt_failed_" + UUID.randomUUID(), "payment.failed", other.checkoutId(), order.orderId(), 3000, "USD");
        assertThat(send(misbound, signed(misbound))).isEqualTo(400);

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> status(order).equals("PENDING"));
        assertThat(order.buyer().get("/orders/" + order.orderId()).body()).doesNotContain("The payment did not go through");
    }

    @Test
    void aWebhookMustMatchTheCheckoutItNamesInOrderAmountAndCurrency() throws Exception {
        Pending order = pendingOrder("20");
        Pending other = pendingOrder("20");
        List<String> mismatches = List.of(
                // this checkout's payment said to pay another order
                event("evt_a_" + UUID.randomUUID(), "payment.succeeded", order.checkoutId(), other.orderId(), 2000, "USD"),
                // another order's checkout said to pay this one
                event("evt_b_" + UUID.randomUUID(), "payment.succeeded", other.checkoutId(), order.orderId(), 2000, "USD"),
                event("evt_c_" + UUID.randomUUID(), "payment.succeeded", order.checkoutId(), order.orderId(), 1999, "USD"),
                event("evt_d_" + UUID.randomUUID(), "payment.succeeded", order.checkoutId(), order.orderId(), 2000, "EUR"),
                event("evt_e_" + UUID.randomUUID(), "payment.succeeded", "cs_test_never_opened", order.orderId(), 2000, "USD"));

        for (String payload : mismatches) {
            assertThat(send(payload, signed(payload))).as(payload).isEqualTo(400);
        }

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> status(order).equals("PENDING") && status(other).equals("PENDING"));
        assertThat(entitlements(order) + entitlements(other)).isZero();
        String matching = event("evt_ok_" + UUID.randomUUID(), order, 2000);
        assertThat(send(matching, signed(matching))).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> status(order).equals("PAID"));
        assertThat(status(other)).isEqualTo("PENDING");
    }

    @Test
    void theSameEventDeliveredManyTimesAtOncePaysTheOrderOnce() throws Exception {
        Pending order = pendingOrder("40");
        String payload = event("evt_dup_" + UUID.randomUUID(), order, 4000);
        String signature = signed(payload);

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
        assertThat(send(retry, signed(retry))).isEqualTo(200);

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
}
