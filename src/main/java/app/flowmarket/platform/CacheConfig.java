package app.flowmarket.platform;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.CachingConfigurer;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.interceptor.CacheErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Spring Cache on Redis. A cache that cannot be reached is skipped, never an error: the page is then
 * served straight from PostgreSQL. A circuit breaker stops asking Redis after two failures, so pages
 * do not each wait for its timeout; it tries again every few seconds, and when Redis answers again
 * the caches are cleared, because the evictions missed during the outage could leave stale entries.
 * <p>
 * In front of Redis, each JVM keeps what it read for {@code flowmarket.cache.near-ttl} (2 s; at most
 * {@code flowmarket.cache.near-size} entries a cache): a page viewed often is not fetched from Redis and deserialised
 * on every view. A change evicts this JVM's copy at once and again after its commit; other instances of the
 * application see it once their copy is that old (decision 56).
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
class CacheConfig implements CachingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(CacheConfig.class);

    /**
     * Evictions wait for the commit, so a reader cannot put the old data back in between. And a write, an eviction or
     * a clear is done when the call returns: Spring Data Redis sends them in the background by default, so a page read
     * just after a change could still find the old copy in Redis, and a copy written before an eviction could land after
     * it (decision 60).
     */
    @Bean
    org.springframework.boot.cache.autoconfigure.RedisCacheManagerBuilderCustomizer transactionAwareCaches(
            org.springframework.data.redis.connection.RedisConnectionFactory redis) {
        return builder -> builder
                .cacheWriter(org.springframework.data.redis.cache.RedisCacheWriter.create(redis, writer -> writer.immediateWrites()))
                .transactionAware();
    }

    @Bean
    CircuitBreaker cacheCircuitBreaker() {
        return CircuitBreaker.of("redis-cache", CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(4)
                .minimumNumberOfCalls(2)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(5))
                .permittedNumberOfCallsInHalfOpenState(1)
                .build());
    }

    @Bean
    static BeanPostProcessor circuitBreakingCaches(org.springframework.beans.factory.ObjectProvider<CircuitBreaker> breaker,
                                                   org.springframework.core.env.Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (!(bean instanceof CacheManager manager) || bean instanceof CircuitBreakingCacheManager) {
                    return bean;
                }
                Duration nearTtl = environment.getProperty("flowmarket.cache.near-ttl", Duration.class, Duration.ofSeconds(2));
                int nearSize = environment.getProperty("flowmarket.cache.near-size", Integer.class, 500);
                return new CircuitBreakingCacheManager(manager, breaker.getObject(), nearTtl, nearSize);
            }
        };
    }

    @Override
    public CacheErrorHandler errorHandler() {
        return new CacheErrorHandler() {
            @Override
            public void handleCacheGetError(RuntimeException e, Cache cache, Object key) {
                log.debug("Cache {} unavailable on get: {}", cache.getName(), e.toString());
            }

            @Override
            public void handleCachePutError(RuntimeException e, Cache cache, Object key, @Nullable Object value) {
                log.debug("Cache {} unavailable on put: {}", cache.getName(), e.toString());
            }

            @Override
            public void handleCacheEvictError(RuntimeException e, Cache cache, Object key) {
                log.warn("Cache {} could not be evicted: {}", cache.getName(), e.toString());
            }

            @Override
            public void handleCacheClearError(RuntimeException e, Cache cache) {
                log.warn("Cache {} could not be cleared: {}", cache.getName(), e.toString());
            }
        };
    }

    /** Hands out caches that go through the breaker. */
    static final class CircuitBreakingCacheManager implements CacheManager {

        private final CacheManager delegate;
        private final CircuitBreaker breaker;
        private final Duration nearTtl;
        private final int nearSize;
        private final ConcurrentMap<String, NearCache> caches = new ConcurrentHashMap<>();

        CircuitBreakingCacheManager(CacheManager delegate, CircuitBreaker breaker, Duration nearTtl, int nearSize) {
            this.delegate = delegate;
            this.breaker = breaker;
            this.nearTtl = nearTtl;
            this.nearSize = nearSize;
            breaker.getEventPublisher().onStateTransition(event -> {
                log.warn("Redis cache circuit: {}", event.getStateTransition());
                if (event.getStateTransition().getToState() == CircuitBreaker.State.CLOSED) {
                    clearAll();
                }
            });
        }

        @Override
        public @Nullable Cache getCache(String name) {
            Cache cache = delegate.getCache(name);
            return cache == null ? null : caches.computeIfAbsent(name, n -> new NearCache(new CircuitBreakingCache(cache, breaker), nearTtl, nearSize));
        }

        @Override
        public Collection<String> getCacheNames() {
            return delegate.getCacheNames();
        }

        private void clearAll() {
            caches.values().forEach(NearCache::forget);
            for (String name : delegate.getCacheNames()) {
                try {
                    Cache cache = delegate.getCache(name);
                    if (cache != null) {
                        cache.clear();
                    }
                } catch (RuntimeException e) {
                    log.warn("Cache {} could not be cleared after the outage: {}", name, e.toString());
                }
            }
        }
    }

    /** While the breaker is open a read is a miss and a write is skipped; otherwise Redis is asked and the outcome recorded. */
    static final class CircuitBreakingCache implements Cache {

        private final Cache delegate;
        private final CircuitBreaker breaker;

        CircuitBreakingCache(Cache delegate, CircuitBreaker breaker) {
            this.delegate = delegate;
            this.breaker = breaker;
        }

        @Override
        public String getName() {
            return delegate.getName();
        }

        @Override
        public Object getNativeCache() {
            return delegate.getNativeCache();
        }

        @Override
        public @Nullable ValueWrapper get(Object key) {
            return breaker.tryAcquirePermission() ? call(() -> delegate.get(key)) : null;
        }

        @Override
        public <T> @Nullable T get(Object key, @Nullable Class<T> type) {
            return breaker.tryAcquirePermission() ? call(() -> delegate.get(key, type)) : null;
        }

        @Override
        public <T> T get(Object key, Callable<T> valueLoader) {
            if (!breaker.tryAcquirePermission()) {
                try {
                    return valueLoader.call();
                } catch (Exception e) {
                    throw new ValueRetrievalException(key, valueLoader, e);
                }
            }
            return call(() -> delegate.get(key, valueLoader));
        }

        @Override
        public void put(Object key, @Nullable Object value) {
            if (breaker.tryAcquirePermission()) {
                call(() -> {
                    delegate.put(key, value);
                    return null;
                });
            }
        }

        @Override
        public void evict(Object key) {
            if (breaker.tryAcquirePermission()) {
                call(() -> {
                    delegate.evict(key);
                    return null;
                });
            }
        }

        @Override
        public void clear() {
            if (breaker.tryAcquirePermission()) {
                call(() -> {
                    delegate.clear();
                    return null;
                });
            }
        }

        private <T> T call(java.util.function.Supplier<T> action) {
            long start = System.nanoTime();
            try {
                T result = action.get();
                breaker.onSuccess(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
                return result;
            } catch (ValueRetrievalException e) {
                // the loader failed (a database or application error), not Redis
                breaker.onSuccess(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
                throw e;
            } catch (RuntimeException e) {
                breaker.onError(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS, e);
                throw e;
            }
        }
    }

    /**
     * What this JVM read from a cache lately, kept for a second or two (see the class comment). Entries are written
     * through to Redis; evictions and clears reach Redis and drop this JVM's copy at once and again once the
     * transaction commits, so a reader in between cannot keep the old value here.
     */
    static final class NearCache implements Cache {

        private final Cache delegate;
        private final com.github.benmanes.caffeine.cache.Cache<Object, ValueWrapper> near;
        // moved on by every eviction once Redis has it: a read that began before is not kept, since it may hold the old value
        private final java.util.concurrent.atomic.AtomicLong changes = new java.util.concurrent.atomic.AtomicLong();

        NearCache(Cache delegate, Duration ttl, int size) {
            this.delegate = delegate;
            this.near = com.github.benmanes.caffeine.cache.Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(size).build();
        }

        @Override
        public String getName() {
            return delegate.getName();
        }

        @Override
        public Object getNativeCache() {
            return delegate.getNativeCache();
        }

        @Override
        public @Nullable ValueWrapper get(Object key) {
            ValueWrapper kept = near.getIfPresent(key);
            if (kept != null) {
                return kept;
            }
            long seen = changes.get();
            ValueWrapper read = delegate.get(key);
            if (read != null) {
                keep(key, read, seen);
            }
            return read;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> @Nullable T get(Object key, @Nullable Class<T> type) {
            ValueWrapper kept = near.getIfPresent(key);
            if (kept != null) {
                Object value = kept.get();
                if (value != null && type != null && !type.isInstance(value)) {
                    throw new IllegalStateException("Cached value is not of required type [" + type.getName() + "]: " + value);
                }
                return (T) value;
            }
            long seen = changes.get();
            T read = delegate.get(key, type);
            if (read != null) {
                keep(key, new org.springframework.cache.support.SimpleValueWrapper(read), seen);
            }
            return read;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> @Nullable T get(Object key, Callable<T> valueLoader) {
            ValueWrapper kept = near.getIfPresent(key);
            if (kept != null) {
                return (T) kept.get();
            }
            long seen = changes.get();
            T value = delegate.get(key, valueLoader);
            keep(key, new org.springframework.cache.support.SimpleValueWrapper(value), seen);
            return value;
        }

        @Override
        public void put(Object key, @Nullable Object value) {
            delegate.put(key, value);
            near.put(key, new org.springframework.cache.support.SimpleValueWrapper(value));
        }

        @Override
        public void evict(Object key) {
            delegate.evict(key);
            forget(key);
            // a transaction-aware Redis cache evicts at the commit: forgotten again once it has
            afterCommit(() -> forget(key));
        }

        @Override
        public void clear() {
            delegate.clear();
            forget();
            afterCommit(this::forget);
        }

        /** Keeps what was read, unless something was evicted since the read began (it may be the old value). */
        private void keep(Object key, ValueWrapper value, long seen) {
            if (changes.get() == seen) {
                near.put(key, value);
                if (changes.get() != seen) {
                    near.invalidate(key);
                }
            }
        }

        private void forget(Object key) {
            changes.incrementAndGet();
            near.invalidate(key);
        }

        void forget() {
            changes.incrementAndGet();
            near.invalidateAll();
        }

        private static void afterCommit(Runnable action) {
            if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
                org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                        new org.springframework.transaction.support.TransactionSynchronization() {
                            @Override
                            public void afterCompletion(int status) {
                                action.run();
                            }
                        });
            }
        }
    }
}
