package app.flowmarket.payout;

/** A payout waits for its transfer, then was sent or failed (a failed one gives its money back to the balance). */
public enum PayoutStatus {
    PENDING, SENT, FAILED;

    public String slug() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
