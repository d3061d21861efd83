package app.flowmarket.platform;

import java.io.IOException;
import java.time.Duration;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * CSS, scripts, images and WebJars under content-hashed URLs ({@code /css/app-<md5>.css}) that
 * browsers and proxies keep for a year without asking again: a changed file gets a new URL. Pages
 * link them through {@link Ui#asset(String)}. The same files asked for without the hash (an old
 * bookmark, the service worker's icon) are revalidated on every use instead.
 */
@Configuration(proxyBeanMethods = false)
public class StaticAssets implements WebMvcConfigurer {

    static final String[] PATHS = {"/css/**", "/js/**", "/img/**"};
    private static final Pattern VERSIONED = Pattern.compile(".*-[0-9a-f]{32}\\.[A-Za-z0-9]+$");
    private static final Pattern STATIC = Pattern.compile("^/(css|js|img|webjars)/.*");

    // looked up when first used: the provider is built from this configuration's handlers
    private final ObjectProvider<ResourceUrlProvider> urls;

    private final java.util.Map<String, String> versioned = new java.util.concurrent.ConcurrentHashMap<>();

    StaticAssets(ObjectProvider<ResourceUrlProvider> urls) {
        this.urls = urls;
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        CacheControl forever = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();
        registry.addResourceHandler(PATHS)
                .addResourceLocations("classpath:/static/css/", "classpath:/static/js/", "classpath:/static/img/")
                .setCacheControl(forever)
                .resourceChain(true)
                .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
        registry.addResourceHandler("/webjars/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(forever)
                .resourceChain(true)
                .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"))
                .addResolver(new LiteWebJarsResourceResolver());
    }

    /** The hashed URL of a static file, e.g. {@code /css/app.css} → {@code /css/app-1f2e….css}. */
    public String url(String path) {
        // the resource chain keeps what it resolved (resourceChain(true)), so the answer for a path never changes
        // while the application runs: kept here too, saving the handler matching on every link of every page
        return versioned.computeIfAbsent(path, p -> {
            String found = urls.getObject().getForLookupPath(p);
            return found == null ? p : found;
        });
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> unversionedAssetsRevalidate() {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                String path = request.getRequestURI();
                return !STATIC.matcher(path).matches() || VERSIONED.matcher(path).matches();
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                chain.doFilter(request, new RevalidateEveryTime(response));
            }
        });
        registration.addUrlPatterns("/css/*", "/js/*", "/img/*", "/webjars/*");
        return registration;
    }

    /** Replaces the one-year header with "ask again each time" (answered 304 while the file is unchanged). */
    private static final class RevalidateEveryTime extends HttpServletResponseWrapper {

        RevalidateEveryTime(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, HttpHeaders.CACHE_CONTROL.equalsIgnoreCase(name) ? "no-cache" : value);
        }

        @Override
        public void addHeader(String name, String value) {
            super.addHeader(name, HttpHeaders.CACHE_CONTROL.equalsIgnoreCase(name) ? "no-cache" : value);
        }
    }
}
