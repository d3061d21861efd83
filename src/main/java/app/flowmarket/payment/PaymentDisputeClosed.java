package app.flowmarket.payment;

import java.time.Instant;
import java.util.UUID;

/** A payment's dispute closed: {@code won}, the processor gave the money and its fee back; lost, the buyer keeps the money. */
public record PaymentDisputeClosed(UUID orderId, String checkoutRef, String disputeRef, long amountMinor, String currency, long feeMinor,
                                   boolean won, Instant at) {
}
