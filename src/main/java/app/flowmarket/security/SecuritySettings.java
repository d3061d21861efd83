package app.flowmarket.security;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings under {@code flowmarket.security.*}: how failed sign-ins are slowed down, how long a browser stays
 * known, how often a sign-in link may be mailed (decision 0015), and the largest request bodies taken (forms
 * and workflow uploads follow {@code server.tomcat.max-http-form-post-size} and
 * {@code spring.servlet.multipart.max-request-size}).
 */
@ConfigurationProperties("flowmarket.security")
record SecuritySettings(@DefaultValue SignIn signIn, @DefaultValue SignInLink signInLink, @DefaultValue BodyLimits bodyLimits,
                        @DefaultValue GeoIp geoIp, @DefaultValue SessionLimits sessions,
                        @DefaultValue Writes writes) {

    /**
     * MaxMind-format databases (GeoLite2/GeoIP2 City, and ASN for the network's owner) that place sign-ins
     * approximately; without a city database, alerts go by device and address alone.
     */
    record GeoIp(java.nio.file.@Nullable Path cityDatabase, java.nio.file.@Nullable Path asnDatabase) {
    }

    /**
     * A signed-in session ends after {@code absolute} however active it is (OWASP ASVS 3.3.2); the idle timeout is
     * {@code spring.session.timeout}, counted from the last use written to the store, which is written at most every
     * {@code touchEvery} (see {@link SessionTouches}).
     */
    record SessionLimits(@DefaultValue("PT12H") Duration absolute, @DefaultValue("PT1M") Duration touchEvery) {
    }

    /**
     * Payment webhooks, other raw bodies (JSON sent by the pages' scripts) and image uploads (screenshots,
     * store pictures: 2 MB images plus the form around them).
     */
    record BodyLimits(@DefaultValue("64KB") DataSize webhook,
                      @DefaultValue("64KB") DataSize raw,
                      @DefaultValue("3MB") DataSize image,
                      @DefaultValue("7MB") DataSize workflowJson) {
    }


    /**
     * Failed sign-ins only (successes never count). Per account and source address (or per known browser):
     * {@code freeFailures} free, then a wait of {@code firstDelay} doubling with each further failure up to
     * {@code maxDelay}; a success clears it, and it is forgotten {@code failureMemory} after the last failure.
     * Across all accounts from one address, and across all addresses for one account, at most
     * {@code failuresPerAddress} / {@code failuresPerAccount} failures per window. A browser that signed in
     * to an account stays known to it for {@code deviceLifetime} and is judged by its own failures only.
     */
    record SignIn(@DefaultValue("5") int freeFailures,
                  @DefaultValue("PT1S") Duration firstDelay,
                  @DefaultValue("PT15M") Duration maxDelay,
                  @DefaultValue("PT24H") Duration failureMemory,
                  @DefaultValue("100") int failuresPerAddress,
                  @DefaultValue("PT1H") Duration addressWindow,
                  @DefaultValue("100") int failuresPerAccount,
                  @DefaultValue("PT1H") Duration accountWindow,
                  @DefaultValue("P365D") Duration deviceLifetime) {
    }

    /** "E-mail me a sign-in link": how long a link works, and how many are sent per e-mail address and per source address. */
    record SignInLink(@DefaultValue("PT10M") Duration lifetime,
                      @DefaultValue("3") int perEmail,
                      @DefaultValue("PT15M") Duration perEmailWindow,
                      @DefaultValue("20") int perSource,
                      @DefaultValue("PT1H") Duration perSourceWindow) {
    }

    /**
     * What people may send (every POST of the site outside the API, which has its own limits, and the sign-in form,
     * which has the throttle above): sign-ups and password resets per source address per {@code window}; other
     * changes per signed-in account, or per source address for visitors, per {@code window}.
     */
    record Writes(@DefaultValue("10") int signUpsPerAddress,
                  @DefaultValue("5") int passwordResetsPerAddress,
                  @DefaultValue("600") int perAccount,
                  @DefaultValue("300") int perAddress,
                  @DefaultValue("PT1H") Duration window) {
    }
}
