package app.flowmarket.platform;

import java.time.Duration;

import app.flowmarket.IntegrationTest;
import app.flowmarket.account.AccountManagement;
import app.flowmarket.catalog.SellerFixture;
import app.flowmarket.platform.embedded.EmbeddedInfrastructure;
import app.flowmarket.shared.WorkflowId;
import app.flowmarket.support.Fixtures;
import app.flowmarket.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** With Redis gone, visitors still browse (straight from PostgreSQL); when it is back, signing in works again. */
@IntegrationTest
@org.junit.jupiter.api.extension.ExtendWith(app.flowmarket.support.RedisRestarts.class)
class RedisOutageIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountManagement accounts;

    @Autowired
    app.flowmarket.catalog.CatalogManagement catalog;

    @Autowired
    io.github.resilience4j.circuitbreaker.CircuitBreaker cacheCircuitBreaker;

    @Test
    void visitorsKeepBrowsingWhileRedisIsDownAndSessionsReturnWithIt() {
        WebSession seller = SellerFixture.newSeller(port);
        String marker = Fixtures.uniqueSlug("o");
        String workflowId = SellerFixture.publishedWorkflow(seller, "Outage proof " + marker, "n8n", "4");
        String slug = jdbc.sql("select slug from workflow where id = ?::uuid").param(workflowId).query(String.class).single();

        assertThat(new WebSession(port).get("/workflows/" + slug).body()).as("now cached").contains("no sales");
        EmbeddedInfrastructure.stopRedis();
        try {
            WebSession visitor = new WebSession(port);
            long started = System.nanoTime();
            assertThat(visitor.get("/").status()).isEqualTo(200);
            assertThat(visitor.get("/workflows?q=" + marker).body()).contains("Outage proof");
            assertThat(visitor.get("/workflows/" + slug).status()).isEqualTo(200);
            assertThat(visitor.get("/stores/nope").status()).isEqualTo(404);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("no request waited on Redis").isLessThan(Duration.ofSeconds(10));
            assertThat(visitor.sessionCookie()).as("visitors get no server-side session").isNull();
            assertThat(cacheCircuitBreaker.getState()).as("pages stopped asking Redis")
                    .isEqualTo(io.github.resilience4j.circuitbreaker.CircuitBreaker.State.OPEN);
            // a change whose eviction cannot reach Redis
            catalog.recordSales(WorkflowId.of(java.util.UUID.fromString(workflowId)), 3);
            assertThat(visitor.get("/workflows/" + slug).body()).contains("3 sales");
        } finally {
            EmbeddedInfrastructure.restartRedis();
        }
        // once Redis answers again the breaker closes and the caches start empty: no stale page from before the outage
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(new WebSession(port).get("/workflows/" + slug).body()).contains("3 sales");
            assertThat(cacheCircuitBreaker.getState()).isEqualTo(io.github.resilience4j.circuitbreaker.CircuitBreaker.State.CLOSED);
        });
        assertThat(new WebSession(port).get("/workflows/" + slug).body()).contains("3 sales");

        String email = Fixtures.uniqueEmail("after-outage");
        accounts.createVerified(email, Fixtures.PASSWORD, "Back Again");
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() ->
                assertThat(new WebSession(port).signIn(email, Fixtures.PASSWORD).get("/settings").status()).isEqualTo(200));
    }
}
