package app.flowmarket.mail;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers queued mail. Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so several app nodes
 * can run this at once without sending a mail twice; a failed delivery is retried with exponential
 * backoff and given up after {@code maxAttempts}, with the last error kept.
 */
@Component
class MailDispatcher {

    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);

    private final JdbcClient jdbc;
    private final JavaMailSender sender;
    private final TransactionTemplate tx;
    private final MailSettings settings;

    MailDispatcher(JdbcClient jdbc, JavaMailSender sender, TransactionTemplate tx, MailSettings settings) {
        this.jdbc = jdbc;
        this.sender = sender;
        this.tx = tx;
        this.settings = settings;
    }

    @Scheduled(fixedDelayString = "${flowmarket.mail.poll-interval:1000}")
    void dispatchDue() {
        int sent;
        do {
            Integer count = tx.execute(status -> dispatchBatch());
            sent = count == null ? 0 : count;
        } while (sent == settings.batchSize());
    }

    private int dispatchBatch() {
        List<QueuedMail> due = jdbc.sql("""
                select id, recipient, subject, text_body, html_body, attempts, list_unsubscribe from mail_outbox
                where sent_at is null and failed_at is null and next_attempt_at <= now()
                order by next_attempt_at limit ? for update skip locked""")
                .param(settings.batchSize())
                .query(QueuedMail.class)
                .list();
        for (QueuedMail mail : due) {
            try {
                deliver(mail);
                jdbc.sql("update mail_outbox set sent_at = now(), attempts = attempts + 1, last_error = null where id = ?")
                        .param(mail.id()).update();
            } catch (Exception e) {
                int attempts = mail.attempts() + 1;
                String error = e.getClass().getSimpleName() + ": " + e.getMessage();
                if (attempts >= settings.maxAttempts()) {
                    log.warn("Giving up on mail {} after {} attempts: {}", mail.id(), attempts, error);
                    jdbc.sql("update mail_outbox set attempts = ?, failed_at = now(), last_error = ? where id = ?")
                            .params(attempts, truncate(error), mail.id()).update();
                } else {
                    Duration delay = settings.firstRetryDelay().multipliedBy(1L << Math.min(attempts - 1, 12));
                    log.info("Mail {} not delivered (attempt {}), retrying in {}: {}", mail.id(), attempts, delay, error);
                    jdbc.sql("update mail_outbox set attempts = ?, next_attempt_at = ?, last_error = ? where id = ?")
                            .params(attempts, Timestamp.from(Instant.now().plus(delay)), truncate(error), mail.id()).update();
                }
            }
        }
        return due.size();
    }

    private void deliver(QueuedMail mail) throws Exception {
        MimeMessage message = sender.createMimeMessage();
        boolean multipart = mail.htmlBody() != null;
        MimeMessageHelper helper = new MimeMessageHelper(message, multipart, "UTF-8");
        helper.setFrom(settings.from());
        helper.setTo(mail.recipient());
        helper.setSubject(mail.subject());
        if (multipart) {
            helper.setText(mail.textBody(), mail.htmlBody());
        } else {
            helper.setText(mail.textBody(), false);
        }
        if (mail.listUnsubscribe() != null) {
            message.setHeader("List-Unsubscribe", "<" + mail.listUnsubscribe() + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        sender.send(message);
    }

    private static String truncate(String value) {
        return value.length() <= 1000 ? value : value.substring(0, 1000);
    }

    record QueuedMail(UUID id, String recipient, String subject, String textBody, String htmlBody, int attempts,
                      String listUnsubscribe) {
    }
}
