package app.flowmarket.privacy;

import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import app.flowmarket.shared.NotFoundException;
import app.flowmarket.shared.AccountId;
import app.flowmarket.account.Person;
import app.flowmarket.account.AccountManagement;
import app.flowmarket.audit.AuditLog;
import app.flowmarket.shared.DomainException;
import app.flowmarket.shared.PersonalData;
import app.flowmarket.storage.BlobStore;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Export my data": a request queues a background job ({@link ExportJob}) that builds a ZIP from every module's
 * part; the person is mailed a link that works for them, signed in, until it expires and the file is deleted.
 * One export at a time per person.
 */
@Service
public class DataExports implements PersonalData {

    private final JdbcClient jdbc;
    private final BlobStore blobs;
    private final AuditLog audit;
    private final AccountManagement accounts;

    DataExports(JdbcClient jdbc, BlobStore blobs, AuditLog audit, AccountManagement accounts) {
        this.jdbc = jdbc;
        this.blobs = blobs;
        this.audit = audit;
        this.accounts = accounts;
    }

    /** The person's latest export as the Privacy page shows it. */
    public record ExportView(UUID id, String status, int partsDone, int partsTotal, Instant requestedAt, @Nullable Instant readyAt,
                             @Nullable Instant expiresAt, @Nullable Long sizeBytes) {

        public boolean inProgress() {
            return status.equals("QUEUED") || status.equals("RUNNING");
        }

        public boolean downloadable() {
            return status.equals("READY") && expiresAt != null && expiresAt.isAfter(Instant.now());
        }

        /** 0–100, for the progress bar. */
        public int percent() {
            return partsTotal == 0 ? 0 : Math.min(100, partsDone * 100 / partsTotal);
        }
    }

    @Transactional(readOnly = true)
    public Optional<ExportView> latest(UUID accountId) {
        return jdbc.sql("""
                select id, status, parts_done, parts_total, requested_at, ready_at, expires_at, size_bytes from privacy_export
                where account_id = ? and status <> 'EXPIRED' order by requested_at desc limit 1""")
                .param(accountId).query(ExportView.class).optional();
    }

    /** Queues an export; refused while one is being built. A ready one is replaced (its file deleted) by the new one. */
    @Transactional
    public UUID request(AccountId account) {
        Person user = accounts.person(account).orElseThrow(() -> new NotFoundException("account"));
        UUID id = UUID.randomUUID();
        int inserted = jdbc.sql("""
                insert into privacy_export (id, account_id, recipient, display_name, locale, status, next_attempt_at, requested_at)
                values (?, ?, ?, ?, ?, 'QUEUED', now(), now()) on conflict do nothing""")
                .params(id, user.id().value(), user.email(), user.displayName(), user.locale().getLanguage()).update();
        if (inserted == 0) {
            throw new DomainException("privacy.export.already-running");
        }
        for (String key : jdbc.sql("select blob_key from privacy_export where account_id = ? and status = 'READY' and blob_key is not null")
                .param(user.id().value()).query(String.class).list()) {
            app.flowmarket.shared.AfterCommit.run(() -> blobs.delete(key));
        }
        jdbc.sql("update privacy_export set status = 'EXPIRED', blob_key = null where account_id = ? and status = 'READY'").param(user.id().value()).update();
        audit.record(user.id().value(), user.email(), "privacy.export-requested", "account", user.id().value(), null);
        return id;
    }

    /** The export's file for its owner while its link works; nobody else's, and nothing after it expired. */
    @Transactional(readOnly = true)
    public Optional<InputStream> download(UUID accountId, UUID exportId) {
        return jdbc.sql("""
                select blob_key from privacy_export where id = ? and account_id = ? and status = 'READY' and expires_at > now()
                and blob_key is not null""")
                .params(exportId, accountId).query(String.class).optional().flatMap(blobs::open);
    }

    @Override
    public String part() {
        return "privacy";
    }

    @Override
    public void export(Subject subject, Sink sink) {
        List<Map<String, @Nullable Object>> rows = jdbc.sql("""
                select requested_at, status, ready_at, expires_at from privacy_export where account_id = ? order by requested_at""")
                .param(subject.account().value()).query().listOfRows();
        sink.table("exports", "The data exports you asked for.", rows);
    }

    @Override
    @Transactional
    public void erase(Subject subject) {
        for (String key : jdbc.sql("select blob_key from privacy_export where account_id = ? and blob_key is not null")
                .param(subject.account().value()).query(String.class).list()) {
            blobs.delete(key);
        }
        jdbc.sql("delete from privacy_export where account_id = ?").param(subject.account().value()).update();
    }

    @Override
    public List<String> erasedKeys() {
        return List.of("privacy.erased.exports");
    }

    static Timestamp at(Instant instant) {
        return Timestamp.from(instant);
    }
}
