package app.flowmarket.security;

import java.util.UUID;

/** The owner said a sign-in was not theirs: every session is to end, and a password reset is to be mailed. */
public record SignInDisowned(UUID accountId) {
}
