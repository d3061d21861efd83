package app.flowmarket.platform;

import java.util.UUID;

/** A signed-in person switched the interface language. */
public record LanguageChosen(UUID accountId, String language) {
}
