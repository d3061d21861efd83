package app.flowmarket.payment;

import java.util.UUID;

/** The processor refused a payment attempt for an order (declined card, no funds, ...). */
public record PaymentFailed(UUID orderId, String checkoutRef, String reason) {
}
