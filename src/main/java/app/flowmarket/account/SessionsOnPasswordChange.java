package app.flowmarket.account;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * A new password ends every other session of the account at once (OWASP ASVS 3.3.3): whoever knew the
 * old password, or stole a session cookie, is signed out everywhere. The session that made a change
 * itself stays signed in; a reset from a mailed link ends them all. Sessions are found through Spring
 * Session's principal-name index, so this works across every app node.
 */
@Component
class SessionsOnPasswordChange {

    private static final Logger log = LoggerFactory.getLogger(SessionsOnPasswordChange.class);

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    SessionsOnPasswordChange(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    @TransactionalEventListener
    void on(PasswordChanged event) {
        String current = currentSessionId();
        int ended = 0;
        for (String id : sessions.findByPrincipalName(event.email()).keySet()) {
            if (!id.equals(current)) {
                sessions.deleteById(id);
                ended++;
            }
        }
        log.info("Password {} for an account: {} other session(s) ended", event.reset() ? "reset" : "changed", ended);
    }

    private static @Nullable String currentSessionId() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        try {
            return request == null ? null : request.getSessionId();
        } catch (IllegalStateException e) {
            return null;
        }
    }
}
