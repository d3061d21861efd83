package app.flowmarket.analytics;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code flowmarket.analytics.*}: whether pages are tracked at all, how many events wait in
 * memory at most (more are dropped and counted in the log rather than slowing pages down), and how often
 * they are written ({@code flush-interval}, default two seconds).
 */
@ConfigurationProperties("flowmarket.analytics")
record AnalyticsSettings(@DefaultValue("true") boolean enabled,
                         @DefaultValue("50000") int bufferCapacity,
                         @DefaultValue("PT2S") Duration flushInterval) {
}
