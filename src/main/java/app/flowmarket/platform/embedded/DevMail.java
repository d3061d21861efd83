package app.flowmarket.platform.embedded;

import org.jspecify.annotations.Nullable;

/** One mail as the development mailbox shows it. */
public record DevMail(String to, @Nullable String subject, @Nullable String text) {
}
