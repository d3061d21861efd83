package app.flowmarket.commerce;

/** Where an order stands: waiting for its payment, paid, refused by the processor, or refunded line by line to the last. */
public enum OrderStatus {
    PENDING, PAID, FAILED, REFUNDED;

    /** Paid at some point: a later payment verdict changes nothing. */
    boolean wasPaid() {
        return this == PAID || this == REFUNDED;
    }
}
