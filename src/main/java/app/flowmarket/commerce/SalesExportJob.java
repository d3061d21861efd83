package app.flowmarket.commerce;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import app.flowmarket.shared.TableWriter;
import app.flowmarket.storage.BlobStore;
import app.flowmarket.storage.FileJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds queued sales exports ({@link SalesExports}), claimed, leased for {@code flowmarket.commerce.export-lease}, tried
 * again and expired as {@link FileJobs} does. The file is written to a temporary file as the lines are read (bounded
 * memory whatever its size), its progress kept every thousand rows, then stored; files are deleted a week after.
 */
@Component
class SalesExportJob {

    private static final Logger log = LoggerFactory.getLogger(SalesExportJob.class);
    private static final int MAX_ATTEMPTS = 3;

    private final JdbcClient jdbc;
    /** The progress is written beside the read-only transaction that reads the lines, in its own. */
    private final TransactionTemplate progressTx;
    private final FileJobs jobs;
    private final SalesExportFiles files;
    private final SalesReport report;
    private final BlobStore blobs;
    private final Duration lease;
    private final Duration lifetime;

    SalesExportJob(JdbcClient jdbc, TransactionTemplate tx, SalesExportFiles files, SalesReport report, BlobStore blobs,
                   @Value("${flowmarket.commerce.export-lease:PT15M}") Duration lease,
                   @Value("${flowmarket.commerce.export-lifetime:P7D}") Duration lifetime) {
        this.jdbc = jdbc;
        this.progressTx = new TransactionTemplate(java.util.Objects.requireNonNull(tx.getTransactionManager()));
        this.progressTx.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.jobs = new FileJobs(jdbc, tx, blobs, "sales_export");
        this.files = files;
        this.report = report;
        this.blobs = blobs;
        this.lease = lease;
        this.lifetime = lifetime;
    }

    private record Claimed(UUID id, UUID storeId, String format, LocalDate fromDay, LocalDate toDay, String locale, int attempts)
            implements FileJobs.Job {
    }

    @Scheduled(fixedDelayString = "${flowmarket.commerce.export-poll-interval:PT2S}")
    void runDue() {
        for (Optional<Claimed> job = claim(); job.isPresent(); job = claim()) {
            build(job.get());
        }
        jobs.expire();
    }

    private Optional<Claimed> claim() {
        return jobs.claim("id, store_id, format, from_day, to_day, locale, attempts", Claimed.class, lease, job -> jdbc.sql(
                        "update sales_export set rows_done = 0, rows_total = ? where id = ?")
                .params(report.count(job.storeId(), job.fromDay(), job.toDay()), job.id()).update());
    }

    private void build(Claimed job) {
        Path temp = null;
        try {
            temp = Files.createTempFile("sales-export", "." + job.format());
            try (OutputStream out = Files.newOutputStream(temp)) {
                files.write(job.storeId(), job.fromDay(), job.toDay(), TableWriter.Format.of(job.format()), Locale.forLanguageTag(job.locale()),
                        out, rows -> progressTx.executeWithoutResult(status -> jdbc.sql(
                                "update sales_export set rows_done = ? where id = ? and status = 'RUNNING'").params(rows, job.id()).update()));
            }
            long size = Files.size(temp);
            jobs.ready(job.id(), blobs.put("sales-exports", temp), size, lifetime, () -> {
            });
            log.info("Sales export built ({} bytes)", size);
        } catch (IOException | RuntimeException e) {
            log.warn("Sales export failed (attempt {}): {}", job.attempts() + 1, e.toString());
            jobs.failed(job, MAX_ATTEMPTS, e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a temporary file the system cleans up anyway
                }
            }
        }
    }
}
