package app.flowmarket.api;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import app.flowmarket.shared.DomainException;
import app.flowmarket.shared.Tokens;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal access tokens: created with a name, scopes and an expiry, shown once, kept only as a SHA-256 hash
 * (a token is 256 random bits, so a fast hash is enough), revoked by their owner.
 */
@Service
public class ApiTokens {

    /** Every token starts with this, so secret scanners and people can recognise one. */
    public static final String PREFIX = "fmp_";
    /** The expiries offered, in days; 0 is "never". */
    public static final List<Integer> EXPIRIES = List.of(7, 30, 90, 365, 0);
    /** Last use is written at most this often per token, not on every request. */
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final ApiSettings settings;

    ApiTokens(JdbcClient jdbc, ApiSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    public record TokenView(UUID id, String name, String prefix, Set<ApiScope> scopes, Instant createdAt,
                            @Nullable Instant expiresAt, @Nullable Instant lastUsedAt, @Nullable Instant revokedAt) {

        public boolean active() {
            return revokedAt == null && (expiresAt == null || expiresAt.isAfter(Instant.now()));
        }
    }

    /** A new token: {@code value} is shown to its owner once and never again. */
    public record Created(UUID id, String value) {
    }

    @Transactional
    public Created create(UUID accountId, String rawName, Set<ApiScope> scopes, int expiresInDays) {
        String name = rawName == null ? "" : rawName.strip();
        if (name.isEmpty() || name.length() > 80) {
            throw new DomainException("api.tokens.name-invalid");
        }
        if (scopes == null || scopes.isEmpty()) {
            throw new DomainException("api.tokens.scopes-required");
        }
        if (!EXPIRIES.contains(expiresInDays)) {
            throw new DomainException("api.tokens.expiry-invalid");
        }
        long active = jdbc.sql("select count(*) from api_token where account_id = ? and revoked_at is null").param(accountId)
                .query(Long.class).single();
        if (active >= settings.maxTokens()) {
            throw new DomainException("api.tokens.too-many", settings.maxTokens());
        }
        String value = PREFIX + Tokens.random();
        Instant now = Instant.now();
        return new Created(insert(accountId, name, scopes, value, now, expiresInDays == 0 ? null : now.plus(Duration.ofDays(expiresInDays))), value);
    }

    /**
     * A token with a value chosen in advance (the demo data's, printed in the README so anyone can try the API
     * at once). Does nothing if it exists.
     */
    @Transactional
    public void importToken(UUID accountId, String name, Set<ApiScope> scopes, String value, Instant createdAt) {
        if (jdbc.sql("select count(*) from api_token where token_hash = ?").param(Tokens.sha256Hex(value)).query(Long.class).single() == 0) {
            insert(accountId, name, scopes, value, createdAt, null);
        }
    }

    private UUID insert(UUID accountId, String name, Set<ApiScope> scopes, String value, Instant createdAt, @Nullable Instant expiresAt) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into api_token (id, account_id, name, token_hash, token_prefix, scopes, created_at, expires_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Arrays.asList(id, accountId, name, Tokens.sha256Hex(value), value.substring(0, Math.min(value.length(), PREFIX.length() + 6)),
                        scopes.stream().map(ApiScope::value).sorted().collect(Collectors.joining(" ")),
                        Timestamp.from(createdAt), expiresAt == null ? null : Timestamp.from(expiresAt)))
                .update();
        return id;
    }

    /** The person's tokens, newest first, revoked ones included (for a while they show as revoked). */
    @Transactional(readOnly = true)
    public List<TokenView> of(UUID accountId) {
        return jdbc.sql("""
                select id, name, token_prefix, scopes, created_at, expires_at, last_used_at, revoked_at
                from api_token where account_id = ? order by created_at desc""")
                .param(accountId)
                .query((rs, n) -> new TokenView(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("token_prefix"),
                        scopes(rs.getString("scopes")), rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("expires_at")),
                        instant(rs.getTimestamp("last_used_at")), instant(rs.getTimestamp("revoked_at"))))
                .list();
    }

    /** Revokes one of the person's own tokens; false when they hold no such active token. */
    @Transactional
    public boolean revoke(UUID accountId, UUID tokenId) {
        return jdbc.sql("update api_token set revoked_at = now() where id = ? and account_id = ? and revoked_at is null")
                .params(tokenId, accountId).update() == 1;
    }

    /** The caller a presented token stands for, if it is a live token; notes when it was last used. */
    @Transactional
    public Optional<ApiCaller> authenticate(String presented) {
        if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 200) {
            return Optional.empty();
        }
        record Row(UUID id, UUID accountId, String scopes, @Nullable Timestamp lastUsedAt) {
        }
        Optional<Row> row = jdbc.sql("""
                select id, account_id, scopes, last_used_at from api_token
                where token_hash = ? and revoked_at is null and (expires_at is null or expires_at > now())""")
                .param(Tokens.sha256Hex(presented)).query(Row.class).optional();
        row.filter(r -> r.lastUsedAt() == null || r.lastUsedAt().toInstant().isBefore(Instant.now().minus(LAST_USED_PRECISION)))
                .ifPresent(r -> jdbc.sql("update api_token set last_used_at = now() where id = ?").param(r.id()).update());
        return row.map(r -> new ApiCaller(r.id(), r.accountId(), scopes(r.scopes())));
    }

    static Set<ApiScope> scopes(String stored) {
        Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        Arrays.stream(stored.split(" ")).map(ApiScope::of).flatMap(Optional::stream).forEach(scopes::add);
        return scopes;
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
