package app.flowmarket.storage;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The life of files built in the background and kept for a while, one table row each (a sales export, a person's data
 * export): a job is claimed with {@code FOR UPDATE SKIP LOCKED} and leased, so if its node dies another builds it again
 * once the lease is over; a failure is tried again later, each time twice as late, until the last attempt; a file built
 * is stored, unless the job was taken over or deleted meanwhile; a file past its time is deleted. The table, named by the
 * module that owns it, has the columns {@code id, status, attempts, next_attempt_at, last_error, blob_key, size_bytes,
 * ready_at, expires_at}.
 */
public final class FileJobs {

    /** A claimed job: its id and the attempts made before this one. */
    public interface Job {

        UUID id();

        int attempts();
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final BlobStore blobs;
    private final String table;

    public FileJobs(JdbcClient jdbc, TransactionTemplate tx, BlobStore blobs, String table) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.blobs = blobs;
        this.table = table;
    }

    /**
     * The next job due, read as {@code type} from {@code columns} and leased to this node, {@code started} run on it in the
     * same transaction (to reset its progress); empty when none is due.
     */
    public <T extends Job> Optional<T> claim(String columns, Class<T> type, Duration lease, Consumer<T> started) {
        Optional<T> claimed = tx.execute(status -> {
            Optional<T> due = jdbc.sql("select " + columns + " from " + table + """
                     where status in ('QUEUED', 'RUNNING') and next_attempt_at <= now()
                    order by next_attempt_at limit 1 for update skip locked""").query(type).optional();
            due.ifPresent(job -> {
                jdbc.sql("update " + table + " set status = 'RUNNING', attempts = attempts + 1, next_attempt_at = ? where id = ?")
                        .params(Timestamp.from(Instant.now().plus(lease)), job.id()).update();
                started.accept(job);
            });
            return due;
        });
        return claimed == null ? Optional.empty() : claimed;
    }

    /**
     * Keeps the file stored under {@code key} as the job's, to be deleted after {@code lifetime}, and runs {@code stored}
     * in the same transaction; when the job is no longer this node's, the file is deleted instead. Says which.
     */
    public boolean ready(UUID id, String key, long size, Duration lifetime, Runnable stored) {
        Instant now = Instant.now();
        boolean kept = Boolean.TRUE.equals(tx.execute(status -> {
            int updated = jdbc.sql("update " + table + """
                     set status = 'READY', blob_key = ?, size_bytes = ?, ready_at = ?, expires_at = ?, last_error = null
                    where id = ? and status = 'RUNNING'""")
                    .params(key, size, Timestamp.from(now), Timestamp.from(now.plus(lifetime)), id).update();
            if (updated > 0) {
                stored.run();
            }
            return updated > 0;
        }));
        if (!kept) {
            // taken over by another node meanwhile, or its owner deleted: this copy is not wanted
            blobs.delete(key);
        }
        return kept;
    }

    /** The job failed: tried again later (30 s, then twice as late each time), or failed for good after {@code maxAttempts}. */
    public void failed(Job job, int maxAttempts, Exception error) {
        boolean last = job.attempts() + 1 >= maxAttempts;
        String message = String.valueOf(error);
        jdbc.sql("update " + table + " set status = ?, next_attempt_at = ?, last_error = ? where id = ? and status = 'RUNNING'")
                .params(last ? "FAILED" : "QUEUED", Timestamp.from(Instant.now().plusSeconds(30L << Math.min(job.attempts(), 8))),
                        message.substring(0, Math.min(1000, message.length())), job.id())
                .update();
    }

    /** Files past their time are deleted. */
    public void expire() {
        List<String> keys = tx.execute(status -> {
            List<String> expired = jdbc.sql("select blob_key from " + table + """
                     where status = 'READY' and expires_at <= now() and blob_key is not null
                    for update skip locked""").query(String.class).list();
            jdbc.sql("update " + table + " set status = 'EXPIRED', blob_key = null where blob_key = any(?)")
                    .param(expired.toArray(String[]::new)).update();
            return expired;
        });
        if (keys != null) {
            keys.forEach(blobs::delete);
        }
    }
}
