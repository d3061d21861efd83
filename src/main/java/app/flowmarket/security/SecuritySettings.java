package app.flowmarket.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings under {@code flowmarket.security.*}: sign-in attempts allowed per account and per client address,
 * and the largest request bodies taken (forms and workflow uploads follow
 * {@code server.tomcat.max-http-form-post-size} and {@code spring.servlet.multipart.max-request-size}).
 */
@ConfigurationProperties("flowmarket.security")
record SecuritySettings(@DefaultValue("10") int loginAttemptsPerAccount,
                        @DefaultValue("PT15M") Duration accountWindow,
                        @DefaultValue("50") int loginAttemptsPerAddress,
                        @DefaultValue("PT10M") Duration addressWindow,
                        @DefaultValue BodyLimits bodyLimits) {

    /**
     * Payment webhooks, other raw bodies (JSON sent by the pages' scripts) and image uploads (screenshots,
     * store pictures: 2 MB images plus the form around them).
     */
    record BodyLimits(@DefaultValue("64KB") DataSize webhook,
                      @DefaultValue("64KB") DataSize raw,
                      @DefaultValue("3MB") DataSize image) {
    }
}
