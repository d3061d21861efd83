package app.flowmarket.analytics;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import app.flowmarket.shared.CurrentUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An account is active on a day when it makes a signed-in request that day (a page, an htmx call, the API).
 * Each node writes an account once a day at most: it remembers whom it has written today, and the database
 * keeps one row per account and day whatever the nodes do, so the counts are exact distinct counts.
 */
@Component
class ActiveAccounts {

    private static final Logger log = LoggerFactory.getLogger(ActiveAccounts.class);

    private final PlatformRollups rollups;
    private final AnalyticsSettings settings;
    private final ConcurrentHashMap<UUID, LocalDate> writtenToday = new ConcurrentHashMap<>();
    private volatile LocalDate today = LocalDate.now(ZoneOffset.UTC);

    ActiveAccounts(PlatformRollups rollups, AnalyticsSettings settings) {
        this.rollups = rollups;
        this.settings = settings;
    }

    void seen(UUID accountId) {
        LocalDate now = LocalDate.now(ZoneOffset.UTC);
        if (!now.equals(today)) {
            today = now;
            writtenToday.clear();
        }
        if (now.equals(writtenToday.put(accountId, now))) {
            return;
        }
        try {
            rollups.active(accountId, now);
        } catch (RuntimeException e) {
            // a count is not worth a failed page; the account's next request tries again
            writtenToday.remove(accountId);
            log.warn("Could not record an active account: {}", e.toString());
        }
    }

    /** After Spring Security (which knows who is signed in), before the pages. */
    @Configuration(proxyBeanMethods = false)
    static class Filter {

        @Bean
        FilterRegistrationBean<OncePerRequestFilter> activeAccountTracking(ActiveAccounts accounts) {
            var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
                @Override
                protected boolean shouldNotFilter(HttpServletRequest request) {
                    String path = request.getRequestURI();
                    return !accounts.settings.enabled() || path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/webjars/")
                            || path.startsWith("/img/") || path.startsWith("/actuator") || path.startsWith("/favicon");
                }

                @Override
                protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                        throws ServletException, IOException {
                    var authentication = SecurityContextHolder.getContext().getAuthentication();
                    if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
                        accounts.seen(user.id());
                    }
                    chain.doFilter(request, response);
                }
            });
            registration.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
            registration.setName("activeAccountTracking");
            return registration;
        }
    }
}
