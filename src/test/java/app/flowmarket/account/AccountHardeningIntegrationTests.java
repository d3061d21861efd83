package app.flowmarket.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import app.flowmarket.IntegrationTest;
import app.flowmarket.support.Fixtures;
import app.flowmarket.support.Mailbox;
import app.flowmarket.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Account defects found by probing the running app as an attacker would. */
@IntegrationTest
class AccountHardeningIntegrationTests {

    @LocalServerPort
    int port;

    WebSession registered(String email) {
        WebSession browser = new WebSession(port);
        browser.post("/signup", Map.of("displayName", "Riley", "email", email, "password", Fixtures.PASSWORD)).assertStatus(200);
        browser.get(Mailbox.link(Mailbox.awaitMail(email, "Confirm"), "/verify-email")).assertStatus(200);
        return new WebSession(port).signIn(email, Fixtures.PASSWORD);
    }

    @Test
    void noPageRenderedAfterAFormPostCopiesASubmittedSecretIntoTheHtml() {
        String email = Fixtures.uniqueEmail("secrets");
        WebSession browser = registered(email);
        String wrongCurrent = "Wrong-current-" + Fixtures.uniqueWord();
        String weakNew = "short" + Fixtures.uniqueWord().substring(0, 3);
        String resetSecret = "Reset-secret-" + Fixtures.uniqueWord();
        String signupSecret = "abc" + Fixtures.uniqueWord().substring(0, 4);

        List<WebSession.Page> pages = List.of(
                browser.post("/settings/password", Map.of("currentPassword", wrongCurrent, "newPassword", weakNew)),
                new WebSession(port).post("/reset-password", Map.of("token", "x".repeat(43), "password", resetSecret)),
                new WebSession(port).post("/signup", Map.of("displayName", "Sam", "email", Fixtures.uniqueEmail("s"), "password", signupSecret)));

        for (WebSession.Page page : pages) {
            assertThat(page.body()).doesNotContain(wrongCurrent, weakNew, resetSecret, signupSecret, "password=", "Password=");
            assertThat(page.location() == null ? "" : page.location()).doesNotContain(wrongCurrent, weakNew, resetSecret, signupSecret);
        }
        // the failed password change still offers the language links, built from the page's own URL
        assertThat(pages.get(0).body()).contains("href=\"/settings/password?lang=fr\"");
    }

    @Test
    void changingThePasswordEndsEveryOtherSessionButKeepsTheOneThatChangedIt() {
        String email = Fixtures.uniqueEmail("sessions");
        WebSession laptop = registered(email);
        WebSession stolen = new WebSession(port).signIn(email, Fixtures.PASSWORD);
        assertThat(stolen.get("/settings").status()).isEqualTo(200);

        String newPassword = "orchid-Granite-lantern-47";
        laptop.post("/settings/password", Map.of("currentPassword", Fixtures.PASSWORD, "newPassword", newPassword)).assertStatus(302);

        assertThat(laptop.get("/settings").status()).isEqualTo(200);
        assertThat(stolen.get("/settings").status()).isEqualTo(302);
        assertThat(stolen.get("/settings").location()).endsWith("/login");
    }

    @Test
    void resettingThePasswordFromTheMailedLinkEndsEverySession() {
        String email = Fixtures.uniqueEmail("reset-sessions");
        WebSession one = registered(email);
        WebSession two = new WebSession(port).signIn(email, Fixtures.PASSWORD);

        new WebSession(port).post("/forgot-password", Map.of("email", email)).assertStatus(200);
        String link = Mailbox.link(Mailbox.awaitMail(email, "Reset"), "/reset-password");
        String token = link.substring(link.indexOf("token=") + 6);
        new WebSession(port).post("/reset-password", Map.of("token", token, "password", "orchid-Granite-lantern-48")).assertStatus(302);

        assertThat(one.get("/settings").status()).isEqualTo(302);
        assertThat(two.get("/settings").status()).isEqualTo(302);
        new WebSession(port).signIn(email, "orchid-Granite-lantern-48");
    }

    @Test
    void signUpDoesTheSameWorkAndAnswersTheSameForATakenAndAFreeAddress() {
        String taken = Fixtures.uniqueEmail("taken");
        registered(taken);
        String free = Fixtures.uniqueEmail("free");
        int takenMailsBefore = Mailbox.to(taken).size();

        WebSession.Page forTaken = new WebSession(port).post("/signup", Map.of("displayName", "Riley", "email", taken, "password", Fixtures.PASSWORD));
        WebSession.Page forFree = new WebSession(port).post("/signup", Map.of("displayName", "Riley", "email", free, "password", Fixtures.PASSWORD));

        assertThat(forTaken.status()).isEqualTo(forFree.status()).isEqualTo(200);
        assertThat(strip(forTaken.body()).replace(taken, "ADDRESS")).isEqualTo(strip(forFree.body()).replace(free, "ADDRESS"));
        // one mail queued on each path
        Mailbox.awaitMail(free, "Confirm");
        org.awaitility.Awaitility.await().until(() -> Mailbox.to(taken).size() == takenMailsBefore + 1);
    }

    @Test
    void forgotPasswordMailsAnUnknownAddressTooAndAnswersTheSame() {
        String known = Fixtures.uniqueEmail("known");
        registered(known);
        String unknown = Fixtures.uniqueEmail("unknown");

        WebSession.Page forKnown = new WebSession(port).post("/forgot-password", Map.of("email", known));
        WebSession.Page forUnknown = new WebSession(port).post("/forgot-password", Map.of("email", unknown));

        assertThat(strip(forKnown.body())).isEqualTo(strip(forUnknown.body()));
        Mailbox.awaitMail(known, "Reset your Flowmarket password");
        assertThat(Mailbox.body(Mailbox.awaitMail(unknown, "Password reset on Flowmarket"))).contains("no Flowmarket account uses it");
    }

    @Test
    void typingErrorAsAnAddressIsANotFoundPageNotAServerError() {
        assertThat(new WebSession(port).get("/error").status()).isEqualTo(404);
    }

    @Test
    void theDevelopmentMailboxAnswersOnlyRequestsMadeOnThisMachine() {
        WebSession.Page local = new WebSession(port).get("/dev/mailbox").assertStatus(200);
        assertThat(local.body()).contains("Development mailbox");

        // the same request relayed by a proxy on this machine for a client elsewhere
        WebSession.Page remote = new WebSession(port).getWithHeaders("/dev/mailbox", Map.of("X-Forwarded-For", "203.0.113.7"));
        assertThat(remote.status()).isEqualTo(403);
        assertThat(remote.body()).contains("answers only requests made on the machine").doesNotContain("reset-password?token");
    }

    /** Pages differ only in their per-request CSRF token. */
    private static String strip(String body) {
        return body.replaceAll("[A-Za-z0-9_-]{40,}", "TOKEN");
    }
}
