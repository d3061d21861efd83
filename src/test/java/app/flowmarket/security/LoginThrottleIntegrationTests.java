package app.flowmarket.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import app.flowmarket.IntegrationTest;
import app.flowmarket.account.AccountManagement;
import app.flowmarket.support.Fixtures;
import app.flowmarket.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Sign-in throttling as browsers meet it, over HTTP on the real Redis. The test profile keeps the production
 * waits (5 free failures, then 1 s, 2 s, 4 s ...) and lowers the caps to 30 failures per address and 20 per
 * account. Every browser here has its own source address (X-Forwarded-For through the trusted loopback proxy).
 */
@IntegrationTest
class LoginThrottleIntegrationTests {

    static final String DEVICE = "flowmarket-device";

    @LocalServerPort
    int port;

    @Autowired
    AccountManagement accounts;

    static String newAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    String owner(String who) {
        String email = Fixtures.uniqueEmail(who);
        accounts.createVerified(email, Fixtures.PASSWORD, "Owner");
        return email;
    }

    WebSession browserAt(String address) {
        return new WebSession(port).from(address);
    }

    static String guess(WebSession browser, String email) {
        return browser.post("/login", Map.of("email", email, "password", "guess-" + UUID.randomUUID())).location();
    }

    static String signIn(WebSession browser, String email) {
        return browser.post("/login", Map.of("email", email, "password", Fixtures.PASSWORD)).location();
    }

    /** A browser that signed in to the account before, coming back (the session is gone, the device cookie is kept). */
    WebSession knownBrowser(String email, String address) {
        WebSession first = browserAt(newAddress()).signIn(email, Fixtures.PASSWORD);
        assertThat(first.cookie(DEVICE)).as("device cookie after signing in").isNotNull();
        return browserAt(address).withCookie(DEVICE, first.cookie(DEVICE), "/login");
    }

    @Test
    void thirtyWrongPasswordsFromOneAddressKeepTheOwnerOutNeitherOnTheirKnownBrowserNorFromAnotherAddress() {
        String email = owner("seller");
        String attackerAddress = newAddress();
        WebSession ownersLaptopInTheSameCafe = knownBrowser(email, attackerAddress);
        WebSession attacker = browserAt(attackerAddress);

        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            answers.add(guess(attacker, email));
        }

        assertThat(answers.subList(0, 4)).containsOnly("/login?error");
        assertThat(answers.get(4)).isEqualTo("/login?error&wait=1");
        // after the free ones the attacker is refused without a check, or waits longer after each failure
        assertThat(answers.subList(5, 30)).allMatch(a -> a.startsWith("/login?throttled&wait=") || a.startsWith("/login?error&wait="));
        assertThat(answers.stream().filter(a -> a.startsWith("/login?throttled")).count()).isGreaterThan(10);

        assertThat(signIn(ownersLaptopInTheSameCafe, email)).isEqualTo("/");
        assertThat(signIn(browserAt(newAddress()), email)).isEqualTo("/");
    }

    @Test
    void theAttackerWaitsTwiceAsLongAfterEachFurtherFailureAndIsToldHowLong() {
        String email = owner("target");
        WebSession attacker = browserAt(newAddress());
        for (int i = 0; i < 4; i++) {
            assertThat(guess(attacker, email)).isEqualTo("/login?error");
        }

        List<String> failures = new ArrayList<>(List.of(guess(attacker, email)));
        for (int i = 0; i < 2; i++) {
            // attempts during the wait are refused unchecked and do not count; the first one after it is checked
            String[] answer = new String[1];
            await().pollInterval(Duration.ofMillis(200)).atMost(Duration.ofSeconds(20))
                    .until(() -> (answer[0] = guess(attacker, email)).startsWith("/login?error"));
            failures.add(answer[0]);
        }

        assertThat(failures).containsExactly("/login?error&wait=1", "/login?error&wait=2", "/login?error&wait=4");
        // within those four seconds not even the right password is checked
        String refused = signIn(attacker, email);
        assertThat(refused).startsWith("/login?throttled&wait=");
        String page = attacker.get(refused).body();
        assertThat(page).contains("Too many sign-in attempts").containsPattern("Please wait [1-4] seconds?")
                .contains("href=\"/login/link\"");
    }

    @Test
    void twentySuccessfulSignInsInARowAreNeverThrottled() {
        String email = owner("regular");
        String address = newAddress();
        for (int i = 0; i < 20; i++) {
            assertThat(signIn(browserAt(address), email)).as("sign-in %d", i + 1).isEqualTo("/");
        }
    }

    @Test
    void aSuccessfulSignInClearsTheFailuresBeforeIt() {
        String email = owner("typo");
        String address = newAddress();
        WebSession browser = browserAt(address);
        for (int i = 0; i < 4; i++) {
            assertThat(guess(browser, email)).isEqualTo("/login?error");
        }
        assertThat(signIn(browser, email)).isEqualTo("/");

        // another browser at the same address (no device cookie): four more are free again, the fifth is not
        WebSession sameAddress = browserAt(address);
        for (int i = 0; i < 4; i++) {
            assertThat(guess(sameAddress, email)).isEqualTo("/login?error");
        }
        assertThat(guess(sameAddress, email)).isEqualTo("/login?error&wait=1");
    }

    @Test
    void failuresFromEveryAddressTogetherCloseTheAccountToUnknownBrowsersButNotToItsKnownOne() {
        String email = owner("popular");
        WebSession ownersPhone = knownBrowser(email, newAddress());

        // a botnet: five guesses from each of four addresses reach the account's cap of 20
        for (int bot = 0; bot < 4; bot++) {
            WebSession attacker = browserAt(newAddress());
            for (int i = 0; i < 5; i++) {
                assertThat(guess(attacker, email)).startsWith("/login?error");
            }
        }

        String fromANewAddress = signIn(browserAt(newAddress()), email);
        assertThat(fromANewAddress).startsWith("/login?throttled&wait=");
        assertThat(Long.parseLong(fromANewAddress.substring(fromANewAddress.indexOf("wait=") + 5))).isGreaterThan(60);
        assertThat(signIn(ownersPhone, email)).isEqualTo("/");
        // other accounts are not touched
        assertThat(signIn(browserAt(newAddress()), owner("bystander"))).isEqualTo("/");

        // a device cookie counts only for the account it was given for, and only as it was signed
        String attackersOwn = owner("attacker");
        String ownCookie = browserAt(newAddress()).signIn(attackersOwn, Fixtures.PASSWORD).cookie(DEVICE);
        assertThat(signIn(browserAt(newAddress()).withCookie(DEVICE, ownCookie, "/login"), email)).startsWith("/login?throttled");
        String forged = accounts.loadUserByUsername(email).id() + "." + "A".repeat(22) + "." + "B".repeat(43);
        assertThat(signIn(browserAt(newAddress()).withCookie(DEVICE, forged, "/login"), email)).startsWith("/login?throttled");
    }

    @Test
    void oneAddressGuessingAcrossManyAccountsIsStoppedAtItsCap() {
        String address = newAddress();
        WebSession stuffer = browserAt(address);
        // credential stuffing: five guesses at each of six accounts reach the address's cap of 30
        for (int account = 0; account < 6; account++) {
            String victim = Fixtures.uniqueEmail("victim");
            for (int i = 0; i < 5; i++) {
                assertThat(guess(stuffer, victim)).startsWith("/login?error");
            }
        }

        assertThat(guess(stuffer, Fixtures.uniqueEmail("seventh"))).startsWith("/login?throttled&wait=");
        // someone else behind the same address signs in from the browser they always use
        String neighbour = owner("neighbour");
        assertThat(signIn(knownBrowser(neighbour, address), neighbour)).isEqualTo("/");
    }

    @Test
    void aKnownBrowserIsSlowedDownByItsOwnFailures() {
        String email = owner("forgetful");
        WebSession laptop = knownBrowser(email, newAddress());
        for (int i = 0; i < 4; i++) {
            assertThat(guess(laptop, email)).isEqualTo("/login?error");
        }
        assertThat(guess(laptop, email)).isEqualTo("/login?error&wait=1");
    }
}
