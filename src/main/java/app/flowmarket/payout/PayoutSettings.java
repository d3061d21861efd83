package app.flowmarket.payout;

import java.math.BigDecimal;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code flowmarket.payout.*}: how long a sale's money is held for refunds before it may be paid
 * out (counted from the sale), the smallest balance a batch pays (in each currency's own units: 10 means $10,
 * €10, £10), and the provider that carries transfers ({@code manual}: the admin transfers by hand).
 */
@ConfigurationProperties("flowmarket.payout")
record PayoutSettings(@DefaultValue("P14D") Duration hold,
                      @DefaultValue("10") BigDecimal minimum,
                      @DefaultValue("manual") String provider) {
}
