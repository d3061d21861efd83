package app.flowmarket.privacy;

import java.io.IOException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import app.flowmarket.mail.Mail;
import app.flowmarket.mail.Mailer;
import app.flowmarket.mail.Recipient;
import app.flowmarket.shared.AccountId;
import app.flowmarket.shared.PersonalData;
import app.flowmarket.storage.BlobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds queued exports. A job is claimed with {@code FOR UPDATE SKIP LOCKED} and leased for
 * {@code flowmarket.privacy.lease}: if its node dies, another node builds it again once the lease is over. Parts
 * done are written as it goes, so the page shows progress. Expired files are deleted here too.
 */
@Component
class ExportJob {

    private static final Logger log = LoggerFactory.getLogger(ExportJob.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final List<PersonalData> parts;
    private final BlobStore blobs;
    private final Mailer mailer;
    private final PrivacySettings settings;

    ExportJob(JdbcClient jdbc, TransactionTemplate tx, List<PersonalData> parts, BlobStore blobs, Mailer mailer, PrivacySettings settings) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.parts = parts.stream().sorted(Comparator.comparing(PersonalData::part)).toList();
        this.blobs = blobs;
        this.mailer = mailer;
        this.settings = settings;
    }

    private record Claimed(UUID id, UUID accountId, String recipient, String displayName, String locale, int attempts) {
    }

    @Scheduled(fixedDelayString = "${flowmarket.privacy.poll-interval:PT2S}")
    void runDue() {
        for (Optional<Claimed> job = claim(); job.isPresent(); job = claim()) {
            build(job.get());
        }
        expire();
    }

    private Optional<Claimed> claim() {
        return tx.execute(status -> {
            Optional<Claimed> due = jdbc.sql("""
                    select id, account_id, recipient, display_name, locale, attempts from privacy_export
                    where status in ('QUEUED', 'RUNNING') and next_attempt_at <= now()
                    order by next_attempt_at limit 1 for update skip locked""").query(Claimed.class).optional();
            due.ifPresent(job -> jdbc.sql("""
                    update privacy_export set status = 'RUNNING', attempts = attempts + 1, parts_done = 0, parts_total = ?,
                        next_attempt_at = ? where id = ?""")
                    .params(parts.size(), DataExports.at(Instant.now().plus(settings.lease())), job.id()).update());
            return due;
        });
    }

    private void build(Claimed job) {
        PersonalData.Subject subject = new PersonalData.Subject(AccountId.of(job.accountId()), job.recipient(), job.displayName());
        try (ExportArchive archive = new ExportArchive()) {
            int done = 0;
            for (PersonalData part : parts) {
                archive.startPart(part.part());
                part.export(subject, archive);
                jdbc.sql("update privacy_export set parts_done = ? where id = ?").params(++done, job.id()).update();
            }
            Instant now = Instant.now();
            byte[] zip = archive.finish(job.displayName(), now);
            String key = blobs.put("exports", zip);
            Instant expires = now.plus(settings.exportLifetime());
            boolean stored = Boolean.TRUE.equals(tx.execute(status -> {
                int updated = jdbc.sql("""
                        update privacy_export set status = 'READY', blob_key = ?, size_bytes = ?, ready_at = ?, expires_at = ?, last_error = null
                        where id = ? and status = 'RUNNING'""")
                        .params(key, (long) zip.length, DataExports.at(now), DataExports.at(expires), job.id()).update();
                if (updated > 0) {
                    mailer.send(Mail.to(new Recipient(job.recipient(), job.displayName(), Locale.forLanguageTag(job.locale())))
                            .subject("mail.export.subject")
                            .paragraph("mail.export.body", settings.exportLifetime().toDays())
                            .paragraph("mail.export.sign-in")
                            .action("mail.export.action", "/settings/privacy")
                            .once("export-ready:" + job.id()));
                }
                return updated > 0;
            }));
            if (!stored) {
                // the job was taken over or the account deleted meanwhile: this copy is not wanted
                blobs.delete(key);
            }
            log.info("Data export built ({} parts)", parts.size());
        } catch (IOException | RuntimeException e) {
            log.warn("Data export failed (attempt {}): {}", job.attempts() + 1, e.toString());
            boolean last = job.attempts() + 1 >= settings.maxAttempts();
            jdbc.sql("update privacy_export set status = ?, next_attempt_at = ?, last_error = ? where id = ? and status = 'RUNNING'")
                    .params(last ? "FAILED" : "QUEUED", DataExports.at(Instant.now().plusSeconds(30L << Math.min(job.attempts(), 8))),
                            String.valueOf(e).substring(0, Math.min(1000, String.valueOf(e).length())), job.id())
                    .update();
        }
    }

    /** Links that expired lose their file. */
    private void expire() {
        List<String> keys = tx.execute(status -> {
            List<String> expired = jdbc.sql("""
                    select blob_key from privacy_export where status = 'READY' and expires_at <= now() and blob_key is not null
                    for update skip locked""").query(String.class).list();
            jdbc.sql("update privacy_export set status = 'EXPIRED', blob_key = null where blob_key = any(?)")
                    .param(expired.toArray(String[]::new)).update();
            return expired;
        });
        if (keys != null) {
            keys.forEach(blobs::delete);
        }
    }
}
