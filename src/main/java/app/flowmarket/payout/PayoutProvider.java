package app.flowmarket.payout;

import app.flowmarket.shared.Money;

/**
 * The port a payout's transfer goes through. The built-in {@code manual} provider leaves the transfer to an admin, who
 * marks it sent or failed with the bank's reference; a bank or payment-platform adapter would send it itself.
 */
public interface PayoutProvider {

    /** The name kept with each payout and matched against {@code flowmarket.payout.provider}. */
    String name();

    /** What a transfer needs; the account number is the full one, for the provider only. */
    record Transfer(PayoutId payoutId, Money amount, String accountHolder, String accountNumber) {
    }

    /**
     * Starts the transfer. Returns the provider's reference when it sent the money at once, or null when the payout
     * stays pending until someone marks it.
     */
    @org.jspecify.annotations.Nullable String submit(Transfer transfer);
}
