package app.flowmarket.api;

import java.net.URI;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;

import app.flowmarket.shared.Tokens;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code Idempotency-Key} for POSTs that create: the first answer is kept a day by token and key, and a retry with
 * the same key and body gets it again instead of creating a second thing; the same key with another body is a 409.
 */
@Component
public class ApiIdempotency {

    /** What a creating request answered. */
    public record Result(int status, @Nullable String location, String body) {
    }

    private final JdbcClient jdbc;

    ApiIdempotency(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public ResponseEntity<String> once(ApiCaller caller, @Nullable String key, String request, Supplier<Result> create) {
        if (key == null || key.isBlank()) {
            return answer(create.get(), false);
        }
        if (key.length() > 255) {
            throw new ApiException(ApiProblems.Kind.BAD_REQUEST, "Idempotency-Key is at most 255 characters.");
        }
        String hash = Tokens.sha256Hex(request);
        jdbc.sql("delete from api_idempotency where created_at < now() - interval '1 day'").update();
        // serialises retries of one key: the second waits for the first to commit, then finds its answer
        jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param(caller.tokenId() + ":" + key).query().listOfRows();
        record Stored(String requestHash, int status, @Nullable String location, String body) {
        }
        Optional<Stored> stored = jdbc.sql("select request_hash, status, location, body from api_idempotency where token_id = ? and key = ?")
                .params(caller.tokenId(), key).query(Stored.class).optional();
        if (stored.isPresent()) {
            if (!stored.get().requestHash().equals(hash)) {
                throw new ApiException(ApiProblems.Kind.CONFLICT, "This Idempotency-Key was used with another request body.");
            }
            return answer(new Result(stored.get().status(), stored.get().location(), stored.get().body()), true);
        }
        Result result = create.get();
        jdbc.sql("insert into api_idempotency (token_id, key, request_hash, status, location, body, created_at) values (?, ?, ?, ?, ?, ?, now())")
                .params(Arrays.asList(caller.tokenId(), key, hash, result.status(), result.location(), result.body())).update();
        return answer(result, false);
    }

    private static ResponseEntity<String> answer(Result result, boolean replayed) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(result.status()).contentType(MediaType.APPLICATION_JSON);
        if (result.location() != null) {
            builder.location(URI.create(result.location()));
        }
        if (replayed) {
            builder.header("Idempotent-Replayed", "true");
        }
        return builder.body(result.body());
    }
}
