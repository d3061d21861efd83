package app.flowmarket.commerce;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Settings under {@code flowmarket.commerce.*}: the platform's commission in basis points (1000 = 10 %). */
@ConfigurationProperties("flowmarket.commerce")
record CommerceSettings(@DefaultValue("1000") int platformFeeBps) {
}
