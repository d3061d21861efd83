package app.flowmarket.n8n;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import app.flowmarket.audit.AuditLog;
import app.flowmarket.shared.DomainException;
import app.flowmarket.shared.NotFoundException;
import app.flowmarket.shared.Tokens;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tokens that open a buyer's template library to their n8n. The secret is shown once when made and
 * kept only as its SHA-256; every request looks it up again, so a revoked token stops working at once.
 */
@Service
public class N8nTokens {

    static final int MAX_ACTIVE = 10;
    static final int MAX_NAME = 60;
    /** "Last used" is written at most this often, so a browsing n8n does not write on every request. */
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final AuditLog audit;

    N8nTokens(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public record TokenView(UUID id, String name, String hint, Instant createdAt, @Nullable Instant lastUsedAt) {
    }

    /** A token just made: the only time its secret is known. */
    public record Created(UUID id, String name, String secret) {
    }

    @Transactional
    public Created create(UUID accountId, String email, String rawName) {
        String name = rawName == null ? "" : rawName.strip();
        if (name.isEmpty()) {
            name = "n8n";
        }
        if (name.length() > MAX_NAME) {
            throw new DomainException("n8n.token.name-too-long", MAX_NAME);
        }
        long active = jdbc.sql("select count(*) from n8n_token where account_id = ? and revoked_at is null")
                .param(accountId).query(Long.class).single();
        if (active >= MAX_ACTIVE) {
            throw new DomainException("n8n.token.too-many", MAX_ACTIVE);
        }
        String secret = Tokens.random();
        return store(accountId, email, name, secret);
    }

    /** Stores a token whose secret is chosen elsewhere (the demo buyer's documented one); nothing when it exists. */
    @Transactional
    public void ensure(UUID accountId, String email, String name, String secret) {
        boolean exists = jdbc.sql("select exists (select 1 from n8n_token where token_hash = ?)").param(Tokens.sha256Hex(secret))
                .query(Boolean.class).single();
        if (!exists) {
            store(accountId, email, name, secret);
        }
    }

    private Created store(UUID accountId, String email, String name, String secret) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into n8n_token (id, account_id, name, token_hash, hint, created_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(id, accountId, name, Tokens.sha256Hex(secret), secret.substring(0, 4), Timestamp.from(Instant.now()))
                .update();
        audit.record(accountId, email, "n8n.token.created", "n8n_token", id, name);
        return new Created(id, name, secret);
    }

    @Transactional(readOnly = true)
    public List<TokenView> active(UUID accountId) {
        return jdbc.sql("""
                select id, name, hint, created_at, last_used_at from n8n_token
                where account_id = ? and revoked_at is null order by created_at desc""")
                .param(accountId)
                .query((rs, row) -> new TokenView(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("hint"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("last_used_at") == null ? null : rs.getTimestamp("last_used_at").toInstant()))
                .list();
    }

    /** Revokes one of the person's own tokens; anyone else's is "not found". */
    @Transactional
    public void revoke(UUID accountId, String email, UUID tokenId) {
        int changed = jdbc.sql("update n8n_token set revoked_at = now() where id = ? and account_id = ? and revoked_at is null")
                .params(tokenId, accountId).update();
        if (changed == 0) {
            throw new NotFoundException("n8n token");
        }
        audit.record(accountId, email, "n8n.token.revoked", "n8n_token", tokenId, null);
    }

    /** Whose library a token opens, if it is a live token. */
    @Transactional
    public Optional<UUID> holder(String secret) {
        if (secret == null || secret.length() < 20 || secret.length() > 100) {
            return Optional.empty();
        }
        record Row(UUID id, UUID accountId, @Nullable Timestamp lastUsedAt) {
        }
        Optional<Row> row = jdbc.sql("select id, account_id, last_used_at from n8n_token where token_hash = ? and revoked_at is null")
                .param(Tokens.sha256Hex(secret)).query(Row.class).optional();
        row.filter(r -> r.lastUsedAt() == null || r.lastUsedAt().toInstant().isBefore(Instant.now().minus(LAST_USED_RESOLUTION)))
                .ifPresent(r -> jdbc.sql("update n8n_token set last_used_at = now() where id = ?").param(r.id()).update());
        return row.map(Row::accountId);
    }
}
