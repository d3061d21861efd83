package app.flowmarket.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import app.flowmarket.IntegrationTest;
import app.flowmarket.account.AccountManagement;
import app.flowmarket.support.Fixtures;
import app.flowmarket.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class LoginThrottleIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    AccountManagement accounts;

    @Test
    void afterTenWrongPasswordsEvenTheRightOneIsRefusedForAWhile() {
        String email = Fixtures.uniqueEmail("bruteforced");
        accounts.createVerified(email, Fixtures.PASSWORD, "Target");
        WebSession attacker = new WebSession(port);

        for (int i = 0; i < 10; i++) {
            assertThat(attacker.post("/login", Map.of("email", email, "password", "guess-" + i)).location()).isEqualTo("/login?error");
        }
        WebSession.Page blocked = attacker.post("/login", Map.of("email", email.toUpperCase(), "password", Fixtures.PASSWORD));

        assertThat(blocked.location()).isEqualTo("/login?throttled");
        assertThat(attacker.get("/login?throttled").body()).contains("Too many sign-in attempts");
        // other accounts are not locked by someone else's attack
        String other = Fixtures.uniqueEmail("bystander");
        accounts.createVerified(other, Fixtures.PASSWORD, "Bystander");
        new WebSession(port).signIn(other, Fixtures.PASSWORD);
    }
}
