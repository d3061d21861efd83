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
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
class CacheConfig implements CachingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(CacheConfig.class);

    /** Evictions wait for the commit, so a reader cannot put the old data back in between. */
    @Bean
    org.springframework.boot.cache.autoconfigure.RedisCacheManagerBuilderCustomizer transactionAwareCaches() {
        return builder -> builder.transactionAware();
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
    static BeanPostProcessor circuitBreakingCaches(org.springframework.beans.factory.ObjectProvider<CircuitBreaker> breaker) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof CacheManager manager && !(bean instanceof CircuitBreakingCacheManager)
                        ? new CircuitBreakingCacheManager(manager, breaker.getObject()) : bean;
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
        private final ConcurrentMap<String, Cache> caches = new ConcurrentHashMap<>();

        CircuitBreakingCacheManager(CacheManager delegate, CircuitBreaker breaker) {
            this.delegate = delegate;
            this.breaker = breaker;
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
            return cache == null ? null : caches.computeIfAbsent(name, n -> new CircuitBreakingCache(cache, breaker));
        }

        @Override
        public Collection<String> getCacheNames() {
            return delegate.getCacheNames();
        }

        private void clearAll() {
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
}
