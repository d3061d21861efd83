package app.flowmarket.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import app.flowmarket.IntegrationTest;
import app.flowmarket.account.AccountManagement;
import app.flowmarket.support.Fixtures;
import app.flowmarket.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.session.data.redis.RedisIndexedSessionRepository;

/** A signed-in page view reads its session from Redis and writes it back only when there is something to write. */
@IntegrationTest
class SessionTouchesIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    AccountManagement accounts;

    @Autowired
    RedisIndexedSessionRepository store;

    WebSession signedIn(String who) {
        String email = Fixtures.uniqueEmail(who);
        accounts.createVerified(email, Fixtures.PASSWORD, "Sam " + who);
        return new WebSession(port).from(LoginThrottleIntegrationTests.newAddress()).signIn(email, Fixtures.PASSWORD);
    }

    static String sessionId(WebSession browser) {
        return new String(Base64.getDecoder().decode(browser.sessionCookie()), StandardCharsets.UTF_8);
    }

    void lastUsed(String sessionId, Instant when) {
        var session = store.findById(sessionId);
        session.setLastAccessedTime(when);
        store.save(session);
    }

    Instant lastUsed(String sessionId) {
        return store.findById(sessionId).getLastAccessedTime();
    }

    @Test
    void aSessionUsedWithinTheLastMinuteIsNotWrittenAgain() {
        WebSession browser = signedIn("reader");
        String id = sessionId(browser);
        Instant written = Instant.now().minusSeconds(20).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        lastUsed(id, written);

        browser.get("/settings").assertStatus(200);
        browser.get("/library").assertStatus(200);

        assertThat(lastUsed(id)).isEqualTo(written);
    }

    @Test
    void aSessionLastWrittenOverAMinuteAgoIsMarkedUsedNow() {
        WebSession browser = signedIn("returner");
        String id = sessionId(browser);
        lastUsed(id, Instant.now().minus(Duration.ofMinutes(5)));
        Instant before = Instant.now();

        browser.get("/settings").assertStatus(200);

        assertThat(lastUsed(id)).isAfterOrEqualTo(before.minusMillis(1));
    }

    @Test
    void aSessionIdleForLongerThanTheTimeoutStillEnds() {
        WebSession browser = signedIn("sleeper");
        lastUsed(sessionId(browser), Instant.now().minus(Duration.ofMinutes(31)));

        WebSession.Page page = browser.get("/settings");

        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).endsWith("/login");
    }

    @Test
    void whatARequestPutsInItsSessionIsStillWrittenWithinTheMinute() {
        WebSession browser = signedIn("shopper");
        String id = sessionId(browser);
        lastUsed(id, Instant.now());
        assertThat(store.findById(id).getAttributeNames()).doesNotContain("flowmarket.privacy.deletion-checked");

        // the first page after signing in notes in the session that a pending account deletion was looked for
        browser.get("/library").assertStatus(200);

        assertThat(store.findById(id).getAttributeNames()).contains("flowmarket.privacy.deletion-checked");
    }
}
