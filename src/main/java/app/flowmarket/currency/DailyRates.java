package app.flowmarket.currency;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One day's reference rates, as the ECB publishes them: how many units of each currency one euro buys
 * (the euro itself is 1). {@code source} says where they came from ({@code ecb}, or {@code seed} for the
 * rates the database was created with).
 */
public record DailyRates(LocalDate date, String source, Map<String, BigDecimal> perEuro) {

    public static final Currency EURO = Currency.getInstance("EUR");

    public DailyRates {
        TreeMap<String, BigDecimal> rates = new TreeMap<>(perEuro);
        rates.put(EURO.getCurrencyCode(), BigDecimal.ONE);
        perEuro = java.util.Collections.unmodifiableMap(rates);
    }

    /** Units of the currency one euro buys on that day, if the rates have it. */
    public Optional<BigDecimal> perEuro(Currency currency) {
        return Optional.ofNullable(perEuro.get(currency.getCurrencyCode()));
    }

    public boolean has(Currency currency) {
        return perEuro.containsKey(currency.getCurrencyCode());
    }
}
