package app.flowmarket.commerce;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import app.flowmarket.shared.TableWriter;
import app.flowmarket.storage.BlobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds queued sales exports ({@link SalesExports}). A job is claimed with {@code FOR UPDATE SKIP LOCKED} and leased
 * for {@code flowmarket.commerce.export-lease}: if its node dies, another builds it again once the lease is over. The
 * file is written to a temporary file as the lines are read (bounded memory whatever its size), its progress kept every
 * thousand rows, then stored; files are deleted a week after (here too).
 */
@Component
class SalesExportJob {

    private static final Logger log = LoggerFactory.getLogger(SalesExportJob.class);
    private static final int MAX_ATTEMPTS = 3;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    /** The progress is written beside the read-only transaction that reads the lines, in its own. */
    private final TransactionTemplate progressTx;
    private final SalesExportFiles files;
    private final SalesReport report;
    private final BlobStore blobs;
    private final Duration lease;
    private final Duration lifetime;

    SalesExportJob(JdbcClient jdbc, TransactionTemplate tx, SalesExportFiles files, SalesReport report, BlobStore blobs,
                   @Value("${flowmarket.commerce.export-lease:PT15M}") Duration lease,
                   @Value("${flowmarket.commerce.export-lifetime:P7D}") Duration lifetime) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.progressTx = new TransactionTemplate(java.util.Objects.requireNonNull(tx.getTransactionManager()));
        this.progressTx.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.files = files;
        this.report = report;
        this.blobs = blobs;
        this.lease = lease;
        this.lifetime = lifetime;
    }

    private record Claimed(UUID id, UUID storeId, String format, LocalDate fromDay, LocalDate toDay, String locale, int attempts) {
    }

    @Scheduled(fixedDelayString = "${flowmarket.commerce.export-poll-interval:PT2S}")
    void runDue() {
        for (Optional<Claimed> job = claim(); job.isPresent(); job = claim()) {
            build(job.get());
        }
        expire();
    }

    private Optional<Claimed> claim() {
        return tx.execute(status -> {
            Optional<Claimed> due = jdbc.sql("""
                    select id, store_id, format, from_day, to_day, locale, attempts from sales_export
                    where status in ('QUEUED', 'RUNNING') and next_attempt_at <= now()
                    order by next_attempt_at limit 1 for update skip locked""").query(Claimed.class).optional();
            due.ifPresent(job -> jdbc.sql("""
                    update sales_export set status = 'RUNNING', attempts = attempts + 1, rows_done = 0, rows_total = ?,
                        next_attempt_at = ? where id = ?""")
                    .params(report.count(job.storeId(), job.fromDay(), job.toDay()), Timestamp.from(Instant.now().plus(lease)), job.id())
                    .update());
            return due;
        });
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
            String key = blobs.put("sales-exports", temp);
            Instant now = Instant.now();
            long size = Files.size(temp);
            int stored = jdbc.sql("""
                    update sales_export set status = 'READY', blob_key = ?, size_bytes = ?, ready_at = ?, expires_at = ?, last_error = null
                    where id = ? and status = 'RUNNING'""")
                    .params(key, size, Timestamp.from(now), Timestamp.from(now.plus(lifetime)), job.id()).update();
            if (stored == 0) {
                // taken over by another node meanwhile, or the store deleted: this copy is not wanted
                blobs.delete(key);
            }
            log.info("Sales export built ({} bytes)", size);
        } catch (IOException | RuntimeException e) {
            log.warn("Sales export failed (attempt {}): {}", job.attempts() + 1, e.toString());
            boolean last = job.attempts() + 1 >= MAX_ATTEMPTS;
            String error = String.valueOf(e);
            jdbc.sql("update sales_export set status = ?, next_attempt_at = ?, last_error = ? where id = ? and status = 'RUNNING'")
                    .params(last ? "FAILED" : "QUEUED", Timestamp.from(Instant.now().plusSeconds(30L << Math.min(job.attempts(), 8))),
                            error.substring(0, Math.min(1000, error.length())), job.id())
                    .update();
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

    /** Files past their week are deleted. */
    private void expire() {
        List<String> keys = tx.execute(status -> {
            List<String> expired = jdbc.sql("""
                    select blob_key from sales_export where status = 'READY' and expires_at <= now() and blob_key is not null
                    for update skip locked""").query(String.class).list();
            jdbc.sql("update sales_export set status = 'EXPIRED', blob_key = null where blob_key = any(?)")
                    .param(expired.toArray(String[]::new)).update();
            return expired;
        });
        if (keys != null) {
            keys.forEach(blobs::delete);
        }
    }
}
