package app.flowmarket.commerce;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import app.flowmarket.currency.DailyRates;
import app.flowmarket.currency.ExchangeRates;
import app.flowmarket.shared.CurrencyConverter;

/** The pricing engine with fixed reference rates, for tests outside a Spring context. */
public final class TestPricing {

    /** Euro reference rates of a made-up day: 1 EUR = 1.16 USD = 0.88 GBP = 180 JPY = 11 SEK. */
    public static final DailyRates RATES = new DailyRates(LocalDate.of(2026, 11, 20), "test", Map.of(
            "USD", new BigDecimal("1.16"), "GBP", new BigDecimal("0.88"), "JPY", new BigDecimal("180"), "SEK", new BigDecimal("11"),
            "CHF", new BigDecimal("0.93")));

    private TestPricing() {
    }

    public static ExchangeRates fixed(DailyRates rates) {
        return new ExchangeRates() {
            @Override
            public DailyRates current() {
                return rates;
            }

            @Override
            public String source() {
                return "stored";
            }
        };
    }

    static Pricing pricing(int platformFeeBps) {
        return pricing(platformFeeBps, new BigDecimal("0.50"));
    }

    /** The engine with a platform minimum of {@code minimumPrice} in each line's currency (0.50 is the default of the platform). */
    static Pricing pricing(int platformFeeBps, BigDecimal minimumPrice) {
        return new Pricing(new CommerceSettings(platformFeeBps, Duration.ofHours(1), minimumPrice), fixed(RATES));
    }

    /** The engine's conversion at {@link #RATES}. */
    public static CurrencyConverter converter() {
        return pricing(1000);
    }
}
