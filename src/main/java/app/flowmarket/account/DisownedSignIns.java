package app.flowmarket.account;

import app.flowmarket.security.AccountSecurity;
import app.flowmarket.security.SignInDisowned;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * "This wasn't me" on a sign-in alert: every session of the account ends and a password-reset link is mailed,
 * so whoever signed in is out and the owner chooses a password the intruder does not know.
 */
@Component
class DisownedSignIns {

    private final Accounts accounts;
    private final AccountManagement management;
    private final AccountSecurity security;

    DisownedSignIns(Accounts accounts, AccountManagement management, AccountSecurity security) {
        this.accounts = accounts;
        this.management = management;
        this.security = security;
    }

    @ApplicationModuleListener
    void on(SignInDisowned event) {
        accounts.findById(event.accountId()).ifPresent(account -> {
            security.endAllSessions(account.getEmail());
            management.requestPasswordReset(account.getEmail());
        });
    }
}
