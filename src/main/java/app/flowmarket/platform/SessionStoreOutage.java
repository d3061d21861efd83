package app.flowmarket.platform;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import gg.jte.TemplateEngine;
import gg.jte.output.PrintWriterOutput;
import app.flowmarket.shared.PersonalCookies;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.aopalliance.intercept.MethodInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.session.SessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What a person meets while Redis, which keeps sessions, does not answer (decision 0013). Reading a
 * session that cannot be reached makes the request anonymous for that one request (the catalogue stays
 * browsable, the cookie is kept, so the person is still signed in once Redis is back). What needs the
 * session (signing in, account pages, checkout) gets a 503 page saying to try again in a minute, with
 * {@code Retry-After}, never a 500 and never the sign-in form.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreOutage {

    static final String UNAVAILABLE = SessionStoreOutage.class.getName() + ".unavailable";
    private static final Logger log = LoggerFactory.getLogger(SessionStoreOutage.class);

    /** Session reads that fail are reported as "no session" and remembered on the request. */
    @Bean
    static BeanPostProcessor sessionReadsSurviveAnOutage() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (!(bean instanceof SessionRepository<?>)) {
                    return bean;
                }
                ProxyFactory proxy = new ProxyFactory(bean);
                proxy.setProxyTargetClass(true);
                proxy.addAdvice((MethodInterceptor) invocation -> {
                    if (!invocation.getMethod().getName().equals("findById")) {
                        return invocation.proceed();
                    }
                    try {
                        return invocation.proceed();
                    } catch (DataAccessException e) {
                        log.warn("Session store unreachable; serving this request without its session: {}", e.toString());
                        RequestAttributes request = RequestContextHolder.getRequestAttributes();
                        if (request != null) {
                            request.setAttribute(UNAVAILABLE, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
                        }
                        return null;
                    }
                });
                return proxy.getProxy(bean.getClass().getClassLoader());
            }
        };
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> sessionStoreOutageFilter(TemplateEngine templates, UiSupport support) {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OutageFilter(templates, support));
        // outside Spring Session's filter: it sees what happens when a session is saved at the end
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
        return registration;
    }

    static boolean unavailable(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(UNAVAILABLE));
    }

    private static final class OutageFilter extends OncePerRequestFilter {

        private final TemplateEngine templates;
        private final UiSupport support;

        OutageFilter(TemplateEngine templates, UiSupport support) {
            this.templates = templates;
            this.support = support;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            HttpServletResponse guarded = new HttpServletResponseWrapper(response) {
                @Override
                public void sendRedirect(String location) throws IOException {
                    // a signed-in person whose session cannot be read is not sent to sign in again
                    if (unavailable(request) && location.contains("/login")) {
                        tryAgainLater(request, (HttpServletResponse) getResponse());
                        return;
                    }
                    super.sendRedirect(location);
                }

                // a request that could not read its session must not hand out a new one: the browser would
                // drop the cookie of the session that is still there once the store answers again
                @Override
                public void addHeader(String name, String value) {
                    if (!replacesSession(name, value)) {
                        super.addHeader(name, value);
                    }
                }

                @Override
                public void setHeader(String name, String value) {
                    if (!replacesSession(name, value)) {
                        super.setHeader(name, value);
                    }
                }

                @Override
                public void addCookie(jakarta.servlet.http.Cookie cookie) {
                    if (!(unavailable(request) && PersonalCookies.SESSION.equals(cookie.getName()))) {
                        super.addCookie(cookie);
                    }
                }

                private boolean replacesSession(String name, String value) {
                    return unavailable(request) && "Set-Cookie".equalsIgnoreCase(name) && value != null
                            && value.startsWith(PersonalCookies.SESSION + "=");
                }
            };
            try {
                chain.doFilter(request, guarded);
            } catch (DataAccessException | ServletException e) {
                if (!causedBySessionStore(e) || response.isCommitted()) {
                    throw e;
                }
                log.warn("Session store unreachable while {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
                response.resetBuffer();
                tryAgainLater(request, response);
            }
        }

        private static boolean causedBySessionStore(Throwable e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof DataAccessException && cause.getClass().getName().startsWith("org.springframework.data.redis")) {
                    return true;
                }
                if (cause instanceof org.springframework.dao.QueryTimeoutException) {
                    return true;
                }
            }
            return false;
        }

        /** The error page rendered right here: a forward would run the security filters (and their CSRF check) again. */
        private void tryAgainLater(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader("Retry-After", "60");
            response.setHeader("Cache-Control", "no-store");
            response.setContentType("text/html;charset=UTF-8");
            Map<String, Object> model = new HashMap<>();
            model.put("ui", new Ui(request, support));
            model.put("status", HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            model.put("messageKey", "error.503");
            templates.render("error/error.jte", model, new PrintWriterOutput(response.getWriter()));
        }
    }
}
