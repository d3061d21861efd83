package app.flowmarket.commerce;

import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import app.flowmarket.shared.StoreId;
import app.flowmarket.shared.TableWriter;
import app.flowmarket.storage.BlobStore;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sales exports prepared in the background, for periods too long to wait for: asked for, built by
 * {@link SalesExportJob} with its progress kept as it goes, then downloadable by the store for a week. Every read is
 * scoped to the asking store: another store's export is not found.
 */
@Service
public class SalesExports {

    private final JdbcClient jdbc;
    private final BlobStore blobs;

    SalesExports(JdbcClient jdbc, BlobStore blobs) {
        this.jdbc = jdbc;
        this.blobs = blobs;
    }

    /** An export as its store sees it. */
    public record ExportView(UUID id, String format, LocalDate fromDay, LocalDate toDay, String status, long rowsDone, long rowsTotal,
                             @Nullable Instant readyAt, @Nullable Instant expiresAt) {

        public boolean inProgress() {
            return "QUEUED".equals(status) || "RUNNING".equals(status);
        }

        public boolean downloadable() {
            return "READY".equals(status);
        }

        /** How far it is, in percent (0 while it is counted). */
        public int percent() {
            return rowsTotal == 0 ? (downloadable() ? 100 : 0) : (int) Math.min(100, rowsDone * 100 / rowsTotal);
        }
    }

    /** A file ready to send. */
    public record Download(InputStream content, String fileName, String contentType) {
    }

    /** Queues an export of the store's sales paid from {@code from} to {@code to}; returns its id. */
    @Transactional
    public UUID start(StoreId store, TableWriter.Format format, LocalDate from, LocalDate to, Locale locale) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                insert into sales_export (id, store_id, format, from_day, to_day, locale, status, next_attempt_at, requested_at)
                values (?, ?, ?, ?, ?, ?, 'QUEUED', ?, ?)""")
                .params(id, store.value(), format.extension(), from, to, locale.toLanguageTag(), now, now).update();
        return id;
    }

    @Transactional(readOnly = true)
    public Optional<ExportView> find(StoreId store, UUID id) {
        return jdbc.sql("""
                select id, format, from_day, to_day, status, rows_done, rows_total, ready_at, expires_at from sales_export
                where id = ? and store_id = ?""").params(id, store.value())
                .query((rs, n) -> new ExportView(rs.getObject("id", UUID.class), rs.getString("format"), rs.getObject("from_day", LocalDate.class),
                        rs.getObject("to_day", LocalDate.class), rs.getString("status"), rs.getLong("rows_done"), rs.getLong("rows_total"),
                        instant(rs.getTimestamp("ready_at")), instant(rs.getTimestamp("expires_at"))))
                .optional();
    }

    /** The file of a ready export of this store, named for the store and its days. */
    @Transactional(readOnly = true)
    public Optional<Download> download(StoreId store, UUID id, String storeSlug) {
        return find(store, id).filter(ExportView::downloadable).flatMap(export -> {
            String key = jdbc.sql("select blob_key from sales_export where id = ?").param(id).query(String.class).optional().orElse(null);
            TableWriter.Format format = TableWriter.Format.of(export.format());
            return key == null ? Optional.empty() : blobs.open(key).map(in -> new Download(in,
                    SalesExportFiles.fileName(storeSlug, export.fromDay(), export.toDay(), format), format.contentType()));
        });
    }

    private static @Nullable Instant instant(@Nullable Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
