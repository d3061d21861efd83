package app.flowmarket.catalog;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import app.flowmarket.shared.AccountId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A workflow file chosen for a new listing that was refused for another reason (no title, a bad price) is
 * kept in PostgreSQL, so the seller's retry need not choose it again and may land on any node. Only its
 * uploader can use it; it goes when it is used, or after a day (each new one clears the expired).
 */
@Service
public class ListingUploads {

    static final Duration KEPT_FOR = Duration.ofDays(1);

    private final JdbcClient jdbc;
    private final ListingRules rules;

    ListingUploads(JdbcClient jdbc, ListingRules rules) {
        this.jdbc = jdbc;
        this.rules = rules;
    }

    /** A kept file as the form shows it. */
    public record Kept(UUID token, @Nullable String fileName, long size) {
    }

    /** Checks the file as an export of the platform, without saving anything; throws what is wrong with it. */
    public void check(Platform platform, Upload file) {
        rules.file(platform, file);
    }

    @Transactional
    public Kept keep(AccountId seller, Upload file) {
        jdbc.sql("delete from listing_upload where created_at < ?").param(Timestamp.from(Instant.now().minus(KEPT_FOR))).update();
        UUID token = UUID.randomUUID();
        String name = file.fileName() == null || file.fileName().isBlank() ? "workflow.json" : file.fileName().strip();
        name = name.substring(0, Math.min(name.length(), 255));
        jdbc.sql("insert into listing_upload (token, seller_id, file_name, content, created_at) values (?, ?, ?, ?, ?)")
                .params(token, seller.value(), name, file.content(), Timestamp.from(Instant.now())).update();
        return new Kept(token, name, file.content().length);
    }

    /** The seller's kept file, if it is still kept. */
    @Transactional(readOnly = true)
    public Optional<Upload> find(AccountId seller, @Nullable UUID token) {
        if (token == null) {
            return Optional.empty();
        }
        record Row(String fileName, byte[] content) {
        }
        return jdbc.sql("select file_name, content from listing_upload where token = ? and seller_id = ? and created_at >= ?")
                .params(token, seller.value(), Timestamp.from(Instant.now().minus(KEPT_FOR))).query(Row.class).optional()
                .map(row -> new Upload(row.fileName(), row.content()));
    }

    /** What the form shows of a kept file. */
    @Transactional(readOnly = true)
    public Optional<Kept> describe(AccountId seller, @Nullable UUID token) {
        if (token == null) {
            return Optional.empty();
        }
        return find(seller, token).map(upload -> new Kept(token, upload.fileName(), upload.content().length));
    }

    @Transactional
    public void discard(AccountId seller, @Nullable UUID token) {
        if (token != null) {
            jdbc.sql("delete from listing_upload where token = ? and seller_id = ?").params(token, seller.value()).update();
        }
    }
}
