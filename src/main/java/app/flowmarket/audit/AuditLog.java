package app.flowmarket.audit;

import java.time.Instant;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.jspecify.annotations.Nullable;

/**
 * Records audit entries. The request's client address and user agent are taken from the current
 * HTTP request when there is one. Entries are inserted in the caller's transaction, so an action
 * that rolls back leaves no entry, and an entry never outlives its action's failure.
 */
@Service
public class AuditLog {

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(@Nullable UUID actorId, @Nullable String actorLabel, String action, String targetType, @Nullable Object targetId,
                       @Nullable String details) {
        String ip = null;
        String userAgent = null;
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            ip = request.getRemoteAddr();
            userAgent = truncate(request.getHeader("User-Agent"), 512);
        }
        jdbc.sql("""
                insert into audit_entry (occurred_at, actor_id, actor_label, action, target_type, target_id, details, ip, user_agent)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                // a list, not varargs: several values may be absent (no request, no target)
                .params(java.util.Arrays.asList(java.sql.Timestamp.from(Instant.now()), actorId, truncate(actorLabel, 254), action, targetType,
                        targetId == null ? null : truncate(targetId.toString(), 80), details, ip, userAgent))
                .update();
    }

    /** A field an action changed, as it was and as it became (either may be absent: created, cleared). */
    public record Change(@Nullable String before, @Nullable String after) {
    }

    /**
     * Records an action that changed fields of its target: the details hold each changed field's value before and after
     * (as JSON, which the audit viewer shows as a table), and unchanged fields are left out.
     */
    public void recordChange(@Nullable UUID actorId, @Nullable String actorLabel, String action, String targetType, @Nullable Object targetId,
                             java.util.Map<String, Change> changes) {
        java.util.Map<String, Object> fields = new java.util.LinkedHashMap<>();
        changes.forEach((field, change) -> {
            if (!java.util.Objects.equals(change.before(), change.after())) {
                java.util.Map<String, @Nullable String> values = new java.util.LinkedHashMap<>();
                values.put("before", change.before());
                values.put("after", change.after());
                fields.put(field, values);
            }
        });
        record(actorId, actorLabel, action, targetType, targetId, JSON.writeValueAsString(java.util.Map.of("changes", fields)));
    }

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    public java.util.List<AuditEntry> latest(int limit) {
        return jdbc.sql("select * from audit_entry order by id desc limit ?")
                .param(limit)
                .query(AuditEntry.class)
                .list();
    }

    public java.util.List<AuditEntry> forTarget(String targetType, String targetId) {
        return jdbc.sql("select * from audit_entry where target_type = ? and target_id = ? order by id")
                .params(targetType, targetId)
                .query(AuditEntry.class)
                .list();
    }

    private static @Nullable String truncate(@Nullable String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    public record AuditEntry(long id, Instant occurredAt, @Nullable UUID actorId, @Nullable String actorLabel, String action,
                             String targetType, @Nullable String targetId, @Nullable String details, @Nullable String ip,
                             @Nullable String userAgent) {
    }
}
