package app.flowmarket.account;

import app.flowmarket.platform.LanguageChosen;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Keeps the account's language in step with the interface language the person picks. */
@Component
class LanguageListener {

    private final AccountManagement accounts;

    LanguageListener(AccountManagement accounts) {
        this.accounts = accounts;
    }

    @EventListener
    void on(LanguageChosen event) {
        accounts.changeLocale(event.accountId(), event.language());
    }
}
