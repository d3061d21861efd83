package app.flowmarket.privacy;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code flowmarket.privacy.*}: how long an export's download link works (the file is deleted
 * then), how long a requested deletion waits so that signing in can still cancel it, how often the jobs look for
 * work, and how many times a failed job is tried.
 */
@ConfigurationProperties("flowmarket.privacy")
record PrivacySettings(@DefaultValue("P7D") Duration exportLifetime,
                       @DefaultValue("P14D") Duration deletionGrace,
                       @DefaultValue("PT2S") Duration pollInterval,
                       @DefaultValue("PT10M") Duration lease,
                       @DefaultValue("5") int maxAttempts) {
}
