package app.flowmarket.privacy;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import app.flowmarket.shared.NotFoundException;
import app.flowmarket.shared.AccountId;
import app.flowmarket.account.Person;
import app.flowmarket.account.AccountManagement;
import app.flowmarket.audit.AuditLog;
import app.flowmarket.mail.Mail;
import app.flowmarket.mail.Mailer;
import app.flowmarket.security.AccountSecurity;
import app.flowmarket.shared.DomainException;
import app.flowmarket.shared.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Delete my account": asked for with the password, it ends every session at once and waits
 * {@code flowmarket.privacy.deletion-grace}; signing in during that time offers to cancel it. Then
 * {@link DeletionJob} has every module erase or anonymise its part.
 */
@Service
public class AccountDeletions {

    private final JdbcClient jdbc;
    private final List<PersonalData> parts;
    private final AccountSecurity security;
    private final Mailer mailer;
    private final AuditLog audit;
    private final PrivacySettings settings;
    private final AccountManagement accounts;

    AccountDeletions(JdbcClient jdbc, List<PersonalData> parts, AccountSecurity security, Mailer mailer, AuditLog audit,
                     PrivacySettings settings, AccountManagement accounts) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.parts = parts.stream().sorted(Comparator.comparing(PersonalData::part)).toList();
        this.security = security;
        this.mailer = mailer;
        this.audit = audit;
        this.settings = settings;
    }

    /** What a deletion erases and what it keeps (message keys), for the page that asks to confirm. */
    public record Summary(List<String> erased, List<String> kept) {
    }

    public Summary summary() {
        return new Summary(parts.stream().flatMap(p -> p.erasedKeys().stream()).toList(),
                parts.stream().flatMap(p -> p.keptKeys().stream()).toList());
    }

    /** When the account's requested deletion will be carried out, if one is waiting. */
    @Transactional(readOnly = true)
    public Optional<Instant> pending(UUID accountId) {
        return jdbc.sql("select due_at from privacy_deletion where account_id = ? and status = 'PENDING'").param(accountId)
                .query(Instant.class).optional();
    }

    /**
     * Asks for the account's deletion after checking the password again; every session ends (the caller's too) and a
     * confirmation is mailed. Returns when it will be carried out.
     */
    @Transactional
    public Instant request(AccountId account, String password) {
        Person user = accounts.person(account).orElseThrow(() -> new NotFoundException("account"));
        if (!security.passwordMatches(user.email(), password)) {
            audit.record(user.id().value(), user.email(), "privacy.deletion-refused", "account", user.id().value(), null);
            throw new DomainException("password.current.wrong");
        }
        Instant due = Instant.now().plus(settings.deletionGrace());
        int requested = jdbc.sql("""
                insert into privacy_deletion (account_id, recipient, display_name, locale, status, requested_at, due_at, next_attempt_at)
                values (?, ?, ?, ?, 'PENDING', now(), ?, ?)
                on conflict (account_id) do update set status = 'PENDING', recipient = excluded.recipient,
                    display_name = excluded.display_name, locale = excluded.locale, requested_at = now(), due_at = excluded.due_at,
                    next_attempt_at = excluded.next_attempt_at, steps_done = '', attempts = 0, last_error = null
                where privacy_deletion.status = 'CANCELLED'""")
                .params(user.id().value(), user.email(), user.displayName(), user.locale().getLanguage(), DataExports.at(due), DataExports.at(due))
                .update();
        if (requested == 0) {
            return pending(user.id().value()).orElseThrow(() -> new DomainException("privacy.delete.already"));
        }
        audit.record(user.id().value(), user.email(), "privacy.deletion-requested", "account", user.id().value(), null);
        mailer.send(Mail.to(user.recipient())
                .subject("mail.deletion-requested.subject")
                .paragraph("mail.deletion-requested.body", settings.deletionGrace().toDays())
                .paragraph("mail.deletion-requested.cancel")
                .action("mail.deletion-requested.action", "/login?next=/settings/privacy"));
        app.flowmarket.shared.AfterCommit.run(() -> security.endAllSessions(user.email()));
        return due;
    }

    /** Cancels a waiting deletion; false when none is waiting (already carried out, or never asked for). */
    @Transactional
    public boolean cancel(AccountId account) {
        Person user = accounts.person(account).orElseThrow(() -> new NotFoundException("account"));
        boolean cancelled = jdbc.sql("update privacy_deletion set status = 'CANCELLED' where account_id = ? and status = 'PENDING'")
                .param(user.id().value()).update() > 0;
        if (cancelled) {
            audit.record(user.id().value(), user.email(), "privacy.deletion-cancelled", "account", user.id().value(), null);
            mailer.send(Mail.to(user.recipient())
                    .subject("mail.deletion-cancelled.subject").paragraph("mail.deletion-cancelled.body"));
        }
        return cancelled;
    }
}
