package app.flowmarket.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import app.flowmarket.IntegrationTest;
import app.flowmarket.platform.embedded.EmbeddedInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

@IntegrationTest
@TestPropertySource(properties = {"flowmarket.mail.max-attempts=3", "flowmarket.mail.first-retry-delay=PT0.2S"})
class MailGiveUpIntegrationTests {

    @Autowired
    Mailer mailer;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aMailThatCannotBeDeliveredIsGivenUpAfterTheLimitWithTheErrorKept() {
        String recipient = "unreachable-" + UUID.randomUUID() + "@example.test";
        EmbeddedInfrastructure.stopSmtp();
        try {
            mailer.send(Mail.to(new Recipient(recipient, "Hi", Locale.ENGLISH)).subject("mail.verify.subject").text("Never arrives"));
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from mail_outbox where recipient = ? and failed_at is not null")
                    .param(recipient).query(Long.class).single() == 1);
        } finally {
            EmbeddedInfrastructure.restartSmtp();
        }
        record Row(int attempts, String lastError) {
        }
        Row row = jdbc.sql("select attempts, last_error from mail_outbox where recipient = ?").param(recipient).query(Row.class).single();
        assertThat(row.attempts()).isEqualTo(3);
        assertThat(row.lastError()).isNotBlank();
    }
}
