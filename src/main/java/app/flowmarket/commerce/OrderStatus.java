package app.flowmarket.commerce;

import java.util.Locale;

/**
 * Where an order stands. Open — waiting for its payment ({@code PENDING}), or its last attempt refused and
 * payable again ({@code FAILED}) — until it is paid, cancelled by the buyer or expires; paid orders are
 * refunded line by line to the last ({@code REFUNDED}), or taken back by the buyer's bank in a dispute they won
 * ({@code CHARGED_BACK}).
 */
public enum OrderStatus {
    PENDING, PAID, FAILED, REFUNDED, CHARGED_BACK, CANCELLED, EXPIRED;

    /** Paid at some point: a later payment verdict changes nothing. */
    boolean wasPaid() {
        return this == PAID || this == REFUNDED || this == CHARGED_BACK;
    }

    /** Waiting for the buyer's payment: the buyer's one open checkout. */
    public boolean isOpen() {
        return this == PENDING || this == FAILED;
    }

    /** Closed before it was paid: cancelled or expired. */
    public boolean isClosedUnpaid() {
        return this == CANCELLED || this == EXPIRED;
    }

    /** The message key of its name, as buyers read it. */
    public String messageKey() {
        return "order.state." + name().toLowerCase(Locale.ROOT);
    }
}
