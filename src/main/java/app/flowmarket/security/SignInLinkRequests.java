package app.flowmarket.security;

import java.util.Locale;

import app.flowmarket.shared.Tokens;
import app.flowmarket.shared.WebInput;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.security.web.authentication.ott.GenerateOneTimeTokenRequestResolver;
import org.springframework.stereotype.Component;

/**
 * Which "e-mail me a sign-in link" requests get a link: a well-formed address, within the limits per e-mail
 * address (nobody's inbox is flooded) and per source address. A request turned down here gets no token, and
 * the page answers exactly as if it had been sent, known address or not.
 */
@Component
public class SignInLinkRequests implements GenerateOneTimeTokenRequestResolver {

    private static final Logger log = LoggerFactory.getLogger(SignInLinkRequests.class);

    private final RateLimitStore store;
    private final SecuritySettings settings;

    SignInLinkRequests(RateLimitStore store, SecuritySettings settings) {
        this.store = store;
        this.settings = settings;
    }

    @Override
    public @Nullable GenerateOneTimeTokenRequest resolve(HttpServletRequest request) {
        String email = request.getParameter("email") == null ? "" : request.getParameter("email").strip();
        if (!WebInput.isEmail(email)) {
            return null;
        }
        SecuritySettings.SignInLink limits = settings.signInLink();
        boolean allowed = store.take("sign-in-link:source:" + LoginThrottle.source(request.getRemoteAddr()), limits.perSource(), limits.perSourceWindow())
                && store.take("sign-in-link:email:" + Tokens.sha256Hex(email.toLowerCase(Locale.ROOT)), limits.perEmail(), limits.perEmailWindow());
        if (!allowed) {
            log.info("Sign-in link not sent: too many asked for from one source or for one address");
            return null;
        }
        return new GenerateOneTimeTokenRequest(email, limits.lifetime());
    }
}
