package app.flowmarket.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.cache.Cache;
import org.springframework.context.ApplicationContext;
import org.springframework.cache.CacheManager;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * After a test has stopped and restarted the embedded Redis, the application's connections come back one by one; a
 * cache write or eviction sent meanwhile fails (and counts towards opening the cache's circuit breaker). A test that restarts it waits here until writes and evictions
 * through the application's caches reach Redis several times in a row, so the tests after it meet a Redis like new.
 * A test class that restarts Redis says so with {@code @ExtendWith(RedisRestarts.class)}: the wait follows each test.
 */
public final class RedisRestarts implements AfterEachCallback {

    private static final String PROBE = "redis-restart-probe";

    @Override
    public void afterEach(ExtensionContext context) {
        ApplicationContext application = SpringExtension.getApplicationContext(context);
        awaitCachesReachRedis(application.getBean(CacheManager.class), application.getBean(StringRedisTemplate.class));
    }

    public static void awaitCachesReachRedis(CacheManager caches, StringRedisTemplate redis) {
        Cache cache = Objects.requireNonNull(caches.getCache(PROBE));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> {
            for (int i = 0; i < 5; i++) {
                String key = UUID.randomUUID().toString();
                String stored = "flowmarket:cache:" + PROBE + "::" + key;
                cache.put(key, "probe");
                if (!Boolean.TRUE.equals(redis.hasKey(stored))) {
                    return false;
                }
                cache.evict(key);
                if (Boolean.TRUE.equals(redis.hasKey(stored))) {
                    return false;
                }
            }
            return true;
        });
    }
}
