package app.flowmarket.payment;

import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code flowmarket.payment.*}. {@code provider} is {@code test} (the built-in processor)
 * or {@code stripe}. {@code currencies} are those the processor is asked to charge (an order is charged
 * in the buyer's currency when it is one of them). The test processor signs its webhooks with a secret
 * generated on first start and kept in the database; {@code test-webhook-secret} overrides it.
 */
@ConfigurationProperties("flowmarket.payment")
record PaymentSettings(@DefaultValue("test") String provider,
                       String testWebhookSecret,
                       Stripe stripe,
                       @DefaultValue({"USD", "EUR", "GBP", "CHF", "CAD", "AUD", "JPY", "SEK", "NOK", "DKK", "PLN"}) List<String> currencies) {

    /** The currencies to charge in, as configured (unknown codes left out). */
    Set<Currency> chargeable() {
        Set<Currency> chargeable = new LinkedHashSet<>();
        for (String code : currencies) {
            try {
                chargeable.add(Currency.getInstance(code.strip().toUpperCase(java.util.Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                // not an ISO 4217 code: nothing can be charged in it
            }
        }
        return java.util.Collections.unmodifiableSet(chargeable);
    }

    record Stripe(@DefaultValue("https://api.stripe.com") String apiBase, String secretKey, String webhookSecret) {
    }
}
