package app.flowmarket.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import app.flowmarket.IntegrationTest;
import app.flowmarket.platform.embedded.EmbeddedInfrastructure;
import app.flowmarket.support.Mailbox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class MailOutageIntegrationTests {

    @Autowired
    Mailer mailer;

    @Autowired
    JdbcClient jdbc;

    @Test
    void mailQueuedDuringAnSmtpOutageIsDeliveredOnceWhenTheServerIsBack() {
        String recipient = "outage-" + UUID.randomUUID() + "@example.test";
        EmbeddedInfrastructure.stopSmtp();
        try {
            for (int i = 0; i < 3; i++) {
                mailer.send(Mail.to(new Recipient(recipient, "Queued " + i, Locale.ENGLISH)).subject("mail.verify.subject").text("Sent while SMTP was down."));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                    "select count(*) from mail_outbox where recipient = ? and attempts > 0 and sent_at is null").param(recipient)
                    .query(Long.class).single() == 3);
        } finally {
            EmbeddedInfrastructure.restartSmtp();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> Mailbox.to(recipient).size() == 3);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(Mailbox.to(recipient)).hasSize(3);
        assertThat(jdbc.sql("select count(*) from mail_outbox where recipient = ? and sent_at is not null and last_error is null")
                .param(recipient).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void headersCannotBeInjectedThroughSubjectsOrAddresses() throws Exception {
        String recipient = "victim-" + UUID.randomUUID() + "@example.test";
        // a name a person typed (a saved search's) ends up in a subject
        mailer.send(Mail.to(new Recipient(recipient + "\r\nBcc: thief@example.test", "Hi", Locale.ENGLISH))
                .subject("mail.saved-search.instant.subject", "Hello\r\nBcc: thief@example.test").text("x"));

        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from mail_outbox where recipient like ? and (sent_at is not null or failed_at is not null or attempts > 0)")
                .param(recipient + "%").query(Long.class).single() == 1);
        assertThat(Mailbox.to("thief@example.test")).isEmpty();
        String subject = jdbc.sql("select subject from mail_outbox where recipient like ?").param(recipient + "%").query(String.class).single();
        assertThat(subject).doesNotContain("\r").doesNotContain("\n");
    }
}
