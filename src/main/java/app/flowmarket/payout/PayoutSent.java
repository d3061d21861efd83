package app.flowmarket.payout;

import java.time.Instant;

import app.flowmarket.shared.Money;
import app.flowmarket.shared.StoreId;

/** A payout left the platform: the admin marked its transfer sent, with the bank's reference. */
public record PayoutSent(PayoutId payoutId, StoreId storeId, Money amount, String reference, Instant sentAt) {
}
