package app.flowmarket.shared;

import java.util.Objects;
import java.util.UUID;

/** The id of an order, so it cannot be mixed up with another kind of id. */
public record OrderId(UUID value) {

    public OrderId {
        Objects.requireNonNull(value, "value");
    }

    public static OrderId of(UUID value) {
        return new OrderId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
