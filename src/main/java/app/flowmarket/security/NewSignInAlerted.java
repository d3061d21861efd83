package app.flowmarket.security;

import java.time.Instant;
import java.util.UUID;

/** Someone signed in to the account from a device or a place it had not signed in from before; the owner was mailed. */
public record NewSignInAlerted(UUID accountId, long signInId, Instant at, String device, String place, String ip) {
}
