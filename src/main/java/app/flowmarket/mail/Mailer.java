package app.flowmarket.mail;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import app.flowmarket.shared.Money;
import app.flowmarket.shared.SiteSettings;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.jspecify.annotations.Nullable;

/**
 * The one way to send mail. A mail is queued in the caller's transaction (so it goes out if and
 * only if the action that caused it commits) and delivered by {@link MailDispatcher}.
 */
@Service
public class Mailer {

    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final SiteSettings site;

    Mailer(JdbcClient jdbc, MessageSource messages, SiteSettings site) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.site = site;
    }

    /**
     * Writes the mail in its recipient's language and queues it (see {@link Mail}). Returns false when a
     * mail with the same {@link Mail#once(String) key} was queued before (a redelivered event).
     */
    @Transactional
    public boolean send(Mail mail) {
        return queue(render(mail), mail.onceKey());
    }

    private Email render(Mail mail) {
        Locale locale = mail.recipient().locale();
        String greeting = mail.greeting() != null ? resolve(mail.greeting(), locale)
                : mail.recipient().name() == null || mail.recipient().name().isBlank() ? messages.getMessage("mail.greeting.anonymous", null, locale)
                : messages.getMessage("mail.greeting", new Object[] {mail.recipient().name()}, locale);
        List<String> paragraphs = mail.paragraphs().stream().map(part -> resolve(part, locale)).toList();
        Mail.Part subject = java.util.Objects.requireNonNull(mail.subject(), "a mail needs a subject");
        return new Email(mail.recipient().email(), resolve(subject, locale), greeting, paragraphs,
                mail.actionLabel() == null ? null : resolve(mail.actionLabel(), locale),
                mail.actionPath() == null ? null : site.url(mail.actionPath()),
                messages.getMessage(mail.footerKey(), null, locale),
                mail.unsubscribePath() == null ? null : site.url(mail.unsubscribePath()),
                messages.getMessage("mail.unsubscribe", null, locale));
    }

    private String resolve(Mail.Part part, Locale locale) {
        if (part.key() == null) {
            return part.text() == null ? "" : part.text();
        }
        // amounts are written the reader's way ("12,50 €" in French), never as "12.50 EUR"
        Object[] args = java.util.Arrays.stream(part.args()).map(arg -> arg instanceof Money money ? money.format(locale) : arg).toArray();
        return messages.getMessage(part.key(), args, locale);
    }

    /**
     * Forgets the mails sent to an address (an account being deleted): delivered and abandoned ones are deleted at
     * once; returns how many are still waiting to go out, to be forgotten once sent.
     */
    @Transactional
    public int forget(String recipient) {
        jdbc.sql("delete from mail_outbox where lower(recipient) = lower(?) and (sent_at is not null or failed_at is not null)")
                .param(singleLine(recipient)).update();
        return jdbc.sql("select count(*) from mail_outbox where lower(recipient) = lower(?)").param(singleLine(recipient))
                .query(Integer.class).single();
    }

    /**
     * Forgets delivered mails to other people that name someone being deleted ("Quinn followed your store"): the
     * recipients have them, the outbox need not keep the name. Names shorter than three characters are left alone.
     */
    @Transactional
    public int forgetMentions(String text) {
        if (text.strip().length() < 3) {
            return 0;
        }
        return jdbc.sql("""
                delete from mail_outbox where (sent_at is not null or failed_at is not null)
                  and (position(lower(?) in lower(text_body)) > 0 or position(lower(?) in lower(coalesce(html_body, ''))) > 0
                       or position(lower(?) in lower(subject)) > 0)""")
                .params(text.strip(), text.strip(), text.strip()).update();
    }

    /** A non-null unsubscribe URL becomes List-Unsubscribe (one-click, RFC 8058) headers. */
    private boolean queue(Email email, @Nullable String dedupeKey) {
        Timestamp now = Timestamp.from(Instant.now());
        return jdbc.sql("""
                insert into mail_outbox (id, recipient, subject, text_body, html_body, created_at, next_attempt_at, list_unsubscribe, dedupe_key)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (dedupe_key) where dedupe_key is not null do nothing""")
                .params(java.util.Arrays.asList(UUID.randomUUID(), singleLine(email.recipient()), singleLine(email.subject()), email.text(),
                        email.html(), now, now, email.unsubscribeUrl() == null ? null : singleLine(email.unsubscribeUrl()), dedupeKey))
                .update() > 0;
    }

    /** Header values never carry line breaks: that is how header injection starts. */
    static String singleLine(String value) {
        return value.replaceAll("[\\r\\n\\u0085\\u2028\\u2029]+", " ").strip();
    }
}
