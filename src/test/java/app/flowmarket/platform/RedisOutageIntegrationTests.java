package app.flowmarket.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import app.flowmarket.IntegrationTest;
import app.flowmarket.account.AccountManagement;
import app.flowmarket.catalog.SellerFixture;
import app.flowmarket.platform.embedded.EmbeddedInfrastructure;
import app.flowmarket.support.Fixtures;
import app.flowmarket.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** With Redis gone, visitors still browse (straight from PostgreSQL); when it is back, signing in works again. */
@IntegrationTest
class RedisOutageIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountManagement accounts;

    @Test
    void visitorsKeepBrowsingWhileRedisIsDownAndSessionsReturnWithIt() {
        WebSession seller = SellerFixture.newSeller(port);
        String marker = Fixtures.uniqueSlug("o");
        String workflowId = SellerFixture.publishedWorkflow(seller, "Outage proof " + marker, "n8n", "4");
        String slug = jdbc.sql("select slug from workflow where id = ?::uuid").param(workflowId).query(String.class).single();

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
        } finally {
            EmbeddedInfrastructure.restartRedis();
        }

        String email = Fixtures.uniqueEmail("after-outage");
        accounts.createVerified(email, Fixtures.PASSWORD, "Back Again");
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() ->
                assertThat(new WebSession(port).signIn(email, Fixtures.PASSWORD).get("/settings").status()).isEqualTo(200));
    }
}
