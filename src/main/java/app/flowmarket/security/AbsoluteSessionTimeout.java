package app.flowmarket.security;

import java.io.IOException;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a signed-in session {@code flowmarket.security.sessions.absolute} after its sign-in, however active it
 * has been (OWASP ASVS 3.3.2); the idle timeout is Spring Session's own. Runs before Spring Security, so the
 * request that finds the session too old is already served as signed out.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1)
class AbsoluteSessionTimeout extends OncePerRequestFilter {

    private final SecuritySettings settings;

    AbsoluteSessionTimeout(SecuritySettings settings) {
        this.settings = settings;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = sessionOrNull(request);
        if (session != null && session.getAttribute(SignIns.SESSION_SIGNED_IN_AT) instanceof String signedInAt) {
            try {
                if (Instant.ofEpochMilli(Long.parseLong(signedInAt)).plus(settings.sessions().absolute()).isBefore(Instant.now())) {
                    session.invalidate();
                }
            } catch (NumberFormatException | IllegalStateException e) {
                // not ours to judge: left as it is
            }
        }
        chain.doFilter(request, response);
    }

    private static @Nullable HttpSession sessionOrNull(HttpServletRequest request) {
        try {
            return request.getSession(false);
        } catch (RuntimeException e) {
            // the session store is unreachable (decision 13): nothing to judge
            return null;
        }
    }
}
