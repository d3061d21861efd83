package app.flowmarket.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import app.flowmarket.IntegrationTest;
import app.flowmarket.account.AccountManagement;
import app.flowmarket.platform.embedded.EmbeddedInfrastructure;
import app.flowmarket.support.Fixtures;
import app.flowmarket.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** People's changes are limited per address or per account, with a page saying how long to wait; without Redis, stricter. */
@IntegrationTest
@TestPropertySource(properties = {"flowmarket.newsletter.signups-per-address-per-hour=3",
        "flowmarket.security.writes.sign-ups-per-address=3", "flowmarket.security.writes.per-account=5",
        "flowmarket.security.writes.per-address=20"})
@org.junit.jupiter.api.extension.ExtendWith(app.flowmarket.support.RedisRestarts.class)
class WriteLimitsIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    AccountManagement accounts;

    @Autowired
    RateLimits limits;

    private static String anAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198.51." + random.nextInt(100, 255) + "." + random.nextInt(1, 255);
    }

    @Test
    void theFourthSignUpFromOneAddressWaitsWithAFriendlyPage() {
        String address = anAddress();
        for (int i = 0; i < 3; i++) {
            WebSession.Page page = new WebSession(port).from(address)
                    .post("/signup", Map.of("displayName", "Bot " + i, "email", Fixtures.uniqueEmail("bot"), "password", Fixtures.PASSWORD));
            assertThat(page.status()).as("sign-up %d", i + 1).isNotEqualTo(429);
            assertThat(page.headers().firstValue("RateLimit-Policy")).hasValue("\"sign-up\";q=3;w=3600");
            assertThat(page.headers().firstValue("RateLimit").orElseThrow()).startsWith("\"sign-up\";r=" + (2 - i) + ";t=");
        }
        WebSession.Page refused = new WebSession(port).from(address)
                .post("/signup", Map.of("displayName", "Bot", "email", Fixtures.uniqueEmail("bot"), "password", Fixtures.PASSWORD));
        assertThat(refused.status()).isEqualTo(429);
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 3600L);
        assertThat(refused.body()).contains("to keep the site fair for everyone").contains("You can try again in ")
                .doesNotContain("Exception");

        WebSession.Page elsewhere = new WebSession(port).from(anAddress())
                .post("/signup", Map.of("displayName", "Pat", "email", Fixtures.uniqueEmail("pat"), "password", Fixtures.PASSWORD));
        assertThat(elsewhere.status()).as("another address has its own bucket").isNotEqualTo(429);
    }

    @Test
    void aSignedInPersonsChangesAreCountedPerAccountWhereverTheyComeFrom() {
        String email = Fixtures.uniqueEmail("busy");
        accounts.createVerified(email, Fixtures.PASSWORD, "Busy Bee");
        WebSession first = new WebSession(port).from(anAddress()).signIn(email, Fixtures.PASSWORD);
        for (int i = 0; i < 5; i++) {
            assertThat(first.post("/theme", Map.of("theme", i % 2 == 0 ? "dark" : "light")).status()).isNotEqualTo(429);
        }
        WebSession second = new WebSession(port).from(anAddress()).signIn(email, Fixtures.PASSWORD);
        WebSession.Page refused = second.post("/theme", Map.of("theme", "dark"));
        assertThat(refused.status()).as("a new address does not reset the account's bucket").isEqualTo(429);
        assertThat(refused.headers().firstValue("RateLimit-Policy")).hasValue("\"account\";q=5;w=3600");
        assertThat(refused.body()).contains("You can try again in");
        assertThat(second.get("/settings").status()).as("reading is never limited").isEqualTo(200);
    }

    @Test
    void withoutRedisALimitFallsBackToAStricterOneInMemoryNeverToNone() {
        RateLimits.Limit limit = new RateLimits.Limit("fallback-" + Fixtures.uniqueWord(), 8, Duration.ofHours(1));
        EmbeddedInfrastructure.stopRedis();
        try {
            int allowed = 0;
            for (int i = 0; i < 10; i++) {
                RateLimits.Decision decision = limits.take(limit, "someone");
                if (decision.allowed()) {
                    allowed++;
                } else {
                    assertThat(decision.retryAfterSeconds()).isPositive();
                }
            }
            assertThat(allowed).as("a quarter of the capacity").isEqualTo(2);
        } finally {
            EmbeddedInfrastructure.restartRedis();
        }
        // and once Redis is back, limits are shared again at their full capacity
        await().atMost(Duration.ofSeconds(30)).until(() ->
                limits.take(new RateLimits.Limit("back-" + Fixtures.uniqueWord(), 8, Duration.ofHours(1)), "someone").limit() == 8);
    }
}
