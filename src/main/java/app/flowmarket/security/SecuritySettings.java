package app.flowmarket.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Settings under {@code flowmarket.security.*}: sign-in attempts allowed per account and per client address. */
@ConfigurationProperties("flowmarket.security")
record SecuritySettings(@DefaultValue("10") int loginAttemptsPerAccount,
                        @DefaultValue("PT15M") Duration accountWindow,
                        @DefaultValue("50") int loginAttemptsPerAddress,
                        @DefaultValue("PT10M") Duration addressWindow) {
}
