package app.flowmarket.payment;

import java.util.UUID;

/** The processor confirmed that an order's checkout was paid. */
public record PaymentSucceeded(UUID orderId, String checkoutRef, long amountMinor, String currency) {
}
