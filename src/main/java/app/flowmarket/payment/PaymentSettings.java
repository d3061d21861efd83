package app.flowmarket.payment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code flowmarket.payment.*}. {@code provider} is {@code test} (the built-in processor)
 * or {@code stripe}. The test processor signs its webhooks with a secret generated on first start and
 * kept in the database; {@code test-webhook-secret} overrides it.
 */
@ConfigurationProperties("flowmarket.payment")
record PaymentSettings(@DefaultValue("test") String provider,
                       String testWebhookSecret,
                       Stripe stripe) {

    record Stripe(@DefaultValue("https://api.stripe.com") String apiBase, String secretKey, String webhookSecret) {
    }
}
