package app.flowmarket.analytics;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code flowmarket.analytics.*}: whether pages are tracked at all, how many events wait in
 * memory at most (more are dropped and counted in the log rather than slowing pages down), and how often
 * they are written ({@code flush-interval}, default two seconds), and how soon after a write to a closed day the admins'
 * kept top lists are recomputed in the background ({@code top-lists-after}, default ten seconds, once for the writes meanwhile).
 */
@ConfigurationProperties("flowmarket.analytics")
record AnalyticsSettings(@DefaultValue("true") boolean enabled,
                         @DefaultValue("50000") int bufferCapacity,
                         @DefaultValue("PT2S") Duration flushInterval,
                         @DefaultValue("PT10S") Duration topListsAfter) {
}
