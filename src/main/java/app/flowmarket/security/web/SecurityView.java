package app.flowmarket.security.web;

import app.flowmarket.security.AccountSecurity;
import app.flowmarket.security.Sessions;

/** What the Security page shows: sessions and sign-ins with their times written for the reader. */
public final class SecurityView {

    private SecurityView() {
    }

    public record SessionRow(Sessions.ActiveSession session, String signedIn, String lastActive) {
    }

    public record SignInRow(AccountSecurity.SignInView signIn, String when) {
    }
}
