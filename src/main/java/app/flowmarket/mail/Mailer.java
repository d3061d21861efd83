package app.flowmarket.mail;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way to send mail. A mail is queued in the caller's transaction (so it goes out if and
 * only if the action that caused it commits) and delivered by {@link MailDispatcher}.
 */
@Service
public class Mailer {

    private final JdbcClient jdbc;

    Mailer(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public UUID send(String recipient, String subject, String textBody, String htmlBody) {
        return send(recipient, subject, textBody, htmlBody, null);
    }

    /** Queues a mail; a non-null unsubscribe URL becomes List-Unsubscribe (one-click, RFC 8058) headers. */
    @Transactional
    public UUID send(String recipient, String subject, String textBody, String htmlBody, String unsubscribeUrl) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                insert into mail_outbox (id, recipient, subject, text_body, html_body, created_at, next_attempt_at, list_unsubscribe)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, singleLine(recipient), singleLine(subject), textBody, htmlBody, now, now,
                        unsubscribeUrl == null ? null : singleLine(unsubscribeUrl))
                .update();
        return id;
    }

    @Transactional
    public UUID send(Email email) {
        return send(email.recipient(), email.subject(), email.text(), email.html(), email.unsubscribeUrl());
    }

    /**
     * Queues a mail unless one was already queued under this key: for listeners that may see the
     * same event twice (events are delivered at least once). Returns whether this call queued it.
     */
    @Transactional
    public boolean sendOnce(String key, Email email) {
        Timestamp now = Timestamp.from(Instant.now());
        return jdbc.sql("""
                insert into mail_outbox (id, recipient, subject, text_body, html_body, created_at, next_attempt_at, list_unsubscribe, dedupe_key)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (dedupe_key) where dedupe_key is not null do nothing""")
                .params(UUID.randomUUID(), singleLine(email.recipient()), singleLine(email.subject()), email.text(), email.html(), now, now,
                        email.unsubscribeUrl() == null ? null : singleLine(email.unsubscribeUrl()), key)
                .update() > 0;
    }

    /** Header values never carry line breaks: that is how header injection starts. */
    static String singleLine(String value) {
        return value.replaceAll("[\\r\\n\\u0085\\u2028\\u2029]+", " ").strip();
    }
}
