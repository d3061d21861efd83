package app.flowmarket.payment;

import java.util.UUID;

import app.flowmarket.shared.Money;
import org.jspecify.annotations.Nullable;

/** A checkout of the built-in test processor, as its hosted page shows it. */
public record TestCheckoutView(String id, UUID orderId, long amountMinor, String currency, String description, String successUrl,
                               String cancelUrl, String status, @Nullable String cardLast4, long refundedMinor) {

    public Money amount() {
        return Money.of(amountMinor, currency);
    }
}
