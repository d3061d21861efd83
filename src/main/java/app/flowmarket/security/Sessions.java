package app.flowmarket.security;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import app.flowmarket.shared.Tokens;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;

/**
 * A person's signed-in sessions, found through Spring Session's principal-name index in Redis, so every app
 * node sees (and ends) the same ones. A session is named on pages by a handle derived from its id, never by
 * the id itself, which is the secret its cookie carries.
 */
@Service
public class Sessions {

    private static final Logger log = LoggerFactory.getLogger(Sessions.class);

    private final FindByIndexNameSessionRepository<? extends Session> repository;

    Sessions(FindByIndexNameSessionRepository<? extends Session> repository) {
        this.repository = repository;
    }

    /** One signed-in session as its owner sees it; {@code current} is the one asking. */
    public record ActiveSession(String handle, boolean current, String browser, String os, String ip, String place,
                                Instant signedInAt, Instant lastActive) {
    }

    /** The person's sessions, the one asking first, then the most recently active. */
    public List<ActiveSession> of(String email, @Nullable String currentSessionId) {
        return repository.findByPrincipalName(email).values().stream()
                .filter(session -> !session.isExpired())
                .map(session -> view(session, session.getId().equals(currentSessionId)))
                .sorted(Comparator.comparing(ActiveSession::current).reversed().thenComparing(ActiveSession::lastActive, Comparator.reverseOrder()))
                .toList();
    }

    /** Ends the person's session with this handle; false when they have none by it (someone else's, or already ended). */
    public boolean end(String email, String handle) {
        for (Map.Entry<String, ? extends Session> entry : repository.findByPrincipalName(email).entrySet()) {
            if (handle(entry.getKey()).equals(handle)) {
                repository.deleteById(entry.getKey());
                return true;
            }
        }
        return false;
    }

    /** Ends every session of the person but the given one (none kept when it is null); returns how many ended. */
    public int endAllBut(String email, @Nullable String keptSessionId) {
        int ended = 0;
        for (String id : repository.findByPrincipalName(email).keySet()) {
            if (!id.equals(keptSessionId)) {
                repository.deleteById(id);
                ended++;
            }
        }
        log.info("{} session(s) of an account ended", ended);
        return ended;
    }

    private static ActiveSession view(Session session, boolean current) {
        String signedInAt = session.getAttribute(SignIns.SESSION_SIGNED_IN_AT);
        return new ActiveSession(handle(session.getId()), current, text(session, SignIns.SESSION_BROWSER, "?"),
                text(session, SignIns.SESSION_OS, "?"), text(session, SignIns.SESSION_IP, ""), text(session, SignIns.SESSION_PLACE, ""),
                signedInAt == null ? session.getCreationTime() : Instant.ofEpochMilli(Long.parseLong(signedInAt)),
                session.getLastAccessedTime());
    }

    private static String text(Session session, String attribute, String absent) {
        Object value = session.getAttribute(attribute);
        return value instanceof String s ? s : absent;
    }

    static String handle(String sessionId) {
        return Tokens.sha256Hex("session-handle:" + sessionId).substring(0, 32);
    }
}
