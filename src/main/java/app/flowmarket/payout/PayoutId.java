package app.flowmarket.payout;

import java.util.Objects;
import java.util.UUID;

/** The id of one payout to one store in one currency. */
public record PayoutId(UUID value) {

    public PayoutId {
        Objects.requireNonNull(value, "value");
    }

    public static PayoutId of(UUID value) {
        return new PayoutId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
