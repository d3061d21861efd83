package app.flowmarket.account;

import app.flowmarket.platform.CurrencyChosen;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Keeps the account's currency in step with the one the person picks for prices, so their next sign-in shows it again. */
@Component
class CurrencyListener {

    private final AccountManagement accounts;

    CurrencyListener(AccountManagement accounts) {
        this.accounts = accounts;
    }

    @EventListener
    void on(CurrencyChosen event) {
        accounts.changeCurrency(event.accountId(), event.currency());
    }
}
