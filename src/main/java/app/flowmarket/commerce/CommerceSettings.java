package app.flowmarket.commerce;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code flowmarket.commerce.*}: the platform's commission in basis points (1000 = 10 %),
 * and how long an order stays open for its payment before it expires. Open orders whose time is up are
 * swept every {@code flowmarket.commerce.expiry-sweep-interval} (default one minute).
 */
@ConfigurationProperties("flowmarket.commerce")
record CommerceSettings(@DefaultValue("1000") int platformFeeBps,
                        @DefaultValue("PT1H") Duration checkoutOpenFor) {
}
