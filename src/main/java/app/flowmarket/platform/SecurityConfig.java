package app.flowmarket.platform;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

import app.flowmarket.security.LoginThrottle;
import app.flowmarket.security.WriteLimits;
import app.flowmarket.security.SignInLinkRequests;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.ott.JdbcOneTimeTokenService;
import org.springframework.security.authentication.ott.OneTimeTokenService;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.ott.OneTimeTokenGenerationSuccessHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    SecurityFilterChain web(HttpSecurity http, LoginThrottle loginThrottle, WriteLimits writeLimits, SignInLinkRequests signInLinkRequests,
                            OneTimeTokenGenerationSuccessHandler signInLinkMailer, OneTimeTokenService oneTimeTokens) throws Exception {
        // back to the page they came from: a protected page they were sent away from, or the page whose
        // "Sign in" link they followed (?next=, a path of this site only), else the home page
        SavedRequestAwareAuthenticationSuccessHandler backToWhereTheyWere = new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            protected String determineTargetUrl(jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) {
                try {
                    return app.flowmarket.shared.WebInput.localPath(request.getParameter("next"), "/");
                } catch (app.flowmarket.shared.DomainException e) {
                    return "/";
                }
            }
        };
        backToWhereTheyWere.setDefaultTargetUrl("/");
        backToWhereTheyWere.setTargetUrlParameter("next");
        AuthenticationSuccessHandler signedIn = loginThrottle.successHandler(backToWhereTheyWere);
        http
                .addFilterBefore(loginThrottle, UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(writeLimits, org.springframework.security.web.access.intercept.AuthorizationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .requestMatchers("/settings/**", "/seller/**", "/stores/new", "/verify-email/resend",
                                "/checkout/**", "/orders/**", "/library/**", "/following", "/search/history/**", "/search/history").authenticated()
                        .requestMatchers("/notifications/unsubscribe", "/saved-searches/unsubscribe").permitAll()
                        .requestMatchers("/saved-searches", "/saved-searches/**").authenticated()
                        .requestMatchers("/notifications/**").authenticated()
                        .requestMatchers(HttpMethod.POST, "/logout").authenticated()
                        .anyRequest().permitAll())
                .formLogin(form -> form
                        .loginPage("/login")
                        .usernameParameter("email")
                        .successHandler(signedIn)
                        .failureHandler(loginThrottle.failureHandler("/login?error"))
                        .permitAll())
                // "e-mail me a sign-in link": the way in that no failed password, anyone's, can close
                .oneTimeTokenLogin(ott -> ott
                        // our page: without it Spring Security would generate its own at /login
                        .loginPage("/login")
                        .tokenService(oneTimeTokens)
                        .tokenGeneratingUrl("/login/link")
                        .generateRequestResolver(signInLinkRequests)
                        .tokenGenerationSuccessHandler(signInLinkMailer)
                        .loginProcessingUrl("/login/ott")
                        .showDefaultSubmitPage(false)
                        .successHandler(signedIn)
                        .failureHandler(new SimpleUrlAuthenticationFailureHandler("/login/link?invalid")))
                .logout(logout -> logout
                        .logoutUrl("/logout")
                        .logoutSuccessUrl("/?signedOut")
                        .invalidateHttpSession(true)
                        .deleteCookies("SESSION"))
                // payment processors sign their webhooks instead
                // the CSRF token lives in a cookie (double submit), so visitors never need a server-side session:
                // browsing works without Redis and bots cost nothing; payment processors sign their webhooks instead
                .csrf(csrf -> csrf
                        .csrfTokenRepository(csrfTokens())
                        .ignoringRequestMatchers("/webhooks/**", "/newsletter/unsubscribe", "/notifications/unsubscribe",
                                "/saved-searches/unsubscribe"))
                .exceptionHandling(ex -> ex.accessDeniedPage("/error/403"))
                .headers(headers -> headers
                        // no-store except on public pages for visitors, which "Back" may then show from the browser's memory
                        .cacheControl(cache -> cache.disable())
                        .addHeaderWriter(new PageCaching())
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(ref -> ref.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
        return http.build();
    }

    /**
     * The token in a cookie; the service worker's own fetches (marked {@code Flowmarket-Background}) never set it: a
     * page it keeps in the background must not replace the token of the page the person is using, whose form would then
     * be refused (a sign-in while the worker installs, for one).
     */
    private static CsrfTokenRepository csrfTokens() {
        CookieCsrfTokenRepository cookies = new CookieCsrfTokenRepository();
        cookies.setCookieCustomizer(cookie -> cookie.sameSite("Lax").path("/"));
        return new CsrfTokenRepository() {

            @Override
            public CsrfToken generateToken(HttpServletRequest request) {
                return cookies.generateToken(request);
            }

            @Override
            public void saveToken(@Nullable CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
                if (request.getHeader("Flowmarket-Background") == null) {
                    cookies.saveToken(token, request, response);
                }
            }

            @Override
            public @Nullable CsrfToken loadToken(HttpServletRequest request) {
                return cookies.loadToken(request);
            }
        };
    }

    /** The throttle runs inside the security chain only, not a second time as a plain servlet filter. */
    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<LoginThrottle> loginThrottleRegistration(LoginThrottle throttle) {
        var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(throttle);
        registration.setEnabled(false);
        return registration;
    }

    /** The write limits run inside the security chain only (after the signed-in person is known). */
    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<WriteLimits> writeLimitsRegistration(WriteLimits limits) {
        var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(limits);
        registration.setEnabled(false);
        return registration;
    }

    /** Sign-in link tokens in PostgreSQL, so a link mailed by one node works on every node; used once, then deleted. */
    @Bean
    JdbcOneTimeTokenService oneTimeTokens(JdbcTemplate jdbc) {
        return new JdbcOneTimeTokenService(jdbc);
    }

    /** Argon2id for new hashes; the prefix lets us move to a stronger setting later without a reset. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder("argon2",
                Map.of("argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8()));
    }
}
