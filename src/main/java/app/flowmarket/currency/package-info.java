/**
 * Currencies: the day's reference exchange rates (the {@code ExchangeRates} port: a stored table by default,
 * the ECB's daily reference rates by configuration, fetched once a day by one node), and the currencies
 * prices can be shown in, with a first guess from a person's language and country.
 */
@NullMarked
package app.flowmarket.currency;

import org.jspecify.annotations.NullMarked;
