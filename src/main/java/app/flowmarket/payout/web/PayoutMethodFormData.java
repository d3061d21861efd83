package app.flowmarket.payout.web;

import app.flowmarket.payout.BankAccount;
import org.jspecify.annotations.Nullable;

/** The bank details form as typed. The number is never sent back to the page: a refused form shows it empty. */
public record PayoutMethodFormData(@Nullable String holder, @Nullable String number) {

    public static PayoutMethodFormData empty() {
        return new PayoutMethodFormData("", "");
    }

    public BankAccount toParameters() {
        return new BankAccount(holder == null ? "" : holder, number == null ? "" : number);
    }
}
