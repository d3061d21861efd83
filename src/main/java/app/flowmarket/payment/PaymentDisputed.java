package app.flowmarket.payment;

import java.time.Instant;
import java.util.UUID;

/**
 * The buyer's bank disputed a payment (a chargeback): the processor took back {@code amountMinor} and charged its
 * dispute fee ({@code feeMinor}), both in the payment's currency, until the dispute closes.
 */
public record PaymentDisputed(UUID orderId, String checkoutRef, String disputeRef, long amountMinor, String currency, long feeMinor,
                              Instant at) {
}
