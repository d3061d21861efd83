package app.flowmarket.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * Rate-limit state in Redis, shared by every node: token buckets ({@link #take}) and failure counters with
 * locks that expire by themselves ({@link #reserve}, {@link #settle}). Fails open behind a circuit breaker:
 * while Redis does not answer nothing is limited (logged), so signing in never waits on it (decision 0013).
 */
@Component
class RateLimitStore {

    private static final Logger log = LoggerFactory.getLogger(RateLimitStore.class);
    private static final Duration COMMAND_TIMEOUT = Duration.ofMillis(500);

    /**
     * Refuses while any scope is locked (answering the longest wait); otherwise counts the attempt as a failure
     * in every scope before the password is checked, so parallel guesses cannot slip past the count. A lock is
     * set where this failure reaches the limit: a growing scope waits first·2^(n-free), capped; a capped scope
     * waits until its window ends. Answers {allowed, wait in ms if refused or, if allowed, should it fail}.
     */
    private static final String RESERVE = """
            local longest = 0
            for i = 1, #KEYS, 2 do
              local ttl = redis.call('PTTL', KEYS[i + 1])
              if ttl > longest then longest = ttl end
            end
            if longest > 0 then return {0, longest} end
            local lockIfFailed = 0
            for i = 1, #KEYS, 2 do
              local a = (i - 1) / 2 * 5
              local kind, allowed, first, max, memory = ARGV[a + 1], tonumber(ARGV[a + 2]), tonumber(ARGV[a + 3]), tonumber(ARGV[a + 4]), tonumber(ARGV[a + 5])
              local n = redis.call('INCR', KEYS[i])
              local delay = 0
              if kind == 'cap' then
                if redis.call('PTTL', KEYS[i]) < 0 then redis.call('PEXPIRE', KEYS[i], memory) end
                if n >= allowed then delay = redis.call('PTTL', KEYS[i]) end
              else
                redis.call('PEXPIRE', KEYS[i], memory)
                if n >= allowed then delay = math.min(first * 2 ^ (n - allowed), max) end
              end
              if delay > 0 then
                delay = math.floor(delay)
                redis.call('SET', KEYS[i + 1], n, 'PX', delay)
                if delay > lockIfFailed then lockIfFailed = delay end
              end
            end
            return {1, lockIfFailed}
            """;

    /** 'reset' forgets a scope's failures; 'undo' takes back one reserved attempt (and the lock it set, if any). */
    private static final String SETTLE = """
            for i = 1, #KEYS, 2 do
              if ARGV[(i + 1) / 2] == 'reset' then
                redis.call('DEL', KEYS[i], KEYS[i + 1])
              else
                local n = redis.call('GET', KEYS[i])
                if n then
                  if redis.call('GET', KEYS[i + 1]) == n then redis.call('DEL', KEYS[i + 1]) end
                  if redis.call('DECR', KEYS[i]) <= 0 then redis.call('DEL', KEYS[i]) end
                end
              end
            end
            return 0
            """;

    /** After two failures the store is not asked for 15 s: every request would otherwise wait for its timeout. */
    private final CircuitBreaker breaker = CircuitBreaker.of("rate-limits", CircuitBreakerConfig.custom()
            .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
            .slidingWindowSize(2).minimumNumberOfCalls(2).failureRateThreshold(100)
            .waitDurationInOpenState(Duration.ofSeconds(15))
            .permittedNumberOfCallsInHalfOpenState(1)
            .build());

    private final LettuceConnectionFactory redis;
    private volatile @Nullable ProxyManager<byte[]> buckets;
    private @Nullable RedisClient client;
    private volatile @Nullable StatefulRedisConnection<byte[], byte[]> connection;

    RateLimitStore(LettuceConnectionFactory redis) {
        this.redis = redis;
    }

    /** A counter of failures and the lock it may set. */
    record Scope(String name, Kind kind, int allowed, Duration first, Duration max, Duration memory) {

        enum Kind { GROWING, CAP }

        /** Free failures, then waits growing from {@code first} to {@code max}; forgotten {@code memory} after the last failure. */
        static Scope growing(String name, int free, Duration first, Duration max, Duration memory) {
            return new Scope(name, Kind.GROWING, free, first, max, memory);
        }

        /** At most {@code allowed} failures in a fixed window. */
        static Scope cap(String name, int allowed, Duration window) {
            return new Scope(name, Kind.CAP, allowed, Duration.ZERO, window, window);
        }
    }

    /** {@code allowed}: go on and check the password; {@code waitMillis}: how long a refused attempt waits, or how long the next one will if this one fails. */
    record Verdict(boolean allowed, long waitMillis) {
        static final Verdict OPEN = new Verdict(true, 0);
    }

    enum Outcome {
        /** The password was right: growing scopes forget their failures, capped scopes take the attempt back. */
        SUCCEEDED,
        /** Neither right nor wrong (a server fault): every scope takes the attempt back. */
        UNDECIDED
    }

    Verdict reserve(List<Scope> scopes) {
        byte[][] keys = keys(scopes);
        byte[][] args = new byte[scopes.size() * 5][];
        for (int i = 0; i < scopes.size(); i++) {
            Scope scope = scopes.get(i);
            args[i * 5] = bytes(scope.kind() == Scope.Kind.CAP ? "cap" : "growing");
            args[i * 5 + 1] = bytes(Integer.toString(scope.allowed()));
            args[i * 5 + 2] = bytes(Long.toString(scope.first().toMillis()));
            args[i * 5 + 3] = bytes(Long.toString(scope.max().toMillis()));
            args[i * 5 + 4] = bytes(Long.toString(scope.memory().toMillis()));
        }
        return guarded(() -> {
            List<Object> answer = connection().sync().eval(RESERVE, ScriptOutputType.MULTI, keys, args);
            return new Verdict(((Long) answer.get(0)) == 1L, (Long) answer.get(1));
        }, Verdict.OPEN);
    }

    void settle(List<Scope> scopes, Outcome outcome) {
        byte[][] args = scopes.stream()
                .map(scope -> bytes(outcome == Outcome.SUCCEEDED && scope.kind() == Scope.Kind.GROWING ? "reset" : "undo"))
                .toArray(byte[][]::new);
        guarded(() -> connection().sync().eval(SETTLE, ScriptOutputType.INTEGER, keys(scopes), args), 0L);
    }

    /** Takes one token from the named bucket; true (let through) while the store is unreachable. */
    boolean take(String key, int capacity, Duration window) {
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, window))
                .build();
        return guarded(() -> buckets().getProxy(bytes("flowmarket:" + key), () -> configuration).tryConsume(1), true);
    }

    /** What one take from a bucket found: let through or not, tokens left, and nanoseconds until the next one. */
    record Take(boolean allowed, long remaining, long nanosToRefill) {
    }

    /** Takes one token and says how many are left; empty while the store is unreachable. */
    java.util.Optional<Take> consume(String key, int capacity, Duration window) {
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, window))
                .build();
        return guarded(() -> {
            var probe = buckets().getProxy(bytes("flowmarket:" + key), () -> configuration).tryConsumeAndReturnRemaining(1);
            return java.util.Optional.of(new Take(probe.isConsumed(), probe.getRemainingTokens(),
                    probe.isConsumed() ? 0 : probe.getNanosToWaitForRefill()));
        }, java.util.Optional.empty());
    }

    private <T> T guarded(Supplier<T> call, T whenUnavailable) {
        if (!breaker.tryAcquirePermission()) {
            return whenUnavailable;
        }
        long started = System.nanoTime();
        try {
            T result = call.get();
            breaker.onSuccess(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            return result;
        } catch (RuntimeException e) {
            breaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, e);
            log.warn("Rate limit store unavailable, letting the request through: {}", e.toString());
            return whenUnavailable;
        }
    }

    private static byte[][] keys(List<Scope> scopes) {
        byte[][] keys = new byte[scopes.size() * 2][];
        for (int i = 0; i < scopes.size(); i++) {
            keys[i * 2] = bytes("flowmarket:sign-in:" + scopes.get(i).name() + ":failures");
            keys[i * 2 + 1] = bytes("flowmarket:sign-in:" + scopes.get(i).name() + ":lock");
        }
        return keys;
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private ProxyManager<byte[]> buckets() {
        ProxyManager<byte[]> current = buckets;
        if (current == null) {
            synchronized (this) {
                current = buckets;
                if (current == null) {
                    current = Bucket4jLettuce.casBasedBuilder(connection())
                            .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                            .build();
                    buckets = current;
                }
            }
        }
        return current;
    }

    private StatefulRedisConnection<byte[], byte[]> connection() {
        StatefulRedisConnection<byte[], byte[]> open = connection;
        return open != null ? open : connect();
    }

    private synchronized StatefulRedisConnection<byte[], byte[]> connect() {
        if (connection != null) {
            return connection;
        }
        if (client == null) {
            var config = redis.getStandaloneConfiguration();
            // short timeouts, and commands refused at once while disconnected: an unreachable Redis
            // must cost a sign-in a few hundred milliseconds, not the client's default minute per call
            RedisURI.Builder uri = RedisURI.builder().withHost(config.getHostName()).withPort(config.getPort())
                    .withDatabase(config.getDatabase()).withTimeout(COMMAND_TIMEOUT);
            config.getPassword().toOptional().ifPresent(password -> uri.withPassword(password));
            client = RedisClient.create(uri.build());
            client.setOptions(ClientOptions.builder()
                    .socketOptions(SocketOptions.builder().connectTimeout(COMMAND_TIMEOUT).build())
                    .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                    .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
                    .build());
        }
        connection = client.connect(ByteArrayCodec.INSTANCE);
        return connection;
    }

    @jakarta.annotation.PreDestroy
    synchronized void close() {
        if (connection != null) {
            connection.close();
        }
        if (client != null) {
            client.shutdown();
        }
    }
}
