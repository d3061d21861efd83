package app.flowmarket.qa;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code flowmarket.qa.*}: how long after posting a question or answer its author may still
 * edit it, and how many questions and answers one person may post per hour.
 */
@ConfigurationProperties("flowmarket.qa")
record QaSettings(@DefaultValue("PT15M") Duration editWindow, @DefaultValue("20") int postsPerHour) {
}
