package app.flowmarket.catalog.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

import app.flowmarket.catalog.CatalogQueries;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import app.flowmarket.platform.DisplayCurrency;
import app.flowmarket.shared.PersonalCookies;
import app.flowmarket.shared.PriceOffers;
import app.flowmarket.shared.Theme;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.cache.autoconfigure.RedisCacheManagerBuilderCustomizer;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.data.redis.cache.RedisCacheConfiguration;
import org.springframework.data.redis.serializer.RedisSerializationContext;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Whole rendered pages for visitors without a session: the home page and workflow pages, per URL,
 * language and the currency prices are shown in, and the promotions running (a price switches exactly when
 * one starts or ends), in Redis. Evicted with the catalogue caches on every change of a listing (a new price
 * shows at once) and kept at most a minute, for what other modules show on them (review votes,
 * follower counts). Each page carries its viewer's CSRF token: it is cut out when the page is stored
 * and the current visitor's is put back when it is served. Runs after the security filters, so it
 * knows who is asking; signed-in people and visitors with a cart always get a fresh page.
 */
class PublicPageCache extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(PublicPageCache.class);
    private static final Pattern CACHED_PATHS = Pattern.compile("^/$|^/workflows/[a-z0-9][a-z0-9-]{0,120}$");
    private static final String TOKEN_PLACEHOLDER = "__flowmarket_csrf_token__";

    /** Stored as plain UTF-8 bytes, "content type, newline, page": no Java serialization on the hot path. */
    record CachedPage(String contentType, String html) {

        byte[] toBytes() {
            return (contentType + "\n" + html).getBytes(StandardCharsets.UTF_8);
        }

        static @Nullable CachedPage fromBytes(byte[] bytes) {
            String text = new String(bytes, StandardCharsets.UTF_8);
            int newline = text.indexOf('\n');
            return newline < 0 ? null : new CachedPage(text.substring(0, newline), text.substring(newline + 1));
        }
    }

    private final CacheManager caches;
    private final LocaleResolver locales;
    private final DisplayCurrency currencies;
    private final PriceOffers offers;

    PublicPageCache(CacheManager caches, LocaleResolver locales, DisplayCurrency currencies, PriceOffers offers) {
        this.caches = caches;
        this.offers = offers;
        this.locales = locales;
        this.currencies = currencies;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || request.getQueryString() != null
                || request.getHeader("HX-Request") != null || !CACHED_PATHS.matcher(request.getRequestURI()).matches()
                || hasSessionCookie(request) || !anonymous();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Cache cache = caches.getCache(CatalogQueries.PAGE_CACHE);
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        if (cache == null || token == null) {
            chain.doFilter(request, response);
            return;
        }
        // a page is painted in its reader's theme (data-theme) and priced in their currency: each has its own copy
        String key = locales.resolveLocale(request).toLanguageTag().toLowerCase(Locale.ROOT) + " " + theme(request).value()
                + " " + currencies.of(request).getCurrencyCode() + " " + offers.window(Instant.now()) + " " + request.getRequestURI();
        CachedPage page = read(cache, key);
        if (page != null) {
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType(page.contentType());
            response.setHeader("X-Page-Cache", "hit");
            String html = page.html().contains(TOKEN_PLACEHOLDER) ? page.html().replace(TOKEN_PLACEHOLDER, token.getToken()) : page.html();
            byte[] body = html.getBytes(StandardCharsets.UTF_8);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            return;
        }
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, wrapper);
        String contentType = wrapper.getContentType();
        if (wrapper.getStatus() == HttpServletResponse.SC_OK && contentType != null && contentType.startsWith("text/html")
                && request.getSession(false) == null) {
            String html = new String(wrapper.getContentAsByteArray(), StandardCharsets.UTF_8);
            write(cache, key, new CachedPage(contentType, html.replace(token.getToken(), TOKEN_PLACEHOLDER)));
            wrapper.setHeader("X-Page-Cache", "miss");
        }
        wrapper.copyBodyToResponse();
    }

    private static Theme theme(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (Theme.COOKIE.equals(cookie.getName())) {
                    return Theme.parse(cookie.getValue()).orElse(Theme.SYSTEM);
                }
            }
        }
        return Theme.SYSTEM;
    }

    private static @Nullable CachedPage read(Cache cache, String key) {
        try {
            byte[] bytes = cache.get(key, byte[].class);
            return bytes == null ? null : CachedPage.fromBytes(bytes);
        } catch (RuntimeException e) {
            log.debug("Page cache unavailable: {}", e.toString());
            return null;
        }
    }

    private static void write(Cache cache, String key, CachedPage page) {
        try {
            cache.put(key, page.toBytes());
        } catch (RuntimeException e) {
            log.debug("Page cache unavailable: {}", e.toString());
        }
    }

    private static boolean hasSessionCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies != null && Arrays.stream(cookies).anyMatch(c -> PersonalCookies.ALL.contains(c.getName()));
    }

    private static boolean anonymous() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || auth instanceof AnonymousAuthenticationToken;
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        org.springframework.boot.web.servlet.FilterRegistrationBean<PublicPageCache> publicPageCache(CacheManager caches,
                                                                                                  LocaleResolver localeResolver,
                                                                                                  DisplayCurrency currencies,
                                                                                                  PriceOffers offers) {
            var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(
                    new PublicPageCache(caches, localeResolver, currencies, offers));
            // after Spring Security's chain (which runs at -100): the visitor and the CSRF token are known
            registration.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
            registration.addUrlPatterns("/*");
            return registration;
        }

        @Bean
        RedisCacheManagerBuilderCustomizer pageCacheTimeToLive() {
            return builder -> builder.withCacheConfiguration(CatalogQueries.PAGE_CACHE,
                    RedisCacheConfiguration.defaultCacheConfig(PublicPageCache.class.getClassLoader())
                            .prefixCacheNameWith("flowmarket:cache:")
                            .serializeValuesWith(RedisSerializationContext.SerializationPair.fromSerializer(RedisSerializer.byteArray()))
                            .disableCachingNullValues()
                            .entryTtl(Duration.ofMinutes(1)));
        }
    }
}
