package app.flowmarket.api;

import java.io.IOException;
import java.util.Optional;

import app.flowmarket.api.ApiProblems.Kind;
import app.flowmarket.security.RateLimits;
import app.flowmarket.shared.SiteSettings;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ShallowEtagHeaderFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's own security chains, for REST and for GraphQL alike: stateless (no session, no cookie, so no CSRF), a
 * personal access token as {@code Authorization: Bearer}, and a rate limit per token or, without one, per client
 * address (lower). Which scope an endpoint or field needs is checked by the endpoint or field ({@link ApiAccess}).
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfig {

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, RateLimits limits, ApiSettings settings, JsonMapper json) throws Exception {
        Refusal problems = (response, kind, detail) -> ApiProblems.write(response, json, kind, detail);
        return stateless(http.securityMatcher("/api/v1/**"), tokens, limits, settings, problems)
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")))
                .build();
    }

    /**
     * GraphQL exactly as the REST API: the same tokens, scopes and rate limits (the same buckets), stateless, so a
     * session cookie authenticates nothing here and CSRF has nothing to protect; refusals come as GraphQL errors.
     */
    @Bean
    @Order(2)
    SecurityFilterChain graphQl(HttpSecurity http, ApiTokens tokens, RateLimits limits, ApiSettings settings, JsonMapper json) throws Exception {
        Refusal errors = (response, kind, detail) -> ApiProblems.writeGraphQl(response, json, kind, detail);
        return stateless(http.securityMatcher("/graphql"), tokens, limits, settings, errors)
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")))
                .build();
    }

    /**
     * GraphiQL, the in-browser GraphQL editor, on a development machine only ({@code spring.graphql.graphiql.enabled},
     * and never in production). It loads its scripts from esm.sh, which the site's own policy would refuse.
     */
    @Bean
    @Order(3)
    SecurityFilterChain graphiQl(HttpSecurity http, SiteSettings site) throws Exception {
        http.securityMatcher("/graphiql")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .addFilterBefore(new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                            throws ServletException, IOException {
                        if (site.isProduction()) {
                            response.sendError(HttpServletResponse.SC_NOT_FOUND);
                            return;
                        }
                        chain.doFilter(request, response);
                    }
                }, AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; script-src 'self' 'unsafe-inline' https://esm.sh; style-src 'self' 'unsafe-inline' https://esm.sh; "
                                + "connect-src 'self' https://esm.sh; worker-src 'self' blob: https://esm.sh; img-src 'self' data: https://esm.sh; "
                                + "font-src 'self' data: https://esm.sh; object-src 'none'; base-uri 'self'; frame-ancestors 'none'")));
        return http.build();
    }

    private static HttpSecurity stateless(HttpSecurity http, ApiTokens tokens, RateLimits limits, ApiSettings settings, Refusal refusal)
            throws Exception {
        return http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .addFilterBefore(new BearerTokens(tokens, refusal), AnonymousAuthenticationFilter.class)
                .addFilterAfter(new ApiRateLimit(limits, settings, refusal), BearerTokens.class)
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll());
    }

    /** How a filter refuses a request: a problem for REST clients, a GraphQL error for GraphQL ones. */
    @FunctionalInterface
    interface Refusal {
        void write(HttpServletResponse response, Kind kind, String detail) throws IOException;
    }

    /** ETag on every API answer, 304 Not Modified when If-None-Match names the current one. */
    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> apiEtags() {
        var registration = new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
        registration.addUrlPatterns("/api/v1/*");
        registration.setName("apiEtags");
        return registration;
    }

    /** Reads the bearer token; a token that is not valid is refused at once rather than treated as no token. */
    static final class BearerTokens extends OncePerRequestFilter {

        private final ApiTokens tokens;
        private final Refusal refusal;

        BearerTokens(ApiTokens tokens, Refusal refusal) {
            this.tokens = tokens;
            this.refusal = refusal;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader("Authorization");
            if (header == null || header.isBlank()) {
                chain.doFilter(request, response);
                return;
            }
            Optional<ApiCaller> caller = header.regionMatches(true, 0, "Bearer ", 0, 7)
                    ? tokens.authenticate(header.substring(7).strip()) : Optional.empty();
            if (caller.isEmpty()) {
                response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
                refusal.write(response, Kind.INVALID_TOKEN,
                        "The Authorization header does not hold a valid, unexpired and unrevoked personal access token.");
                return;
            }
            var authentication = new UsernamePasswordAuthenticationToken(caller.get(), null,
                    caller.get().scopes().stream().map(s -> new SimpleGrantedAuthority("SCOPE_" + s.value())).toList());
            SecurityContextHolder.getContext().setAuthentication(authentication);
            try {
                chain.doFilter(request, response);
            } finally {
                SecurityContextHolder.clearContext();
            }
        }
    }

    /**
     * Counts each request against its token's bucket, or its address's without a token (the address Tomcat took
     * from X-Forwarded-For only when a trusted proxy sent it, so a spoofed header cannot reset a limit).
     * Answers carry the limit both as IETF RateLimit-Policy / RateLimit and as the common X-RateLimit-* headers.
     */
    static final class ApiRateLimit extends OncePerRequestFilter {

        private final RateLimits limits;
        private final RateLimits.Limit withToken;
        private final RateLimits.Limit anonymous;
        private final Refusal refusal;

        ApiRateLimit(RateLimits limits, ApiSettings settings, Refusal refusal) {
            this.limits = limits;
            this.withToken = new RateLimits.Limit("api-token", settings.tokenRequests(), settings.window());
            this.anonymous = new RateLimits.Limit("api-anonymous", settings.anonymousRequests(), settings.window());
            this.refusal = refusal;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            var authentication = SecurityContextHolder.getContext().getAuthentication();
            RateLimits.Decision decision;
            String policy;
            if (authentication != null && authentication.getPrincipal() instanceof ApiCaller caller) {
                decision = limits.take(withToken, caller.tokenId().toString());
                policy = "token";
            } else {
                decision = limits.take(anonymous, String.valueOf(request.getRemoteAddr()));
                policy = "anonymous";
            }
            long windowSeconds = decision.window().toSeconds();
            decision.announce(response, policy);
            response.setHeader("X-RateLimit-Limit", Integer.toString(decision.limit()));
            response.setHeader("X-RateLimit-Remaining", Long.toString(decision.remaining()));
            response.setHeader("X-RateLimit-Reset", Long.toString(decision.resetSeconds()));
            if (!decision.allowed()) {
                refusal.write(response, Kind.RATE_LIMITED,
                        "More than " + decision.limit() + " requests in " + windowSeconds + " s; retry after "
                                + decision.retryAfterSeconds() + " s.");
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
