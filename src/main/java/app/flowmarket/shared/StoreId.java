package app.flowmarket.shared;

import java.util.Objects;
import java.util.UUID;

/** The id of a store, so it cannot be mixed up with another kind of id. */
public record StoreId(UUID value) {

    public StoreId {
        Objects.requireNonNull(value, "value");
    }

    public static StoreId of(UUID value) {
        return new StoreId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
