package app.flowmarket.shared;

import java.util.Objects;
import java.util.UUID;

/** The id of an account, so it cannot be mixed up with another kind of id. */
public record AccountId(UUID value) {

    public AccountId {
        Objects.requireNonNull(value, "value");
    }

    public static AccountId of(UUID value) {
        return new AccountId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
