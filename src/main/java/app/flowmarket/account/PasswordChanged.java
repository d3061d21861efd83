package app.flowmarket.account;

import java.util.UUID;

/** An account's password was changed (by its owner) or reset (from a mailed link). */
public record PasswordChanged(UUID accountId, String email, boolean reset) {
}
