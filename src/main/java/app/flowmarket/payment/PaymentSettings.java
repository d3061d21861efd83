package app.flowmarket.payment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code flowmarket.payment.*}. {@code provider} is {@code test} (the built-in processor)
 * or {@code stripe}.
 */
@ConfigurationProperties("flowmarket.payment")
record PaymentSettings(@DefaultValue("test") String provider,
                       @DefaultValue("whsec_flowmarket_test_processor_secret") String testWebhookSecret,
                       Stripe stripe) {

    record Stripe(@DefaultValue("https://api.stripe.com") String apiBase, String secretKey, String webhookSecret) {
    }
}
