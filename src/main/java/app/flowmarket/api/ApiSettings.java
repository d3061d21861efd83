package app.flowmarket.api;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code flowmarket.api.*}: requests per window with a token and, lower, without one (by client
 * address), the most tokens a person may hold, and how deep and how costly a GraphQL query may be (a list field
 * costs its fields times its {@code first}).
 */
@ConfigurationProperties("flowmarket.api")
public record ApiSettings(@DefaultValue("600") int tokenRequests, @DefaultValue("60") int anonymousRequests,
                   @DefaultValue("PT1M") Duration window, @DefaultValue("20") int maxTokens,
                   @DefaultValue("10") int graphqlMaxDepth, @DefaultValue("2000") int graphqlMaxComplexity) {
}
