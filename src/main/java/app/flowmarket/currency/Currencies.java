package app.flowmarket.currency;

import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The currencies prices can be shown in: those configured ({@code flowmarket.currency.display}) that the
 * day's rates cover. A person who has not chosen one gets a guess from their browser's language and
 * country (en-GB: pounds, de-CH: Swiss francs, fr: euros), else {@code flowmarket.currency.fallback}.
 */
@Service
public class Currencies {

    private static final Map<String, String> BY_COUNTRY = Map.ofEntries(
            Map.entry("US", "USD"), Map.entry("GB", "GBP"), Map.entry("IE", "EUR"), Map.entry("CH", "CHF"), Map.entry("LI", "CHF"),
            Map.entry("CA", "CAD"), Map.entry("AU", "AUD"), Map.entry("JP", "JPY"), Map.entry("SE", "SEK"), Map.entry("NO", "NOK"),
            Map.entry("DK", "DKK"), Map.entry("PL", "PLN"), Map.entry("FR", "EUR"), Map.entry("DE", "EUR"), Map.entry("AT", "EUR"),
            Map.entry("BE", "EUR"), Map.entry("NL", "EUR"), Map.entry("LU", "EUR"), Map.entry("ES", "EUR"), Map.entry("IT", "EUR"),
            Map.entry("PT", "EUR"), Map.entry("FI", "EUR"), Map.entry("GR", "EUR"), Map.entry("NZ", "USD"), Map.entry("MX", "USD"));
    private static final Map<String, String> BY_LANGUAGE = Map.of(
            "fr", "EUR", "de", "EUR", "es", "EUR", "it", "EUR", "nl", "EUR", "pt", "EUR", "ja", "JPY", "sv", "SEK", "nb", "NOK", "da", "DKK");

    private final ExchangeRates rates;
    private final CurrencySettings settings;

    Currencies(ExchangeRates rates, CurrencySettings settings) {
        this.rates = rates;
        this.settings = settings;
    }

    /** The currencies a person can choose to see prices in, in the configured order. */
    public List<Currency> displayable() {
        DailyRates today = rates.current();
        return settings.display().stream().map(Currencies::currency).flatMap(Optional::stream).filter(today::has).toList();
    }

    /** The currency when one is asked for by its code, if prices can be shown in it. */
    public Optional<Currency> displayable(@Nullable String code) {
        return currency(code).filter(c -> displayable().contains(c));
    }

    /** A first guess from a browser's languages (Accept-Language, best first): the first whose country or language says which. */
    public Currency guess(List<Locale> preferred) {
        List<Currency> shown = displayable();
        for (Locale locale : preferred) {
            Optional<Currency> byCountry = currency(BY_COUNTRY.get(locale.getCountry())).filter(shown::contains);
            if (byCountry.isPresent()) {
                return byCountry.get();
            }
            Optional<Currency> byLanguage = currency(BY_LANGUAGE.get(locale.getLanguage())).filter(shown::contains);
            if (byLanguage.isPresent()) {
                return byLanguage.get();
            }
            if ("en".equals(locale.getLanguage())) {
                break;
            }
        }
        return fallback();
    }

    public Currency fallback() {
        return currency(settings.fallback()).orElse(Currency.getInstance("USD"));
    }

    private static Optional<Currency> currency(@Nullable String code) {
        if (code == null || !code.matches("[A-Za-z]{3}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Currency.getInstance(code.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
