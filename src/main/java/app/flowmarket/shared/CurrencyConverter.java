package app.flowmarket.shared;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Optional;

/**
 * Amounts in another currency at the day's reference rates. The pricing engine ({@code commerce.Pricing})
 * does the converting, as it does all price arithmetic; this is how the modules that commerce itself
 * depends on (the page layout, the catalogue's pages, search) reach it.
 */
public interface CurrencyConverter {

    /** The amount in another currency, rounded half-up to its minor unit; empty when the day's rates lack either currency. */
    Optional<Money> convert(Money amount, Currency to);

    /**
     * An amount of any currency as micro-euros at the day's rates, to order and filter prices of different
     * currencies on one scale; a decimal amount, so that a bound like "under 25.00" can be put half a cent
     * below 25. Empty when the day's rates lack the currency.
     */
    Optional<Long> referenceMicros(BigDecimal amount, Currency currency);

    /**
     * Units of {@code to} per unit of {@code from} at the day's rates, as {@link #convert} applies it (for a database
     * to convert many sums the same way); empty when the day's rates lack either currency.
     */
    Optional<BigDecimal> rate(Currency from, Currency to);

    /** The day of the rates in force. */
    LocalDate ratesDate();
}
