package app.flowmarket.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.flowmarket.IntegrationTest;
import app.flowmarket.account.AccountManagement;
import app.flowmarket.support.Fixtures;
import app.flowmarket.support.Mailbox;
import app.flowmarket.support.WebSession;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** "E-mail me a sign-in link": the way in that failed passwords, anyone's, cannot close. */
@IntegrationTest
class SignInLinkIntegrationTests {

    static final Pattern LINK = Pattern.compile("https?://[^/\\s]+(/login/link\\?token=[0-9a-f-]{36})");

    @LocalServerPort
    int port;

    @Autowired
    AccountManagement accounts;

    WebSession browser() {
        return new WebSession(port).from(LoginThrottleIntegrationTests.newAddress());
    }

    static String link(MimeMessage mail) {
        Matcher matcher = LINK.matcher(Mailbox.body(mail));
        assertThat(matcher.find()).as("a sign-in link in:\n%s", Mailbox.body(mail)).isTrue();
        return matcher.group(1);
    }

    static String token(String link) {
        return link.substring(link.indexOf("token=") + 6);
    }

    @Test
    void theMailedLinkSignsInOnceEvenWhileTheAccountIsClosedToPasswords() {
        String email = Fixtures.uniqueEmail("linked");
        accounts.createVerified(email, Fixtures.PASSWORD, "Linked");
        // a botnet has closed the account to passwords from unknown browsers (cap of 20 in the test profile)
        for (int bot = 0; bot < 4; bot++) {
            WebSession attacker = browser();
            for (int i = 0; i < 5; i++) {
                attacker.post("/login", Map.of("email", email, "password", "guess-" + i));
            }
        }
        WebSession owner = browser();
        assertThat(owner.post("/login", Map.of("email", email, "password", Fixtures.PASSWORD)).location()).startsWith("/login?throttled");
        assertThat(owner.get("/login?throttled&wait=3600").body()).contains("href=\"/login/link\"");

        assertThat(owner.post("/login/link", Map.of("email", email)).location()).isEqualTo("/login/link?sent");
        String link = link(Mailbox.awaitMail(email, "Your Flowmarket sign-in link"));
        // opening the link only shows a button: a mail scanner that follows links cannot spend it
        assertThat(owner.get(link).assertStatus(200).body()).contains("action=\"/login/ott\"");
        WebSession.Page signedIn = owner.post("/login/ott", Map.of("token", token(link)));

        assertThat(signedIn.location()).isEqualTo("/");
        assertThat(owner.get("/settings").assertStatus(200).body()).contains(email);
        assertThat(signedIn.setCookie("flowmarket-device")).as("the browser is known from now on").isNotNull();
        // used once
        WebSession.Page again = browser().post("/login/ott", Map.of("token", token(link)));
        assertThat(again.location()).isEqualTo("/login/link?invalid");
    }

    @Test
    void anAddressWithoutAnAccountGetsTheSamePageAndANoteInsteadOfALink() {
        String known = Fixtures.uniqueEmail("known");
        accounts.createVerified(known, Fixtures.PASSWORD, "Known");
        String unknown = Fixtures.uniqueEmail("unknown");

        WebSession.Page forKnown = browser().post("/login/link", Map.of("email", known));
        WebSession.Page forUnknown = browser().post("/login/link", Map.of("email", unknown));
        WebSession.Page forGarbage = browser().post("/login/link", Map.of("email", "not an address"));

        assertThat(forKnown.location()).isEqualTo(forUnknown.location()).isEqualTo(forGarbage.location()).isEqualTo("/login/link?sent");
        assertThat(browser().get(forKnown.location()).body()).contains("If an account uses that address, a sign-in link is on its way");
        Mailbox.awaitMail(known, "Your Flowmarket sign-in link");
        MimeMessage note = Mailbox.awaitMail(unknown, "Sign-in link for Flowmarket");
        assertThat(Mailbox.body(note)).contains("no Flowmarket account uses it").doesNotContain("/login/link?token=");
    }

    @Test
    void noMoreThanThreeLinksAreMailedToOneAddressInAQuarterOfAnHour() {
        String email = Fixtures.uniqueEmail("flooded");
        accounts.createVerified(email, Fixtures.PASSWORD, "Flooded");
        for (int i = 0; i < 5; i++) {
            // from five places: the limit is the inbox's, not only the sender's
            assertThat(browser().post("/login/link", Map.of("email", email)).location()).isEqualTo("/login/link?sent");
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> Mailbox.to(email).size() >= 3);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> Mailbox.to(email).size() == 3);
    }

    @Test
    void theSignInFormOffersTheLink() {
        String form = browser().get("/login").assertStatus(200).body();
        assertThat(form).contains("action=\"/login\"").contains("href=\"/login/link\"").contains("E-mail me a sign-in link")
                .doesNotContain("One-Time Token");
        assertThat(browser().get("/login/link").assertStatus(200).body()).contains("action=\"/login/link\"").contains("name=\"email\"");
    }

    @Test
    void anExpiredOrMadeUpLinkSaysSoAndOffersANewOne() {
        WebSession stranger = browser();
        WebSession.Page madeUp = stranger.post("/login/ott", Map.of("token", "00000000-0000-4000-8000-000000000000"));
        assertThat(madeUp.location()).isEqualTo("/login/link?invalid");
        assertThat(stranger.get(madeUp.location()).body()).contains("has expired or has already been used").contains("action=\"/login/link\"");
        assertThat(stranger.get("/login/link?token=%3Cscript%3E").body()).doesNotContain("<script>").contains("has expired");
        // another site cannot make a visitor's browser ask for links (nor spend one)
        assertThat(new WebSession(port).postWithoutCsrf("/login/link", Map.of("email", Fixtures.uniqueEmail("x"))).status()).isEqualTo(403);
        assertThat(new WebSession(port).postWithoutCsrf("/login/ott", Map.of("token", "00000000-0000-4000-8000-000000000000")).status()).isEqualTo(403);
    }
}
