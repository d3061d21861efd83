package app.flowmarket.payment;

import java.time.Clock;
import java.time.Duration;

import app.flowmarket.shared.Tokens;
import org.jspecify.annotations.Nullable;

/**
 * Stripe's webhook signature scheme: {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.payload">},
 * checked in constant time and refused when older than the tolerance (replay protection).
 */
final class WebhookSignature {

    static final Duration TOLERANCE = Duration.ofMinutes(5);

    private WebhookSignature() {
    }

    static String sign(String payload, String secret, long timestamp) {
        return "t=" + timestamp + ",v1=" + hmac(timestamp + "." + payload, secret);
    }

    static void verify(String payload, @Nullable String header, String secret, Clock clock) {
        if (header == null || header.isBlank()) {
            throw new PaymentGateway.InvalidWebhookException("missing signature");
        }
        long timestamp = -1;
        String expected = null;
        boolean matched = false;
        for (String part : header.split(",")) {
            String[] kv = part.strip().split("=", 2);
            if (kv.length != 2) {
                continue;
            }
            if (kv[0].equals("t")) {
                try {
                    timestamp = Long.parseLong(kv[1]);
                } catch (NumberFormatException e) {
                    throw new PaymentGateway.InvalidWebhookException("bad timestamp");
                }
                expected = hmac(timestamp + "." + payload, secret);
            }
        }
        if (expected == null) {
            throw new PaymentGateway.InvalidWebhookException("no timestamp");
        }
        for (String part : header.split(",")) {
            String[] kv = part.strip().split("=", 2);
            if (kv.length == 2 && kv[0].equals("v1") && Tokens.sameSecret(kv[1], expected)) {
                matched = true;
            }
        }
        if (!matched) {
            throw new PaymentGateway.InvalidWebhookException("signature mismatch");
        }
        long age = clock.instant().getEpochSecond() - timestamp;
        if (Math.abs(age) > TOLERANCE.toSeconds()) {
            throw new PaymentGateway.InvalidWebhookException("signature too old");
        }
    }

    private static String hmac(String data, String secret) {
        return Tokens.hmacSha256Hex(secret, data);
    }
}
