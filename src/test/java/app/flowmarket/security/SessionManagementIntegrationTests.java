package app.flowmarket.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.flowmarket.IntegrationTest;
import app.flowmarket.account.AccountManagement;
import app.flowmarket.support.Fixtures;
import app.flowmarket.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Settings → Security: a person sees their signed-in sessions and ends one, or all the others. */
@IntegrationTest
class SessionManagementIntegrationTests {

    static final String FIREFOX_LINUX = "Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0";
    static final String CHROME_ANDROID = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";
    static final Pattern HANDLE = Pattern.compile("name=\"session\" value=\"([0-9a-f]{32})\"");

    @LocalServerPort
    int port;

    @Autowired
    AccountManagement accounts;

    WebSession browser(String userAgent) {
        return new WebSession(port).from(LoginThrottleIntegrationTests.newAddress()).header("User-Agent", userAgent);
    }

    String account(String who) {
        String email = Fixtures.uniqueEmail(who);
        accounts.createVerified(email, Fixtures.PASSWORD, "Sam " + who);
        return email;
    }

    static String otherSessionHandle(String page) {
        Matcher matcher = HANDLE.matcher(page);
        assertThat(matcher.find()).as("a session to end in:\n%s", page).isTrue();
        return matcher.group(1);
    }

    @Test
    void listsEverySignedInBrowserWithItsDeviceAndMarksThisOne() {
        String email = account("lister");
        WebSession laptop = browser(FIREFOX_LINUX).signIn(email, Fixtures.PASSWORD);
        browser(CHROME_ANDROID).signIn(email, Fixtures.PASSWORD);

        String page = laptop.get("/settings/security").assertStatus(200).body();

        assertThat(page).contains("Firefox 132 · Linux", "Chrome 131 · Android", "This device");
        // the sign-in history has both sign-ins, the phone's as a new device
        assertThat(page).contains("Recent sign-ins", "New device");
        // the session id (the cookie's secret) is never written into the page
        assertThat(page).doesNotContain(laptop.sessionCookie());
    }

    @Test
    void anEndedSessionIsRejectedOnItsNextRequest() {
        String email = account("ender");
        WebSession laptop = browser(FIREFOX_LINUX).signIn(email, Fixtures.PASSWORD);
        WebSession phone = browser(CHROME_ANDROID).signIn(email, Fixtures.PASSWORD);
        assertThat(phone.get("/settings").status()).isEqualTo(200);

        String handle = otherSessionHandle(laptop.get("/settings/security").body());
        WebSession.Page ended = laptop.post("/settings/security/sessions/end", Map.of("session", handle)).assertStatus(302);

        String page = laptop.get(ended.location()).body();
        assertThat(page).contains("That session is signed out.");
        assertThat(HANDLE.matcher(page).find()).as("no other session left to end").isFalse();
        WebSession.Page refused = phone.get("/settings");
        assertThat(refused.status()).isEqualTo(302);
        assertThat(refused.location()).endsWith("/login");
        assertThat(laptop.get("/settings").status()).isEqualTo(200);
    }

    @Test
    void nobodyCanEndAnotherPersonsSessionByItsHandle() {
        String victim = account("victim");
        WebSession victimLaptop = browser(FIREFOX_LINUX).signIn(victim, Fixtures.PASSWORD);
        WebSession victimPhone = browser(CHROME_ANDROID).signIn(victim, Fixtures.PASSWORD);
        String victimHandle = otherSessionHandle(victimLaptop.get("/settings/security").body());
        WebSession attacker = browser(FIREFOX_LINUX).signIn(account("attacker"), Fixtures.PASSWORD);

        WebSession.Page answer = attacker.post("/settings/security/sessions/end", Map.of("session", victimHandle)).assertStatus(302);

        assertThat(attacker.get(answer.location()).body()).contains("That session had already ended.");
        assertThat(victimPhone.get("/settings").status()).isEqualTo(200);
    }

    @Test
    void signingOutEveryOtherSessionNeedsThePasswordAndKeepsThisOne() {
        String email = account("everywhere");
        WebSession laptop = browser(FIREFOX_LINUX).signIn(email, Fixtures.PASSWORD);
        WebSession phone = browser(CHROME_ANDROID).signIn(email, Fixtures.PASSWORD);
        WebSession tablet = browser(CHROME_ANDROID).signIn(email, Fixtures.PASSWORD);
        laptop.get("/settings/security");

        WebSession.Page wrong = laptop.post("/settings/security/sessions/end-others", Map.of("password", "not-the-password"));
        assertThat(wrong.status()).isEqualTo(200);
        assertThat(wrong.body()).contains("Your current password is not correct.").doesNotContain("not-the-password");
        assertThat(phone.get("/settings").status()).isEqualTo(200);

        laptop.post("/settings/security/sessions/end-others", Map.of("password", Fixtures.PASSWORD)).assertStatus(302);

        assertThat(phone.get("/settings").status()).isEqualTo(302);
        assertThat(tablet.get("/settings").status()).isEqualTo(302);
        assertThat(laptop.get("/settings/security").assertStatus(200).body()).contains("Every other session is signed out.");
    }

    @Test
    void theSecurityPageAndItsActionsNeedASignedInPerson() {
        WebSession visitor = new WebSession(port);
        assertThat(visitor.get("/settings/security").location()).contains("/login");
        assertThat(visitor.post("/settings/security/sessions/end-others", Map.of("password", "x")).location()).contains("/login");
        assertThat(visitor.postWithoutCsrf("/settings/security/sessions/end", Map.of("session", "x")).status()).isEqualTo(403);
    }
}
