package app.flowmarket.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import app.flowmarket.audit.AuditLog.AuditEntry;
import app.flowmarket.shared.DomainException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the audit log for the people who look after the platform: filtered by who, what, on what, when, from where
 * and by words of the details, newest first, a page at a time. Pages are cut by the last entry shown (a keyset,
 * never an offset), and each filter has an index in that order, so the hundredth page costs what the first does.
 */
@Service
public class AuditTrail {

    public static final int PAGE_SIZE = 50;
    private static final int EXPORT_CHUNK = 1000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    AuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What to show. The actor is an account id or the e-mail address (or other label) the entry was written with; the
     * action and the target are exact; the days are UTC and both included; the address is exact; the words are
     * searched in the details.
     */
    public record Filter(@Nullable String actor, @Nullable String action, @Nullable String targetType, @Nullable String targetId,
                         @Nullable LocalDate from, @Nullable LocalDate to, @Nullable String ip, @Nullable String words) {

        public Filter {
            actor = blankToNull(actor);
            action = blankToNull(action);
            targetType = blankToNull(targetType);
            targetId = blankToNull(targetId);
            ip = blankToNull(ip);
            words = blankToNull(words);
            if (from != null && to != null && to.isBefore(from)) {
                throw new DomainException("audit.filter.reversed");
            }
            for (String value : new String[] {actor, action, targetType, targetId, ip, words}) {
                if (value != null && value.length() > 254) {
                    throw new DomainException("audit.filter.too-long");
                }
            }
        }

        public static Filter none() {
            return new Filter(null, null, null, null, null, null, null, null);
        }

        public static Filter byActor(UUID actor) {
            return new Filter(actor.toString(), null, null, null, null, null, null, null);
        }

        private static @Nullable String blankToNull(@Nullable String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    /** A page of entries and the cursor of the next (older) page, if there is one. */
    public record Page(List<AuditEntry> entries, @Nullable String next) {
    }

    /** A changed field of an entry, as recorded by {@link AuditLog#recordChange}. */
    public record FieldChange(String field, @Nullable String before, @Nullable String after) {
    }

    @Transactional(readOnly = true)
    public Page search(Filter filter, @Nullable String after) {
        List<AuditEntry> rows = query(filter, after == null || after.isBlank() ? null : Cursor.parse(after), PAGE_SIZE + 1);
        if (rows.size() <= PAGE_SIZE) {
            return new Page(rows, null);
        }
        List<AuditEntry> page = rows.subList(0, PAGE_SIZE);
        return new Page(List.copyOf(page), Cursor.of(page.getLast()).toString());
    }

    /** Every entry the filter matches, newest first, read in chunks so memory stays bounded however many there are. */
    @Transactional(readOnly = true)
    public int forEach(Filter filter, Consumer<AuditEntry> consumer) {
        Cursor cursor = null;
        int count = 0;
        while (true) {
            List<AuditEntry> chunk = query(filter, cursor, EXPORT_CHUNK);
            chunk.forEach(consumer);
            count += chunk.size();
            if (chunk.size() < EXPORT_CHUNK) {
                return count;
            }
            cursor = Cursor.of(chunk.getLast());
        }
    }

    @Transactional(readOnly = true)
    public Optional<AuditEntry> find(long id) {
        return jdbc.sql("select * from audit_entry where id = ?").param(id).query(AuditEntry.class).optional();
    }

    /** The distinct actions in the log, read by skipping along the action index (a handful of probes, not a scan). */
    @Transactional(readOnly = true)
    public List<String> actions() {
        return jdbc.sql("""
                with recursive a(action) as (
                    select min(action) from audit_entry
                    union all
                    select (select min(e.action) from audit_entry e where e.action > a.action) from a where a.action is not null)
                select action from a where action is not null""").query(String.class).list();
    }

    /** The fields the entry's action changed, before and after; empty when it recorded none. */
    public static List<FieldChange> changes(AuditEntry entry) {
        String details = entry.details();
        if (details == null || !details.startsWith("{\"changes\"")) {
            return List.of();
        }
        try {
            JsonNode changes = JSON.readTree(details).path("changes");
            List<FieldChange> fields = new ArrayList<>();
            for (var field : changes.properties()) {
                fields.add(new FieldChange(field.getKey(), text(field.getValue().get("before")), text(field.getValue().get("after"))));
            }
            return fields;
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private static @Nullable String text(@Nullable JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }

    private List<AuditEntry> query(Filter filter, @Nullable Cursor after, int limit) {
        StringBuilder sql = new StringBuilder("select * from audit_entry where true");
        List<Object> params = new ArrayList<>();
        if (filter.actor() != null) {
            UUID actorId = uuid(filter.actor());
            if (actorId != null) {
                sql.append(" and actor_id = ?");
                params.add(actorId);
            } else {
                sql.append(" and lower(actor_label) = ?");
                params.add(filter.actor().toLowerCase(Locale.ROOT));
            }
        }
        if (filter.action() != null) {
            sql.append(" and action = ?");
            params.add(filter.action());
        }
        if (filter.targetType() != null) {
            sql.append(" and target_type = ?");
            params.add(filter.targetType());
        }
        if (filter.targetId() != null) {
            sql.append(" and target_id = ?");
            params.add(filter.targetId());
        }
        if (filter.ip() != null) {
            sql.append(" and ip = ?");
            params.add(filter.ip());
        }
        if (filter.from() != null) {
            sql.append(" and occurred_at >= ?");
            params.add(Timestamp.from(filter.from().atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        if (filter.to() != null) {
            sql.append(" and occurred_at < ?");
            params.add(Timestamp.from(filter.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        if (filter.words() != null) {
            sql.append(" and to_tsvector('simple', coalesce(details, '')) @@ websearch_to_tsquery('simple', ?)");
            params.add(filter.words());
        }
        if (after != null) {
            sql.append(" and (occurred_at, id) < (?, ?)");
            params.add(Timestamp.from(after.at()));
            params.add(after.id());
        }
        sql.append(" order by occurred_at desc, id desc limit ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(AuditEntry.class).list();
    }

    private static @Nullable UUID uuid(String value) {
        try {
            return value.length() == 36 ? UUID.fromString(value) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Where a page ends: the last entry's time (to the microsecond, as stored) and id, as {@code micros-id}. */
    record Cursor(Instant at, long id) {

        static Cursor of(AuditEntry entry) {
            return new Cursor(entry.occurredAt().truncatedTo(ChronoUnit.MICROS), entry.id());
        }

        static Cursor parse(String text) {
            int dash = text.indexOf('-', 1);
            try {
                long micros = Long.parseLong(text.substring(0, dash));
                return new Cursor(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), Long.parseLong(text.substring(dash + 1)));
            } catch (RuntimeException e) {
                throw new DomainException("audit.cursor.invalid");
            }
        }

        @Override
        public String toString() {
            return ChronoUnit.MICROS.between(Instant.EPOCH, at) + "-" + id;
        }
    }
}
