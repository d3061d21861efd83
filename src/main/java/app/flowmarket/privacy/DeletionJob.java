package app.flowmarket.privacy;

import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import app.flowmarket.mail.Mail;
import app.flowmarket.mail.Mailer;
import app.flowmarket.mail.Recipient;
import app.flowmarket.shared.AccountId;
import app.flowmarket.shared.PersonalData;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Carries out deletions whose grace period is over. Each module's part is erased in its own transaction and
 * recorded as done, so a job that crashed resumes with the parts not yet done (each part's erasure may run twice
 * safely). Then the confirmation is mailed, and once it has gone out the outbox forgets it and the job forgets the
 * address: nothing identifying the person is left.
 */
@Component
class DeletionJob {

    private static final Logger log = LoggerFactory.getLogger(DeletionJob.class);
    private static final String MAILED = "confirmation-mailed";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final List<PersonalData> parts;
    private final Mailer mailer;
    private final PrivacySettings settings;

    DeletionJob(JdbcClient jdbc, TransactionTemplate tx, List<PersonalData> parts, Mailer mailer, PrivacySettings settings) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.parts = parts.stream().sorted(Comparator.comparingInt(PersonalData::erasureOrder).thenComparing(PersonalData::part)).toList();
        this.mailer = mailer;
        this.settings = settings;
    }

    private record Claimed(UUID accountId, @Nullable String recipient, @Nullable String displayName, String locale, String stepsDone,
                           int attempts) {
    }

    @Scheduled(fixedDelayString = "${flowmarket.privacy.poll-interval:PT2S}")
    void runDue() {
        for (Optional<Claimed> job = claim(); job.isPresent(); job = claim()) {
            carryOut(job.get());
        }
    }

    private Optional<Claimed> claim() {
        Optional<Claimed> claimed = tx.execute(status -> {
            Optional<Claimed> due = jdbc.sql("""
                    select account_id, recipient, display_name, locale, steps_done, attempts from privacy_deletion
                    where status in ('PENDING', 'ERASING') and due_at <= now() and next_attempt_at <= now()
                    order by next_attempt_at limit 1 for update skip locked""").query(Claimed.class).optional();
            due.ifPresent(job -> jdbc.sql("""
                    update privacy_deletion set status = 'ERASING', attempts = attempts + 1, next_attempt_at = ? where account_id = ?""")
                    .params(DataExports.at(Instant.now().plus(settings.lease())), job.accountId()).update());
            return due;
        });
        return claimed == null ? Optional.empty() : claimed;
    }

    private void carryOut(Claimed job) {
        Set<String> done = new HashSet<>(Arrays.asList(job.stepsDone().split(",")));
        try {
            String recipient = job.recipient();
            String displayName = job.displayName();
            if (recipient != null && displayName != null) {
                PersonalData.Subject subject = new PersonalData.Subject(AccountId.of(job.accountId()), recipient, displayName);
                for (PersonalData part : parts) {
                    if (!done.contains(part.part())) {
                        tx.executeWithoutResult(status -> {
                            part.erase(subject);
                            step(job.accountId(), part.part());
                        });
                        done.add(part.part());
                    }
                }
                if (!done.contains(MAILED)) {
                    tx.executeWithoutResult(status -> {
                        mailer.send(Mail.to(new Recipient(recipient, displayName, Locale.forLanguageTag(job.locale())))
                                .subject("mail.deleted.subject").paragraph("mail.deleted.body").paragraph("mail.deleted.kept")
                                .once("account-deleted:" + job.accountId()));
                        step(job.accountId(), MAILED);
                    });
                }
                // the confirmation is the last trace of the address: forgotten once it has gone out
                if (mailer.forget(recipient) > 0) {
                    jdbc.sql("update privacy_deletion set next_attempt_at = ? where account_id = ?")
                            .params(DataExports.at(Instant.now().plusSeconds(5)), job.accountId()).update();
                    return;
                }
            }
            jdbc.sql("""
                    update privacy_deletion set status = 'DONE', recipient = null, display_name = null, completed_at = now(), last_error = null
                    where account_id = ?""").param(job.accountId()).update();
            log.info("An account was deleted ({} parts)", parts.size());
        } catch (RuntimeException e) {
            log.warn("Account deletion stopped (attempt {}), to be resumed: {}", job.attempts() + 1, e.toString());
            String error = String.valueOf(e);
            jdbc.sql("update privacy_deletion set next_attempt_at = ?, last_error = ? where account_id = ?")
                    .params(DataExports.at(Instant.now().plusSeconds(30L << Math.min(job.attempts(), 8))),
                            error.substring(0, Math.min(1000, error.length())), job.accountId())
                    .update();
        }
    }

    private void step(UUID accountId, String step) {
        jdbc.sql("update privacy_deletion set steps_done = steps_done || ? where account_id = ?").params(step + ",", accountId).update();
    }
}
