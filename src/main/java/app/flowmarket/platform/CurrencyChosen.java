package app.flowmarket.platform;

import java.util.UUID;

/** A signed-in person chose the currency prices are shown in (an ISO 4217 code). */
public record CurrencyChosen(UUID accountId, String currency) {
}
