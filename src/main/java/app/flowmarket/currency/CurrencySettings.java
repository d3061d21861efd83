package app.flowmarket.currency;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code flowmarket.currency.*}: where the daily rates come from ({@code stored} or
 * {@code ecb}), the ECB's feed, how often nodes look whether a fetch is due and how long a node keeps
 * the rates in memory, the currencies prices can be shown in, and the one shown when nothing else is known.
 */
@ConfigurationProperties("flowmarket.currency")
record CurrencySettings(@DefaultValue("stored") String source,
                        @DefaultValue("https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml") URI ecbUrl,
                        @DefaultValue("PT15M") Duration fetchCheckInterval,
                        @DefaultValue("PT1M") Duration keepInMemory,
                        @DefaultValue({"USD", "EUR", "GBP", "CHF", "CAD", "AUD", "JPY", "SEK", "NOK", "DKK", "PLN"}) List<String> display,
                        @DefaultValue("USD") String fallback) {
}
