package app.flowmarket.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import app.flowmarket.IntegrationTest;
import app.flowmarket.support.Fixtures;
import app.flowmarket.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** One network cannot sign up an unlimited number of addresses. */
@IntegrationTest
// the same settings as WriteLimitsIntegrationTests, so both run in one application context
@TestPropertySource(properties = {"flowmarket.newsletter.signups-per-address-per-hour=3",
        "flowmarket.security.writes.sign-ups-per-address=3", "flowmarket.security.writes.per-account=5",
        "flowmarket.security.writes.per-address=20"})
class NewsletterThrottleIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void signUpsFromOneAddressAreLimited() {
        WebSession bot = new WebSession(port);
        int accepted = 0;
        for (int i = 0; i < 6; i++) {
            String body = bot.post("/newsletter", Map.of("email", Fixtures.uniqueEmail("bot" + i))).body();
            if (body.contains("check your inbox")) {
                accepted++;
            } else {
                assertThat(body).contains("Too many sign-ups from your network");
            }
        }
        assertThat(accepted).isLessThanOrEqualTo(3);
        assertThat(accepted).isGreaterThan(0);
    }
}
