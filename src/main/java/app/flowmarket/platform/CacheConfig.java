package app.flowmarket.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cache.Cache;
import org.springframework.cache.annotation.CachingConfigurer;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.interceptor.CacheErrorHandler;
import org.springframework.context.annotation.Configuration;

/**
 * Spring Cache on Redis. A cache that cannot be reached is skipped, never an error: the page is then
 * served straight from PostgreSQL, and caching resumes when Redis is back.
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
class CacheConfig implements CachingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(CacheConfig.class);

    /** Evictions wait for the commit, so a reader cannot put the old data back in between. */
    @org.springframework.context.annotation.Bean
    org.springframework.boot.cache.autoconfigure.RedisCacheManagerBuilderCustomizer transactionAwareCaches() {
        return builder -> builder.transactionAware();
    }

    @Override
    public CacheErrorHandler errorHandler() {
        return new CacheErrorHandler() {
            @Override
            public void handleCacheGetError(RuntimeException e, Cache cache, Object key) {
                log.debug("Cache {} unavailable on get: {}", cache.getName(), e.toString());
            }

            @Override
            public void handleCachePutError(RuntimeException e, Cache cache, Object key, Object value) {
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
}
