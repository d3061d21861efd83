package app.flowmarket.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import app.flowmarket.IntegrationTest;
import app.flowmarket.account.AccountManagement;
import app.flowmarket.catalog.SellerFixture;
import app.flowmarket.support.Fixtures;
import app.flowmarket.support.Mailbox;
import app.flowmarket.support.Shopper;
import app.flowmarket.support.WebSession;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Deliveries over real HTTP to a real receiver: signed, retried after failures, logged, disabled on 410. */
@IntegrationTest
class WebhookIntegrationTests {

    private static final Pattern SECRET = Pattern.compile("value=\"(whsec_[A-Za-z0-9+/=]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountManagement accounts;

    WireMockServer receiver;

    @BeforeEach
    void startReceiver() {
        receiver = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop();
    }

    /** Adds an endpoint through Settings → Webhooks; returns its page path. */
    String addEndpoint(WebSession seller, String path, String... events) {
        StringBuilder form = new StringBuilder("url=" + enc("http://localhost:" + receiver.port() + path) + "&description=CRM");
        for (String event : events) {
            form.append("&events=").append(enc(event));
        }
        WebSession.Page created = seller.postMultipartless("/settings/webhooks", form.toString()).assertStatus(302);
        return created.location();
    }

    static String secretOn(WebSession.Page page) {
        Matcher secret = SECRET.matcher(page.body());
        assertThat(secret.find()).isTrue();
        return secret.group(1);
    }

    /** HMAC-SHA256 as the Standard Webhooks specification defines it, written here independently of the app. */
    static String expectedSignature(String secret, String id, String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aTestEventIsRetriedAfterTheReceiverFailsThenDeliveredSignedAndLogged() throws Exception {
        receiver.stubFor(post(urlEqualTo("/hook")).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500).withBody("boom")).willSetStateTo("recovered"));
        receiver.stubFor(post(urlEqualTo("/hook")).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200).withBody("thanks")));
        WebSession seller = SellerFixture.newSeller(port);
        String endpoint = addEndpoint(seller, "/hook", "order.paid");
        String secret = secretOn(seller.get(endpoint).assertStatus(200));

        seller.post(endpoint + "/test", Map.of()).assertStatus(302);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(seller.get(endpoint).body()).contains("Delivered").contains("2 attempts").contains("thanks"));
        List<LoggedRequest> requests = receiver.findAll(postRequestedFor(urlEqualTo("/hook")));
        assertThat(requests).hasSize(2);
        LoggedRequest request = requests.get(1);
        String id = request.getHeader("webhook-id");
        assertThat(requests.get(0).getHeader("webhook-id")).as("a retry is the same message").isEqualTo(id);
        String timestamp = request.getHeader("webhook-timestamp");
        assertThat(Long.parseLong(timestamp)).isCloseTo(java.time.Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(60L));
        assertThat(request.getHeader("webhook-signature")).isEqualTo(expectedSignature(secret, id, timestamp, request.getBodyAsString()));
        assertThat(request.getBodyAsString()).contains("\"type\":\"webhook.test\"");
    }

    @Test
    void aSaleReachesTheSellersEndpointAndDuringRotationBothSecretsSign() throws Exception {
        receiver.stubFor(post(urlEqualTo("/sales")).willReturn(aResponse().withStatus(204)));
        WebSession seller = SellerFixture.newSeller(port);
        String title = "Hooked " + Fixtures.uniqueSlug("h");
        String workflowId = SellerFixture.publishedWorkflow(seller, title, "n8n", "0");
        String endpoint = addEndpoint(seller, "/sales", "order.paid");
        String oldSecret = secretOn(seller.get(endpoint));
        seller.post(endpoint + "/rotate", Map.of()).assertStatus(302);
        String newSecret = secretOn(seller.get(endpoint));
        assertThat(newSecret).isNotEqualTo(oldSecret);

        String email = Fixtures.uniqueEmail("buyer");
        accounts.createVerified(email, Fixtures.PASSWORD, "Hook Buyer");
        Shopper.getFree(new WebSession(port).signIn(email, Fixtures.PASSWORD), workflowId);

        await().atMost(Duration.ofSeconds(30)).until(() -> !receiver.findAll(postRequestedFor(urlEqualTo("/sales"))).isEmpty());
        LoggedRequest request = receiver.findAll(postRequestedFor(urlEqualTo("/sales"))).get(0);
        String body = request.getBodyAsString();
        assertThat(body).contains("\"type\":\"order.paid\"").contains(title).contains("\"tier\":\"single\"")
                .doesNotContain("Hook Buyer").doesNotContain(email);
        String id = request.getHeader("webhook-id");
        String timestamp = request.getHeader("webhook-timestamp");
        assertThat(request.getHeader("webhook-signature").split(" ")).containsExactly(
                expectedSignature(newSecret, id, timestamp, body), expectedSignature(oldSecret, id, timestamp, body));
    }

    @Test
    void aChargebackAndItsOutcomeReachTheSellersEndpoint() {
        receiver.stubFor(post(urlEqualTo("/disputes")).willReturn(aResponse().withStatus(204)));
        WebSession seller = SellerFixture.newSeller(port);
        String title = "Disputed hook " + Fixtures.uniqueSlug("h");
        String workflowId = SellerFixture.publishedWorkflow(seller, title, "n8n", "20");
        addEndpoint(seller, "/disputes", "chargeback.opened", "chargeback.closed");

        // paid with the card whose payment the buyer's bank then disputes
        String email = Fixtures.uniqueEmail("buyer");
        accounts.createVerified(email, Fixtures.PASSWORD, "Chargeback Buyer");
        WebSession buyer = new WebSession(port).signIn(email, Fixtures.PASSWORD);
        Shopper.addToCart(buyer, "WORKFLOW", workflowId);
        String orderPath = Shopper.pay(buyer, Shopper.placeOrder(buyer), "4000 0000 0000 0259");
        String orderId = orderPath.substring("/orders/".length());
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.findAll(postRequestedFor(urlEqualTo("/disputes"))).size() == 1);
        String opened = receiver.findAll(postRequestedFor(urlEqualTo("/disputes"))).get(0).getBodyAsString();
        assertThat(opened).contains("\"type\":\"chargeback.opened\"").contains(orderId).contains(title)
                .contains("\"taken\":{").contains("\"amountMinor\":1800").contains("\"disputeFee\":{")
                .doesNotContain("outcome").doesNotContain("Chargeback Buyer").doesNotContain(email);

        // an admin closes it as lost on the test processor's behalf
        String adminEmail = Fixtures.uniqueEmail("admin");
        accounts.createVerified(adminEmail, Fixtures.PASSWORD, "Admin", "ADMIN");
        String dispute = jdbc.sql("select dispute_ref from purchase_order where id = ?::uuid").param(orderId).query(String.class).single();
        new WebSession(port).signIn(adminEmail, Fixtures.PASSWORD).post("/admin/test-processor/disputes/" + dispute, Map.of("outcome", "lost"))
                .assertStatus(302);
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.findAll(postRequestedFor(urlEqualTo("/disputes"))).size() == 2);
        String closed = receiver.findAll(postRequestedFor(urlEqualTo("/disputes"))).get(1).getBodyAsString();
        assertThat(closed).contains("\"type\":\"chargeback.closed\"").contains(orderId).contains("\"outcome\":\"lost\"");
    }

    @Test
    void gone410DisablesTheEndpoint() {
        receiver.stubFor(post(urlEqualTo("/gone")).willReturn(aResponse().withStatus(410)));
        WebSession seller = SellerFixture.newSeller(port);
        String endpoint = addEndpoint(seller, "/gone", "review.created");
        seller.post(endpoint + "/test", Map.of()).assertStatus(302);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(seller.get(endpoint).body()).contains("410 Gone"));
        assertThat(seller.get("/settings/webhooks").body()).contains("Disabled");

        // the seller is told by mail, once, with a link back to the endpoint
        String endpointId = endpoint.substring(endpoint.lastIndexOf('/') + 1);
        String email = jdbc.sql("select a.email from account a join webhook_endpoint e on e.account_id = a.id where e.id = ?::uuid")
                .param(endpointId).query(String.class).single();
        jakarta.mail.internet.MimeMessage mail = Mailbox.awaitMail(email, "webhook endpoint was switched off");
        assertThat(Mailbox.body(mail)).contains("410 Gone").contains("http://localhost:" + receiver.port() + "/gone")
                .contains(endpoint);
        assertThat(Mailbox.to(email)).as("one mail, not one per failed delivery").hasSize(2); // with the sign-up's confirmation
    }

    @Test
    void privateAddressesAndOthersEndpointsAreRefused() {
        WebSession seller = SellerFixture.newSeller(port);
        WebSession.Page refused = seller.postMultipartless("/settings/webhooks", "url=" + enc("https://169.254.169.254/latest") + "&events=order.paid");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("private network");
        String endpoint = addEndpoint(seller, "/mine", "order.paid");
        WebSession other = SellerFixture.newSeller(port);
        assertThat(other.get(endpoint).status()).isEqualTo(404);
        assertThat(other.post(endpoint + "/delete", Map.of()).status()).isEqualTo(404);
        seller.get(endpoint).assertStatus(200);
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
