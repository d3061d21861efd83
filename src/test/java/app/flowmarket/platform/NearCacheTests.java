package app.flowmarket.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.cache.concurrent.ConcurrentMapCache;

/** The JVM's copy of a cache never keeps a value read before an eviction that overtook the read. */
class NearCacheTests {

    /** A cache whose reads stop, once they have their value, until let go. */
    static final class SlowReads extends ConcurrentMapCache {

        final CountDownLatch read = new CountDownLatch(1);
        final CountDownLatch letGo = new CountDownLatch(1);

        SlowReads() {
            super("slow");
        }

        @Override
        public @Nullable ValueWrapper get(Object key) {
            ValueWrapper value = super.get(key);
            read.countDown();
            try {
                letGo.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return value;
        }
    }

    @Test
    void aReadOvertakenByAnEvictionIsReturnedButNotKept() throws Exception {
        SlowReads redis = new SlowReads();
        redis.put("page", "old");
        CacheConfig.NearCache cache = new CacheConfig.NearCache(redis, Duration.ofSeconds(30), 10);

        CompletableFuture<Object> reader = CompletableFuture.supplyAsync(() -> cache.get("page").get());
        assertThat(redis.read.await(5, TimeUnit.SECONDS)).isTrue();
        cache.evict("page");
        redis.letGo.countDown();

        assertThat(reader.get(5, TimeUnit.SECONDS)).isEqualTo("old");
        assertThat(cache.get("page")).as("the old value was not kept after the eviction").isNull();
    }

    @Test
    void aReadIsKeptWhenNothingChanged() {
        ConcurrentMapCache redis = new ConcurrentMapCache("plain");
        redis.put("page", "v1");
        CacheConfig.NearCache cache = new CacheConfig.NearCache(redis, Duration.ofSeconds(30), 10);

        assertThat(cache.get("page").get()).isEqualTo("v1");
        redis.put("page", "v2");

        assertThat(cache.get("page").get()).as("served from the JVM's copy").isEqualTo("v1");
        cache.evict("page");
        assertThat(cache.get("page")).isNull();
    }
}
