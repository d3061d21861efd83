package app.flowmarket.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

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

@IntegrationTest
class NewsletterIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountManagement accounts;

    String confirmLink(MimeMessage mail) {
        return Mailbox.link(mail, "/newsletter/confirm");
    }

    @Test
    void doubleOptInConfirmUnsubscribeOneClickAndSubscribeAgain() throws Exception {
        String email = Fixtures.uniqueEmail("reader");
        WebSession visitor = new WebSession(port);
        visitor.get("/coming-soon");

        assertThat(visitor.post("/newsletter", Map.of("email", email)).body()).contains("check your inbox");
        assertThat(visitor.post("/newsletter", Map.of("email", email.toUpperCase())).body()).contains("check your inbox");
        assertThat(jdbc.sql("select count(*) from newsletter_subscriber where lower(email) = lower(?)").param(email).query(Long.class).single())
                .as("duplicate-safe").isEqualTo(1);
        assertThat(status(email)).isEqualTo("PENDING");

        MimeMessage confirmation = Mailbox.awaitMail(email, "Confirm your Flowmarket newsletter subscription");
        String confirmed = visitor.get(confirmLink(confirmation)).body();
        assertThat(confirmed).contains("You are subscribed");
        assertThat(status(email)).isEqualTo("CONFIRMED");

        String unsubscribeUrl = confirmed.replaceAll("(?s).*href=\"https?://[^/\"]+(/newsletter/unsubscribe\\?token=[A-Za-z0-9_-]{43})\".*", "$1");
        assertThat(unsubscribeUrl).startsWith("/newsletter/unsubscribe");
        assertThat(new WebSession(port).get(unsubscribeUrl).body()).as("a GET only asks").contains("Do you want to stop");
        assertThat(status(email)).isEqualTo("CONFIRMED");
        String token = unsubscribeUrl.substring(unsubscribeUrl.indexOf("token=") + 6);
        // the mail client's one-click POST: no session, no CSRF token
        assertThat(new WebSession(port).postWithoutCsrf("/newsletter/unsubscribe", Map.of("List-Unsubscribe", "One-Click", "token", token)).body())
                .contains("You are unsubscribed");
        assertThat(status(email)).isEqualTo("UNSUBSCRIBED");

        visitor.post("/newsletter", Map.of("email", email));
        await().atMost(Duration.ofSeconds(20)).until(() -> Mailbox.to(email).size() >= 3);
        assertThat(status(email)).isEqualTo("PENDING");
    }

    @Test
    void theFormCannotFloodAnInbox() {
        String email = Fixtures.uniqueEmail("victim");
        WebSession attacker = new WebSession(port);
        for (int i = 0; i < 6; i++) {
            attacker.post("/newsletter", Map.of("email", email)).assertStatus(200);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> Mailbox.to(email).size() >= Newsletter.MAX_CONFIRMATIONS_PER_DAY);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> true);
        assertThat(Mailbox.to(email)).hasSize(Newsletter.MAX_CONFIRMATIONS_PER_DAY);
    }

    @Test
    void badInputGetsAClearAnswer() {
        WebSession visitor = new WebSession(port);
        assertThat(visitor.post("/newsletter", Map.of("email", "not an email")).body()).contains("Enter a valid e-mail address");
        assertThat(visitor.post("/newsletter", Map.of("email", "<script>@x")).body()).doesNotContain("<script>@x");
        assertThat(visitor.get("/newsletter/confirm?token=nope").body()).contains("unknown or already used");
        assertThat(visitor.post("/newsletter/unsubscribe", Map.of("token", "x")).body()).contains("unknown or already used");
    }

    @Test
    void adminsSeeCountsAndExportTheConfirmedListAsCsv() {
        String email = Fixtures.uniqueEmail("exported");
        WebSession visitor = new WebSession(port);
        visitor.post("/newsletter", Map.of("email", email));
        visitor.get(confirmLink(Mailbox.awaitMail(email, "Confirm your Flowmarket newsletter")));
        String pending = "=cmd|' /C calc'!A0@evil.example";
        jdbc.sql("insert into newsletter_subscriber (id, email, status, unsubscribe_token, created_at, confirmed_at) values (gen_random_uuid(), ?, 'CONFIRMED', ?, now(), now())")
                .params(pending, Fixtures.uniqueSlug("t").repeat(3)).update();

        String adminEmail = Fixtures.uniqueEmail("admin");
        accounts.createVerified(adminEmail, Fixtures.PASSWORD, "Admin", "ADMIN");
        WebSession admin = new WebSession(port).signIn(adminEmail, Fixtures.PASSWORD);

        assertThat(admin.get("/admin/newsletter").body()).contains("Confirmed:");
        String csv = admin.get("/admin/newsletter/subscribers.csv").assertStatus(200).body();
        assertThat(csv).startsWith("email,confirmed_at").contains("\"" + email + "\"").contains("\"'=cmd");
        assertThat(new WebSession(port).get("/admin/newsletter/subscribers.csv").status()).isEqualTo(302);
    }

    String status(String email) {
        return jdbc.sql("select status from newsletter_subscriber where lower(email) = lower(?)").param(email).query(String.class).single();
    }
}
