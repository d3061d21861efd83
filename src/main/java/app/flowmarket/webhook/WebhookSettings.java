package app.flowmarket.webhook;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code flowmarket.webhook.*}. {@code allowedHosts} lists host names that may be reached over plain
 * HTTP and on any address, loopback included: for tests and local development only, empty in production.
 */
@ConfigurationProperties("flowmarket.webhook")
record WebhookSettings(@DefaultValue List<String> allowedHosts, @DefaultValue("PT1S") Duration pollInterval,
                       @DefaultValue("PT15S") Duration timeout, @DefaultValue("PT24H") Duration secretOverlap,
                       @DefaultValue("10") int maxEndpoints) {
}
