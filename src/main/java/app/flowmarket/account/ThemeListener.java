package app.flowmarket.account;

import app.flowmarket.platform.ThemeChosen;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Keeps the account's theme in step with the theme the person picks, for the other browsers they use. */
@Component
class ThemeListener {

    private final AccountManagement accounts;

    ThemeListener(AccountManagement accounts) {
        this.accounts = accounts;
    }

    @EventListener
    void on(ThemeChosen event) {
        accounts.changeTheme(event.accountId(), event.theme());
    }
}
