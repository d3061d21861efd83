package app.flowmarket.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import app.flowmarket.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Each instance keeps what it read from a Redis cache for two seconds, and drops it at once when it changes. */
@IntegrationTest
class NearCacheIntegrationTests {

    @Autowired
    CacheManager caches;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    io.github.resilience4j.circuitbreaker.CircuitBreaker breaker;

    /** A test before may have stopped Redis: wait until the cache asks it again (the breaker closed). */
    @org.junit.jupiter.api.BeforeEach
    void redisAnswers() throws InterruptedException {
        for (int i = 0; i < 150 && breaker.getState() != io.github.resilience4j.circuitbreaker.CircuitBreaker.State.CLOSED; i++) {
            cache().get("probe");
            Thread.sleep(100);
        }
        assertThat(breaker.getState()).isEqualTo(io.github.resilience4j.circuitbreaker.CircuitBreaker.State.CLOSED);
        // and until writes and evictions reach it, whatever restart of Redis an earlier test made
        app.flowmarket.support.RedisRestarts.awaitCachesReachRedis(caches, redis);
    }

    /** A cache of its own: the catalogue's are cleared whenever another test changes a listing, even between two lines here. */
    static final String CACHE = "near-cache-tests";

    Cache cache() {
        return caches.getCache(CACHE);
    }

    static String key() {
        return "near-" + UUID.randomUUID();
    }

    boolean inRedis(String key) {
        return Boolean.TRUE.equals(redis.hasKey("flowmarket:cache:" + CACHE + "::" + key));
    }

    @Test
    void aValueReadIsServedFromThisInstanceForTwoSecondsThenFromRedisAgain() throws InterruptedException {
        String key = key();
        cache().put(key, "first");
        assertThat(inRedis(key)).as("written through to Redis").isTrue();

        // another instance of the application removes it from Redis: this one keeps its copy for a moment
        redis.delete("flowmarket:cache:" + CACHE + "::" + key);
        assertThat(cache().get(key, String.class)).isEqualTo("first");

        Thread.sleep(2_200);
        assertThat(cache().get(key)).isNull();
    }

    @Test
    void anEvictionDropsThisInstancesCopyAtOnce() {
        String key = key();
        cache().put(key, "old");
        assertThat(cache().get(key, String.class)).isEqualTo("old");

        cache().evict(key);

        assertThat(cache().get(key)).isNull();
        assertThat(inRedis(key)).isFalse();
    }

    @Test
    void aValueReadAgainBeforeTheEvictionsCommitIsNotKeptAfterIt() {
        String key = key();
        cache().put(key, "old");

        transactions.executeWithoutResult(status -> {
            cache().evict(key);
            // Redis is evicted only at the commit: a read in between still finds the old value there
            assertThat(cache().get(key, String.class)).isEqualTo("old");
        });

        assertThat(inRedis(key)).as("evicted from Redis at the commit").isFalse();
        assertThat(cache().get(key)).isNull();
    }

    /**
     * A write, an eviction or a clear is done in Redis when the call returns, as every eviction after a change relies on.
     * Spring Data Redis sends them in the background unless told otherwise: then about one put in four and one eviction in
     * ten were not yet done when the next command, on another connection, looked.
     */
    @Test
    void writesEvictionsAndClearsAreDoneInRedisWhenTheCallReturns() {
        for (int i = 0; i < 50; i++) {
            String key = key();
            cache().put(key, "value " + i);
            assertThat(inRedis(key)).as("written, round %d", i).isTrue();
            cache().evict(key);
            assertThat(inRedis(key)).as("evicted, round %d", i).isFalse();
            cache().put(key, "again " + i);
            cache().clear();
            assertThat(inRedis(key)).as("cleared, round %d", i).isFalse();
        }
    }
}
