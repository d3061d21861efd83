package app.flowmarket.commerce;

import java.math.BigDecimal;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code flowmarket.commerce.*}: the platform's commission in basis points (1000 = 10 %),
 * how long an order stays open for its payment before it expires, and the platform minimum of a paid line
 * ({@code minimum-price}, a decimal amount in each line's own currency, 0.50 by default; see {@link Pricing}).
 * Open orders whose time is up are swept every {@code flowmarket.commerce.expiry-sweep-interval} (default one minute).
 */
@ConfigurationProperties("flowmarket.commerce")
record CommerceSettings(@DefaultValue("1000") int platformFeeBps,
                        @DefaultValue("PT1H") Duration checkoutOpenFor,
                        @DefaultValue("0.50") BigDecimal minimumPrice) {

    CommerceSettings {
        if (minimumPrice.signum() < 0) {
            throw new IllegalStateException("flowmarket.commerce.minimum-price cannot be negative: " + minimumPrice);
        }
    }
}
