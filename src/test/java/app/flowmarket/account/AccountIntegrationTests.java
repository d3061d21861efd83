package app.flowmarket.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import app.flowmarket.IntegrationTest;
import app.flowmarket.audit.AuditLog;
import app.flowmarket.support.Fixtures;
import app.flowmarket.support.Mailbox;
import app.flowmarket.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class AccountIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    AccountManagement accounts;

    @Autowired
    AuditLog auditLog;

    WebSession registered(String email) {
        WebSession browser = new WebSession(port);
        browser.post("/signup", Map.of("displayName", "Riley", "email", email, "password", Fixtures.PASSWORD)).assertStatus(200);
        browser.get(Mailbox.link(Mailbox.awaitMail(email, "Confirm"), "/verify-email")).assertStatus(200);
        return browser;
    }

    @Test
    void signInFailureLooksTheSameForAnUnknownAddressAndAWrongPassword() {
        String email = Fixtures.uniqueEmail("known");
        registered(email);

        WebSession.Page wrongPassword = new WebSession(port).post("/login", Map.of("email", email, "password", "not-the-password"));
        WebSession.Page unknownAccount = new WebSession(port).post("/login", Map.of("email", Fixtures.uniqueEmail("ghost"), "password", "whatever-else"));

        assertThat(wrongPassword.status()).isEqualTo(302);
        assertThat(unknownAccount.status()).isEqualTo(302);
        assertThat(wrongPassword.location()).isEqualTo(unknownAccount.location()).isEqualTo("/login?error");
        assertThat(auditLog.latest(50)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("auth.sign-in-failed");
            assertThat(e.actorLabel()).isEqualTo(email);
        });
    }

    @Test
    void signingUpWithATakenAddressRevealsNothingAndWarnsTheOwnerByMail() {
        String email = Fixtures.uniqueEmail("taken");
        registered(email);

        WebSession.Page again = new WebSession(port).post("/signup", Map.of("displayName", "Impostor", "email", email.toUpperCase(),
                "password", Fixtures.PASSWORD));

        assertThat(again.assertStatus(200).body()).contains("Check your inbox");
        assertThat(Mailbox.awaitMail(email, "You already have a Flowmarket account")).isNotNull();
    }

    @Test
    void weakOrCommonPasswordsAreRefusedWithTheFormKept() {
        WebSession.Page page = new WebSession(port).post("/signup", Map.of("displayName", "Pat", "email", Fixtures.uniqueEmail("weak"),
                "password", "password123"));
        assertThat(page.assertStatus(200).body()).contains("among the most commonly used").contains("value=\"Pat\"");
    }

    @Test
    void signInRotatesTheSessionAndSignOutEndsItOnTheServer() {
        String email = Fixtures.uniqueEmail("session");
        WebSession browser = registered(email);
        String before = browser.sessionCookie();

        browser.signIn(email, Fixtures.PASSWORD);
        String signedIn = browser.sessionCookie();
        assertThat(signedIn).isNotNull().isNotEqualTo(before);
        assertThat(browser.get("/settings").assertStatus(200).body()).contains(email);
        assertThat(new WebSession(port).withSessionCookie(signedIn).get("/settings").status())
                .as("the cookie alone carries the session, so the replay check below means something").isEqualTo(200);

        browser.post("/logout", Map.of()).assertStatus(302);
        assertThat(browser.get("/settings").status()).isEqualTo(302);

        // replaying the old session cookie does not bring the session back
        WebSession replay = new WebSession(port).withSessionCookie(signedIn);
        assertThat(replay.get("/settings").status()).isEqualTo(302);
    }

    @Test
    void passwordResetLinksWorkOnceAndTheNewPasswordSignsIn() {
        String email = Fixtures.uniqueEmail("reset");
        registered(email);
        WebSession browser = new WebSession(port);

        assertThat(browser.post("/forgot-password", Map.of("email", email)).body()).contains("a reset link is on its way");
        assertThat(browser.post("/forgot-password", Map.of("email", Fixtures.uniqueEmail("nobody"))).body())
                .contains("a reset link is on its way");
        String link = Mailbox.link(Mailbox.awaitMail(email, "Reset your Flowmarket password"), "/reset-password");
        String token = link.substring(link.indexOf("token=") + 6);

        assertThat(browser.get(link).body()).contains("Choose a new password");
        assertThat(browser.post("/reset-password", Map.of("token", token, "password", "short")).body()).contains("at least 10 characters");
        String newPassword = "orchid-Saturn-ladder-44";
        assertThat(browser.post("/reset-password", Map.of("token", token, "password", newPassword)).location()).isEqualTo("/login");
        assertThat(browser.post("/reset-password", Map.of("token", token, "password", "another-Valid-pass-99")).body())
                .contains("unknown, already used or expired");

        new WebSession(port).signIn(email, newPassword);
        assertThat(new WebSession(port).post("/login", Map.of("email", email, "password", Fixtures.PASSWORD)).location())
                .isEqualTo("/login?error");
    }

    @Test
    void changingThePasswordNeedsTheCurrentOne() {
        String email = Fixtures.uniqueEmail("change");
        WebSession browser = registered(email).signIn(email, Fixtures.PASSWORD);
        browser.get("/settings");

        WebSession.Page refused = browser.post("/settings/password", Map.of("currentPassword", "wrong-one-entirely", "newPassword", "violet-Canyon-spoon-31"));
        assertThat(refused.assertStatus(200).body()).contains("current password is not correct");

        WebSession.Page changed = browser.post("/settings/password", Map.of("currentPassword", Fixtures.PASSWORD, "newPassword", "violet-Canyon-spoon-31"));
        assertThat(changed.assertStatus(302).location()).isEqualTo("/settings");
        new WebSession(port).signIn(email, "violet-Canyon-spoon-31");
    }

    @Test
    void anUnverifiedAccountCannotOpenAStore() {
        String email = Fixtures.uniqueEmail("unverified");
        WebSession browser = new WebSession(port);
        browser.post("/signup", Map.of("displayName", "Una", "email", email, "password", Fixtures.PASSWORD)).assertStatus(200);
        browser.signIn(email, Fixtures.PASSWORD);

        WebSession.Page page = browser.post("/stores/new", Map.of("name", "Una's store", "slug", Fixtures.uniqueSlug("una"), "bio", ""));
        assertThat(page.assertStatus(200).body()).contains("Confirm your e-mail address before opening a store");
        assertThat(browser.get("/").body()).contains("Please confirm your e-mail address");
    }

    @Test
    void formsRefuseRequestsWithoutTheCsrfToken() {
        String email = Fixtures.uniqueEmail("csrf");
        WebSession browser = registered(email).signIn(email, Fixtures.PASSWORD);

        WebSession.Page forged = browser.postWithoutCsrf("/settings/profile", Map.of("displayName", "Hacked"));

        assertThat(forged.status()).isEqualTo(403);
        assertThat(accounts.loadUserByUsername(email).displayName()).isEqualTo("Riley");
    }

    @Test
    void pagesForSignedInPeopleSendVisitorsToSignIn() {
        for (String path : new String[] {"/settings", "/seller/workflows", "/stores/new", "/seller/store"}) {
            WebSession.Page page = new WebSession(port).get(path);
            assertThat(page.status()).as(path).isEqualTo(302);
            assertThat(page.location()).as(path).endsWith("/login");
        }
    }
}
