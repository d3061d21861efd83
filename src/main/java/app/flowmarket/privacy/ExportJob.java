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
import app.flowmarket.storage.FileJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds queued exports, claimed, leased for {@code flowmarket.privacy.lease}, tried again and expired as {@link FileJobs}
 * does. Parts done are written as it goes, so the page shows progress; the person is told by mail when it is ready.
 */
@Component
class ExportJob {

    private static final Logger log = LoggerFactory.getLogger(ExportJob.class);

    private final JdbcClient jdbc;
    private final FileJobs jobs;
    private final List<PersonalData> parts;
    private final BlobStore blobs;
    private final Mailer mailer;
    private final PrivacySettings settings;

    ExportJob(JdbcClient jdbc, TransactionTemplate tx, List<PersonalData> parts, BlobStore blobs, Mailer mailer, PrivacySettings settings) {
        this.jdbc = jdbc;
        this.jobs = new FileJobs(jdbc, tx, blobs, "privacy_export");
        this.parts = parts.stream().sorted(Comparator.comparing(PersonalData::part)).toList();
        this.blobs = blobs;
        this.mailer = mailer;
        this.settings = settings;
    }

    private record Claimed(UUID id, UUID accountId, String recipient, String displayName, String locale, int attempts) implements FileJobs.Job {
    }

    @Scheduled(fixedDelayString = "${flowmarket.privacy.poll-interval:PT2S}")
    void runDue() {
        for (Optional<Claimed> job = claim(); job.isPresent(); job = claim()) {
            build(job.get());
        }
        jobs.expire();
    }

    private Optional<Claimed> claim() {
        return jobs.claim("id, account_id, recipient, display_name, locale, attempts", Claimed.class, settings.lease(), job -> jdbc.sql(
                "update privacy_export set parts_done = 0, parts_total = ? where id = ?").params(parts.size(), job.id()).update());
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
            byte[] zip = archive.finish(job.displayName(), Instant.now());
            jobs.ready(job.id(), blobs.put("exports", zip), zip.length, settings.exportLifetime(),
                    () -> mailer.send(Mail.to(new Recipient(job.recipient(), job.displayName(), Locale.forLanguageTag(job.locale())))
                            .subject("mail.export.subject")
                            .paragraph("mail.export.body", settings.exportLifetime().toDays())
                            .paragraph("mail.export.sign-in")
                            .action("mail.export.action", "/settings/privacy")
                            .once("export-ready:" + job.id())));
            log.info("Data export built ({} parts)", parts.size());
        } catch (IOException | RuntimeException e) {
            log.warn("Data export failed (attempt {}): {}", job.attempts() + 1, e.toString());
            jobs.failed(job, settings.maxAttempts(), e);
        }
    }
}
