package app.flowmarket.security;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.beans.DirectFieldAccessor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.web.http.HttpSessionIdResolver;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Keeps a signed-in page view to one read of the session store. Spring Session marks every session as used on every
 * request, which makes each page view write the session back to Redis (its last-used time, and its entry in the
 * store's expiry lists): several round trips, mostly to move a timestamp by a few seconds. Here the time is moved
 * only once it is {@code flowmarket.security.sessions.touch-every} old, so a session that is used all the time is
 * written about once a minute, and a session left alone still ends at most that much sooner than the idle timeout
 * ({@code spring.session.timeout}) says. Everything else a request changes in its session is written as before. And
 * the session a request has just saved is not read back from the store (see {@link #JUST_SAVED}).
 */
@Configuration(proxyBeanMethods = false)
class SessionTouches {

    /**
     * Spring Session's filter, made again over the throttled store with the same way of finding a request's session
     * (its cookie settings). Not a store bean of its own: Spring Boot makes the Redis store only while there is none.
     */
    @Bean
    static BeanPostProcessor touchThrottledSessionFilter(ObjectProvider<FindByIndexNameSessionRepository<?>> sessions,
                                                         ObjectProvider<SecuritySettings> settings) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (!(bean instanceof SessionRepositoryFilter<?> filter)) {
                    return bean;
                }
                var throttled = new SessionRepositoryFilter<>(new Repository(sessions.getObject(), settings.getObject().sessions().touchEvery())) {
                    @Override
                    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                            throws ServletException, IOException {
                        try {
                            super.doFilterInternal(request, response, chain);
                        } finally {
                            JUST_SAVED.remove();
                        }
                    }
                };
                Object resolver = new DirectFieldAccessor(filter).getPropertyValue("httpSessionIdResolver");
                if (resolver instanceof HttpSessionIdResolver sessionIds) {
                    throttled.setHttpSessionIdResolver(sessionIds);
                }
                return throttled;
            }
        };
    }

    /**
     * The session this thread's request has just saved. Spring Session's filter looks the requested session up again
     * right after saving it, only to learn whether the id the browser sent is still valid: that second read of the
     * store is answered with the session just saved.
     */
    private static final ThreadLocal<Session> JUST_SAVED = new ThreadLocal<>();

    /** The session store as Spring Session's filter uses it. */
    static class Repository implements FindByIndexNameSessionRepository<Touched> {

        private final FindByIndexNameSessionRepository<? extends Session> sessions;
        private final Duration touchEvery;

        Repository(FindByIndexNameSessionRepository<? extends Session> sessions, Duration touchEvery) {
            this.sessions = sessions;
            this.touchEvery = touchEvery;
        }

        @Override
        public Touched createSession() {
            return new Touched(sessions.createSession(), Duration.ZERO);
        }

        @Override
        public void save(Touched session) {
            saveIn(sessions, session.session);
            JUST_SAVED.set(session.session);
        }

        @SuppressWarnings("unchecked")
        private static <S extends Session> void saveIn(FindByIndexNameSessionRepository<S> sessions, Session session) {
            sessions.save((S) session);
        }

        @Override
        public @Nullable Touched findById(String id) {
            Session saved = JUST_SAVED.get();
            if (saved != null) {
                JUST_SAVED.remove();
                if (saved.getId().equals(id)) {
                    return new Touched(saved, touchEvery);
                }
            }
            Session found = sessions.findById(id);
            return found == null ? null : new Touched(found, touchEvery);
        }

        @Override
        public void deleteById(String id) {
            sessions.deleteById(id);
        }

        @Override
        public Map<String, Touched> findByIndexNameAndIndexValue(String indexName, String indexValue) {
            Map<String, Touched> found = new LinkedHashMap<>();
            sessions.findByIndexNameAndIndexValue(indexName, indexValue)
                    .forEach((id, session) -> found.put(id, new Touched(session, touchEvery)));
            return found;
        }
    }

    /** A session whose last-used time moves only when it has become {@code touchEvery} old. */
    static final class Touched implements Session {

        private final Session session;
        private final Duration touchEvery;

        Touched(Session session, Duration touchEvery) {
            this.session = session;
            this.touchEvery = touchEvery;
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            if (!lastAccessedTime.isBefore(session.getLastAccessedTime().plus(touchEvery))) {
                session.setLastAccessedTime(lastAccessedTime);
            }
        }

        @Override
        public String getId() {
            return session.getId();
        }

        @Override
        public String changeSessionId() {
            return session.changeSessionId();
        }

        @Override
        public <T> @Nullable T getAttribute(String attributeName) {
            return session.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return session.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, @Nullable Object attributeValue) {
            session.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            session.removeAttribute(attributeName);
        }

        @Override
        public Instant getCreationTime() {
            return session.getCreationTime();
        }

        @Override
        public Instant getLastAccessedTime() {
            return session.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            session.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return session.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return session.isExpired();
        }
    }
}
