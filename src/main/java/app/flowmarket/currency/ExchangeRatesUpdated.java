package app.flowmarket.currency;

import java.time.LocalDate;

/** A new day's reference rates are stored and in force from now on. */
public record ExchangeRatesUpdated(LocalDate date, String source) {
}
