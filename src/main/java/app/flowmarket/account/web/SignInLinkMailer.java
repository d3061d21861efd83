package app.flowmarket.account.web;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

import app.flowmarket.account.AccountManagement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.ott.OneTimeToken;
import org.springframework.security.web.authentication.ott.OneTimeTokenGenerationSuccessHandler;
import org.springframework.stereotype.Component;

/** Mails the one-time sign-in link Spring Security issued, then shows the page every request gets. */
@Component
class SignInLinkMailer implements OneTimeTokenGenerationSuccessHandler {

    private final AccountManagement accounts;

    SignInLinkMailer(AccountManagement accounts) {
        this.accounts = accounts;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, OneTimeToken token) throws IOException {
        // rounded up to whole minutes, as the mail says it
        Duration lifetime = Duration.between(Instant.now(), token.getExpiresAt()).plusSeconds(59);
        accounts.mailSignInLink(token.getUsername(), token.getTokenValue(), lifetime);
        response.sendRedirect(request.getContextPath() + AuthController.LINK_SENT);
    }
}
