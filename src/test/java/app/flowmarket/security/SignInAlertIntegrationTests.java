package app.flowmarket.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import org.springframework.jdbc.core.simple.JdbcClient;

/** A sign-in from a device or place the account has not used before is alerted once, by mail and in the app. */
@IntegrationTest
class SignInAlertIntegrationTests {

    static final String SUBJECT = "New sign-in to your Flowmarket account";
    static final Pattern NOT_ME = Pattern.compile("https?://[^/\\s]+(/security/not-me\\?token=([A-Za-z0-9_-]{43}))");

    @LocalServerPort
    int port;

    @Autowired
    AccountManagement accounts;

    @Autowired
    JdbcClient jdbc;

    String account(String who) {
        String email = Fixtures.uniqueEmail(who);
        accounts.createVerified(email, Fixtures.PASSWORD, "Alex " + who);
        return email;
    }

    /** Alerts queued for the address: the outbox row is written with the sign-in, so no waiting is needed. */
    long alerts(String email) {
        return jdbc.sql("select count(*) from mail_outbox where recipient = ? and subject = ?").params(email, SUBJECT)
                .query(Long.class).single();
    }

    WebSession browserAt(String address) {
        return new WebSession(port).from(address).header("User-Agent", SessionManagementIntegrationTests.FIREFOX_LINUX);
    }

    @Test
    void sendsOneAlertPerNewDeviceAndNoneForAKnownOne() {
        String email = account("devices");
        String home = LoginThrottleIntegrationTests.newAddress();
        WebSession laptop = browserAt(home).signIn(email, Fixtures.PASSWORD);
        assertThat(alerts(email)).as("the very first sign-in has nothing to compare with").isZero();

        // the same browser, from the same address, signs in again: nothing new
        laptop.signIn(email, Fixtures.PASSWORD);
        assertThat(alerts(email)).isZero();

        // another browser at the same address is a new device
        WebSession other = browserAt(home).signIn(email, Fixtures.PASSWORD);
        assertThat(alerts(email)).isEqualTo(1);
        other.signIn(email, Fixtures.PASSWORD);
        assertThat(alerts(email)).isEqualTo(1);

        String mail = Mailbox.body(Mailbox.awaitMail(email, SUBJECT));
        assertThat(mail).contains("a device it has not been used on before", "Firefox 132 · Linux", home, "This wasn");
    }

    @Test
    void aKnownBrowserFromANewPlaceIsAlertedOnce() {
        String email = account("places");
        WebSession laptop = browserAt(LoginThrottleIntegrationTests.newAddress()).signIn(email, Fixtures.PASSWORD);
        String travelling = LoginThrottleIntegrationTests.newAddress();
        laptop.header("X-Forwarded-For", travelling);

        laptop.signIn(email, Fixtures.PASSWORD);
        laptop.signIn(email, Fixtures.PASSWORD);

        assertThat(alerts(email)).isEqualTo(1);
        assertThat(Mailbox.body(Mailbox.awaitMail(email, SUBJECT))).contains("a place it has not been used from before", travelling);
        String page = laptop.get("/settings/security").body();
        assertThat(page).contains("New place", travelling);
    }

    @Test
    void theAlertShowsInTheAppToo() {
        String email = account("in-app");
        browserAt(LoginThrottleIntegrationTests.newAddress()).signIn(email, Fixtures.PASSWORD);
        String elsewhere = LoginThrottleIntegrationTests.newAddress();
        WebSession intruder = browserAt(elsewhere).signIn(email, Fixtures.PASSWORD);

        await().untilAsserted(() -> assertThat(intruder.get("/notifications").body())
                .contains("Security alert: Firefox 132 · Linux", elsewhere));
    }

    @Test
    void thisWasntMeEndsEverySessionAndMailsAPasswordReset() {
        String email = account("not-me");
        WebSession owner = browserAt(LoginThrottleIntegrationTests.newAddress()).signIn(email, Fixtures.PASSWORD);
        WebSession intruder = browserAt(LoginThrottleIntegrationTests.newAddress()).signIn(email, Fixtures.PASSWORD);
        MimeMessage alert = Mailbox.awaitMail(email, SUBJECT);
        Matcher link = NOT_ME.matcher(Mailbox.body(alert));
        assertThat(link.find()).isTrue();

        // opening the link (as a mail scanner would) changes nothing
        WebSession reader = new WebSession(port);
        assertThat(reader.get(link.group(1)).assertStatus(200).body()).contains("Sign out everywhere and reset my password");
        assertThat(intruder.get("/settings").status()).isEqualTo(200);

        assertThat(reader.post("/security/not-me", Map.of("token", link.group(2))).assertStatus(200).body())
                .contains("Check your e-mail for the link to choose a new password.");

        await().untilAsserted(() -> {
            assertThat(intruder.get("/settings").status()).isEqualTo(302);
            assertThat(owner.get("/settings").status()).isEqualTo(302);
        });
        Mailbox.awaitMail(email, "Reset your Flowmarket password");
        // the link works once
        assertThat(reader.post("/security/not-me", Map.of("token", link.group(2))).body()).contains("This link has been used or has expired.");
        assertThat(new WebSession(port).get("/security/not-me?token=" + "x".repeat(43)).assertStatus(200).body())
                .contains("This link has been used or has expired.");
    }
}
