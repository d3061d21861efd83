package app.flowmarket.security;

import java.io.IOException;
import java.util.Set;

import app.flowmarket.shared.CurrentUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits what people send to the site: sign-ups and password resets
 * per source address, every other change per signed-in account or, for visitors, per source address. The source
 * address is the one Tomcat took from X-Forwarded-For only when a trusted proxy sent it, so a made-up header does
 * not reset a limit. Buckets live in Redis ({@link RateLimits}), so every node agrees; without Redis a stricter
 * bucket in this node's memory applies. Every answer carries the IETF {@code RateLimit-Policy} / {@code RateLimit}
 * headers; one too many gets 429 with {@code Retry-After} and the friendly error page saying how long to wait.
 */
@Component
public class WriteLimits extends OncePerRequestFilter {

    /** The request attribute telling the error page how many seconds to wait. */
    public static final String RETRY_AFTER = WriteLimits.class.getName() + ".retryAfter";

    /** Signed by the payment processor, or limited elsewhere (the sign-in throttle, the sign-in link's own limits). */
    private static final Set<String> NOT_HERE = Set.of("/login", "/login/link", "/login/ott", "/logout");

    private final RateLimits limits;
    private final RateLimits.Limit signUps;
    private final RateLimits.Limit passwordResets;
    private final RateLimits.Limit perAccount;
    private final RateLimits.Limit perAddress;

    WriteLimits(RateLimits limits, SecuritySettings settings) {
        this.limits = limits;
        SecuritySettings.Writes writes = settings.writes();
        this.signUps = new RateLimits.Limit("sign-up", writes.signUpsPerAddress(), writes.window());
        this.passwordResets = new RateLimits.Limit("password-reset", writes.passwordResetsPerAddress(), writes.window());
        this.perAccount = new RateLimits.Limit("writes-account", writes.perAccount(), writes.window());
        this.perAddress = new RateLimits.Limit("writes-address", writes.perAddress(), writes.window());
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getServletPath();
        return !"POST".equals(request.getMethod()) || NOT_HERE.contains(path) || path.startsWith("/webhooks/") || path.startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getServletPath();
        String address = LoginThrottle.source(request.getRemoteAddr());
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        RateLimits.Decision decision;
        String policy;
        if ("/signup".equals(path)) {
            decision = limits.take(signUps, address);
            policy = "sign-up";
        } else if ("/forgot-password".equals(path) || "/reset-password".equals(path)) {
            decision = limits.take(passwordResets, address);
            policy = "password-reset";
        } else if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
            decision = limits.take(perAccount, user.id().toString());
            policy = "account";
        } else {
            decision = limits.take(perAddress, address);
            policy = "address";
        }
        decision.announce(response, policy);
        if (!decision.allowed()) {
            request.setAttribute(RETRY_AFTER, decision.retryAfterSeconds());
            response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
            return;
        }
        chain.doFilter(request, response);
    }
}
