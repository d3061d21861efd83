package app.flowmarket.mail;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Settings under {@code flowmarket.mail.*}. */
@ConfigurationProperties("flowmarket.mail")
record MailSettings(@DefaultValue("Flowmarket <no-reply@flowmarket.local>") String from,
                    @DefaultValue("8") int maxAttempts,
                    @DefaultValue("PT5S") Duration firstRetryDelay,
                    @DefaultValue("20") int batchSize) {
}
