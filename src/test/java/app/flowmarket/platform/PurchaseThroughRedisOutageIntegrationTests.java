package app.flowmarket.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import app.flowmarket.IntegrationTest;
import app.flowmarket.account.AccountManagement;
import app.flowmarket.catalog.SellerFixture;
import app.flowmarket.platform.embedded.EmbeddedInfrastructure;
import app.flowmarket.support.Fixtures;
import app.flowmarket.support.Shopper;
import app.flowmarket.support.WebSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Redis, which keeps sessions, carts' flash messages and rate limits, dies in the middle of a purchase:
 * the payment still completes, nobody meets a 500 or waits for minutes, and once Redis is back the buyer
 * is still signed in and owns what they paid for.
 */
@IntegrationTest
@org.junit.jupiter.api.extension.ExtendWith(app.flowmarket.support.RedisRestarts.class)
class PurchaseThroughRedisOutageIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    AccountManagement accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aPurchaseCompletesThroughARedisOutageAndTheBuyerIsStillSignedInAfterIt() {
        WebSession seller = SellerFixture.newSeller(port);
        String title = "Outage purchase " + Fixtures.uniqueSlug("p");
        String workflowId = SellerFixture.publishedWorkflow(seller, title, "n8n", "12");
        String email = Fixtures.uniqueEmail("outage-buyer");
        accounts.createVerified(email, Fixtures.PASSWORD, "Outage Buyer");
        WebSession buyer = new WebSession(port).signIn(email, Fixtures.PASSWORD);
        Shopper.addToCart(buyer, "WORKFLOW", workflowId);
        String paymentPage = Shopper.placeOrder(buyer);

        EmbeddedInfrastructure.stopRedis();
        String orderPath;
        try {
            // the processor's page and its signed webhook need no session: the payment goes through
            orderPath = Shopper.pay(buyer, paymentPage, Shopper.GOOD_CARD);
            assertThat(orderPath).startsWith("/orders/");
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    jdbc.sql("select status from purchase_order where id = ?::uuid").param(orderPath.substring("/orders/".length()))
                            .query(String.class).single().equals("PAID"));

            // pages that need the session say to try again in a minute: no 500, no sign-in form
            WebSession.Page library = buyer.get("/library");
            assertThat(library.status()).isEqualTo(503);
            assertThat(library.body()).contains("try again in a minute");
            assertThat(buyer.get(orderPath).status()).isEqualTo(503);
            // the catalogue stays open to the same browser
            assertThat(buyer.get("/workflows").status()).isEqualTo(200);

            // signing in answers at once with the same page, for right and wrong passwords alike
            String other = Fixtures.uniqueEmail("outage-login");
            accounts.createVerified(other, Fixtures.PASSWORD, "Other");
            WebSession.Page right = new WebSession(port).post("/login", Map.of("email", other, "password", Fixtures.PASSWORD));
            WebSession.Page wrong = new WebSession(port).post("/login", Map.of("email", other, "password", "not-it-at-all"));
            assertThat(right.status()).isNotEqualTo(500);
            assertThat(wrong.status()).isNotEqualTo(500);
            assertThat(right.status()).isEqualTo(503);

            // a visitor can still fill a cart: it lives in PostgreSQL, its id in a cookie
            WebSession visitor = new WebSession(port);
            WebSession.Page added = visitor.post("/cart/items", Map.of("kind", "WORKFLOW", "id", workflowId));
            assertThat(added.status()).isEqualTo(302);
            assertThat(visitor.get("/cart").body()).contains(title);
        } finally {
            EmbeddedInfrastructure.restartRedis();
        }

        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() ->
                assertThat(buyer.get("/library").status()).as("still signed in").isEqualTo(200));
        assertThat(buyer.get("/library").body()).contains(title);
        assertThat(buyer.get(orderPath).body()).contains(title);
    }
}
