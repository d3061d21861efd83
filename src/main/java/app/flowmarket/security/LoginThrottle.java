package app.flowmarket.security;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import app.flowmarket.security.RateLimitStore.Outcome;
import app.flowmarket.security.RateLimitStore.Scope;
import app.flowmarket.security.RateLimitStore.Verdict;
import app.flowmarket.shared.CurrentUser;
import app.flowmarket.shared.Tokens;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows down password guessing without letting anyone lock an owner out (decision 0015). Only failed sign-ins
 * count, in Redis so every node agrees:
 * <ul>
 * <li>per account and source address: a few free failures, then growing waits; a success clears them;</li>
 * <li>per source address across all accounts, and per account across all addresses: a cap per window;</li>
 * <li>a browser that signed in to the account before (a known device) is judged by its own failures only,
 * so failures made elsewhere never keep the owner out; the mailed sign-in link is the way in for everyone else.</li>
 * </ul>
 * A refused attempt is not checked, not counted, and redirected to {@code /login?throttled&wait=<seconds>}.
 */
@Component
public class LoginThrottle extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    private static final String ATTEMPT = LoginThrottle.class.getName() + ".attempt";

    private final RateLimitStore store;
    private final KnownDevices devices;
    private final UserDetailsService accounts;
    private final SecuritySettings settings;
    private final SignIns signIns;

    LoginThrottle(RateLimitStore store, KnownDevices devices, UserDetailsService accounts, SecuritySettings settings, SignIns signIns) {
        this.store = store;
        this.signIns = signIns;
        this.devices = devices;
        this.accounts = accounts;
        this.settings = settings;
    }

    /** One password sign-in: the scopes it is judged by, the wait a failure would cause, and whether its outcome is recorded. */
    private static final class Attempt {
        final List<Scope> scopes;
        long waitIfFailed;
        boolean settled;

        Attempt(List<Scope> scopes) {
            this.scopes = scopes;
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Attempt attempt = new Attempt(scopes(request));
        Verdict verdict = store.reserve(attempt.scopes);
        if (!verdict.allowed()) {
            log.debug("Sign-in refused unchecked: {} s left to wait", seconds(verdict.waitMillis()));
            response.sendRedirect(request.getContextPath() + "/login?throttled&wait=" + seconds(verdict.waitMillis()));
            return;
        }
        attempt.waitIfFailed = verdict.waitMillis();
        request.setAttribute(ATTEMPT, attempt);
        try {
            chain.doFilter(request, response);
        } finally {
            // neither handler ran (a server fault): the attempt proved nothing, so it is taken back
            if (!attempt.settled) {
                store.settle(attempt.scopes, Outcome.UNDECIDED);
            }
        }
    }

    /** Counts the failure (already reserved) and says how long to wait if it set one. */
    public AuthenticationFailureHandler failureHandler(String failureUrl) {
        return (request, response, exception) -> {
            String target = failureUrl;
            if (request.getAttribute(ATTEMPT) instanceof Attempt attempt) {
                attempt.settled = true;
                if (!(exception instanceof BadCredentialsException)) {
                    store.settle(attempt.scopes, Outcome.UNDECIDED);
                } else if (attempt.waitIfFailed > 0) {
                    log.info("Failed sign-in: attempts like it now wait {} s",
                            seconds(attempt.waitIfFailed));
                    target += "&wait=" + seconds(attempt.waitIfFailed);
                }
            }
            String next = request.getParameter("next");
            if (next != null && next.startsWith("/") && !next.startsWith("//") && next.length() <= 2000) {
                // the page they came from stays the destination after another try
                target += "&next=" + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8);
            }
            response.sendRedirect(request.getContextPath() + target);
        };
    }

    /**
     * Before the given handler: clears the failures this sign-in was judged by, makes the browser known to
     * the account (also after a sign-in by mailed link), and records the sign-in (history, session details,
     * an alert when the device or the place is new).
     */
    public AuthenticationSuccessHandler successHandler(AuthenticationSuccessHandler then) {
        return (request, response, authentication) -> {
            if (request.getAttribute(ATTEMPT) instanceof Attempt attempt) {
                attempt.settled = true;
                store.settle(attempt.scopes, Outcome.SUCCEEDED);
            }
            if (authentication.getPrincipal() instanceof CurrentUser user) {
                boolean knownDevice = devices.deviceFor(request, user).isPresent();
                devices.remember(request, response, user);
                signIns.signedIn(request, user, knownDevice);
            }
            then.onAuthenticationSuccess(request, response, authentication);
        };
    }


    private List<Scope> scopes(HttpServletRequest request) {
        SecuritySettings.SignIn limits = settings.signIn();
        String email = request.getParameter("email") == null ? "" : request.getParameter("email").strip().toLowerCase(Locale.ROOT);
        Optional<String> device = knownDevice(request, email);
        if (device.isPresent()) {
            return List.of(Scope.growing("device:" + device.get(), limits.freeFailures(), limits.firstDelay(),
                    limits.maxDelay(), limits.failureMemory()));
        }
        String account = Tokens.sha256Hex(email);
        String source = source(request.getRemoteAddr());
        return List.of(
                Scope.growing("pair:" + account + ":" + source, limits.freeFailures(), limits.firstDelay(), limits.maxDelay(), limits.failureMemory()),
                Scope.cap("address:" + source, limits.failuresPerAddress(), limits.addressWindow()),
                Scope.cap("account:" + account, limits.failuresPerAccount(), limits.accountWindow()));
    }

    private Optional<String> knownDevice(HttpServletRequest request, String email) {
        if (email.isEmpty() || !devices.mayKnow(request)) {
            return Optional.empty();
        }
        try {
            UserDetails user = accounts.loadUserByUsername(email);
            return user instanceof CurrentUser account ? devices.deviceFor(request, account) : Optional.empty();
        } catch (RuntimeException e) {
            // unknown address, or the database not answering: judged like any other browser
            return Optional.empty();
        }
    }

    /** The client's address (Tomcat has taken it from X-Forwarded-For if a trusted proxy sent it); IPv6 by its /64, which one subscriber holds. */
    static String source(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.indexOf(':') < 0) {
            return String.valueOf(remoteAddress);
        }
        try {
            byte[] bytes = InetAddress.getByName(remoteAddress).getAddress();
            if (bytes.length == 16) {
                return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
            }
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            return remoteAddress;
        }
    }

    private static long seconds(long millis) {
        return Math.max(1, (millis + 999) / 1000);
    }
}
