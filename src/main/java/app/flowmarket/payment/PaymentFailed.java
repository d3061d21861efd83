package app.flowmarket.payment;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The processor refused a payment attempt for an order (declined card, no funds, ...). */
public record PaymentFailed(UUID orderId, String checkoutRef, @Nullable String reason) {
}
