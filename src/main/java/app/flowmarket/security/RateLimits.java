package app.flowmarket.security;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.github.bucket4j.Bandwidth;
import jakarta.servlet.http.HttpServletResponse;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.springframework.stereotype.Service;

/**
 * Token-bucket rate limits for any module (API calls by token or address, posting, ...), shared by every node
 * through Redis. While Redis does not answer, a limit falls back to a bucket in this node's memory holding a
 * quarter of the capacity: stricter, never unlimited.
 */
@Service
public class RateLimits {

    /** A named limit: {@code capacity} requests per {@code window}, refilled gradually. */
    public record Limit(String name, int capacity, Duration window) {
    }

    /**
     * The answer for one request: let through or not, the limit, what is left, and seconds until a token is back
     * ({@code retryAfterSeconds}, 0 when allowed) or until the bucket is full again ({@code resetSeconds}).
     */
    public record Decision(boolean allowed, int limit, long remaining, long retryAfterSeconds, long resetSeconds, Duration window) {

        /** Announces the decision in the IETF {@code RateLimit-Policy} / {@code RateLimit} headers, and {@code Retry-After} when refused. */
        public void announce(HttpServletResponse response, String policy) {
            response.setHeader("RateLimit-Policy", "\"" + policy + "\";q=" + limit + ";w=" + window.toSeconds());
            response.setHeader("RateLimit", "\"" + policy + "\";r=" + remaining + ";t=" + resetSeconds);
            if (!allowed) {
                response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
            }
        }
    }

    private static final int FALLBACK_BUCKETS = 10_000;

    private final RateLimitStore store;
    private final ConcurrentHashMap<String, Bucket> fallback = new ConcurrentHashMap<>();

    RateLimits(RateLimitStore store) {
        this.store = store;
    }

    /** Takes one request from {@code who}'s bucket of this limit. */
    public Decision take(Limit limit, String who) {
        // the key names the capacity and window too: a changed setting starts fresh buckets instead of inheriting the old ones
        String key = "rate:" + limit.name() + ":" + limit.capacity() + "/" + limit.window().toSeconds() + ":" + who;
        return store.consume(key, limit.capacity(), limit.window())
                .map(take -> decision(limit, limit.capacity(), take.allowed(), take.remaining(), take.nanosToRefill()))
                .orElseGet(() -> local(limit, key));
    }

    private Decision local(Limit limit, String key) {
        int capacity = Math.max(1, limit.capacity() / 4);
        if (fallback.size() > FALLBACK_BUCKETS) {
            fallback.clear();
        }
        Bucket bucket = fallback.computeIfAbsent(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, limit.window()).build()).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return decision(limit, capacity, probe.isConsumed(), probe.getRemainingTokens(), probe.isConsumed() ? 0 : probe.getNanosToWaitForRefill());
    }

    private static Decision decision(Limit limit, int capacity, boolean allowed, long remaining, long nanosToRefill) {
        long perToken = limit.window().toNanos() / capacity;
        long reset = TimeUnit.NANOSECONDS.toSeconds(perToken * (capacity - remaining) + 999_999_999L);
        long retry = allowed ? 0 : Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanosToRefill + 999_999_999L));
        return new Decision(allowed, capacity, remaining, retry, reset, limit.window());
    }
}
