package app.flowmarket.newsletter;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import app.flowmarket.audit.AuditLog;
import app.flowmarket.mail.Mail;
import app.flowmarket.mail.Recipient;
import app.flowmarket.mail.Mailer;
import app.flowmarket.shared.DomainException;
import app.flowmarket.shared.SiteSettings;
import app.flowmarket.shared.Tokens;
import app.flowmarket.shared.WebInput;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The newsletter's public API. Subscribing never says whether an address is already on the list;
 * at most three confirmation mails go to one address per day, so the form cannot be used to flood
 * someone's inbox.
 */
@Service
public class Newsletter {

    static final int MAX_CONFIRMATIONS_PER_DAY = 3;

    private final JdbcClient jdbc;
    private final Mailer mailer;
    private final AuditLog auditLog;
    private final SiteSettings site;

    Newsletter(JdbcClient jdbc, Mailer mailer, AuditLog auditLog, SiteSettings site) {
        this.jdbc = jdbc;
        this.mailer = mailer;
        this.auditLog = auditLog;
        this.site = site;
    }

    record Subscriber(UUID id, String email, String status, String confirmToken, String unsubscribeToken, int confirmMailsSent,
                      Timestamp lastMailAt) {
    }

    /** Starts (or restarts) a subscription: a confirmation link is mailed unless the address is already confirmed. */
    @Transactional
    public void subscribe(String rawEmail) {
        String email = rawEmail == null ? "" : rawEmail.strip();
        if (!WebInput.isEmail(email)) {
            throw new DomainException("account.email.invalid");
        }
        jdbc.sql("""
                insert into newsletter_subscriber (id, email, status, unsubscribe_token, created_at)
                values (?, ?, 'PENDING', ?, now()) on conflict ((lower(email))) do nothing""")
                .params(UUID.randomUUID(), email, Tokens.random()).update();
        Subscriber subscriber = jdbc.sql("select * from newsletter_subscriber where lower(email) = lower(?) for update")
                .param(email).query(Subscriber.class).single();
        if ("CONFIRMED".equals(subscriber.status())) {
            return;
        }
        boolean newDay = subscriber.lastMailAt() == null
                || subscriber.lastMailAt().toInstant().isBefore(Instant.now().minus(Duration.ofDays(1)));
        int sentToday = newDay ? 0 : subscriber.confirmMailsSent();
        if (sentToday >= MAX_CONFIRMATIONS_PER_DAY) {
            return;
        }
        // the same link in every reminder: an older mail's link keeps working until it is used
        String token = subscriber.confirmToken() != null ? subscriber.confirmToken() : Tokens.random();
        jdbc.sql("""
                update newsletter_subscriber set status = 'PENDING', confirm_token = ?, confirm_mails_sent = ?, last_mail_at = now()
                where id = ?""")
                .params(token, sentToday + 1, subscriber.id()).update();
        mailer.send(Mail.to(new Recipient(subscriber.email(), null, LocaleContextHolder.getLocale()))
                .subject("newsletter.mail.subject").greeting("newsletter.mail.greeting")
                .paragraph("newsletter.mail.body").paragraph("newsletter.mail.ignore")
                .action("newsletter.mail.action", "/newsletter/confirm?token=" + token));
    }

    /** Confirms from the mailed link. Returns the unsubscribe token, or empty for a bad or used link. */
    @Transactional
    public Optional<String> confirm(@Nullable String token) {
        if (token == null || token.length() != 43) {
            return Optional.empty();
        }
        return jdbc.sql("""
                update newsletter_subscriber set status = 'CONFIRMED', confirmed_at = now(), confirm_token = null, unsubscribed_at = null
                where confirm_token = ? returning unsubscribe_token""")
                .param(token).query(String.class).optional();
    }

    /** Unsubscribes the address behind the token; true when the token was known. */
    @Transactional
    public boolean unsubscribe(String unsubscribeToken) {
        if (unsubscribeToken == null || unsubscribeToken.length() != 43) {
            return false;
        }
        return jdbc.sql("""
                update newsletter_subscriber set status = 'UNSUBSCRIBED', unsubscribed_at = now(), confirm_token = null
                where unsubscribe_token = ?""")
                .param(unsubscribeToken).update() > 0;
    }

    public String unsubscribeUrl(String unsubscribeToken) {
        return site.url("/newsletter/unsubscribe?token=" + unsubscribeToken);
    }

    public record Counts(long confirmed, long pending, long unsubscribed) {
    }

    @Transactional(readOnly = true)
    public Counts counts() {
        return jdbc.sql("""
                select count(*) filter (where status = 'CONFIRMED') as confirmed, count(*) filter (where status = 'PENDING') as pending,
                       count(*) filter (where status = 'UNSUBSCRIBED') as unsubscribed from newsletter_subscriber""")
                .query(Counts.class).single();
    }

    public record ConfirmedSubscriber(String email, Instant confirmedAt) {
    }

    @Transactional(readOnly = true)
    public List<ConfirmedSubscriber> confirmed() {
        return jdbc.sql("select email, confirmed_at from newsletter_subscriber where status = 'CONFIRMED' order by confirmed_at")
                .query(ConfirmedSubscriber.class).list();
    }

    public void recordExport(UUID adminId, String adminEmail, int rows) {
        auditLog.record(adminId, adminEmail, "newsletter.exported", "newsletter", null, rows + " subscribers");
    }

}
