package app.flowmarket.moderation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import app.flowmarket.audit.AuditLog;
import app.flowmarket.shared.DomainException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each automatic rule does when it hits, and its threshold, as admins set them: off, flag (the content stays and
 * goes to the queue), hold (hidden until approved) or block (refused with a message to the author).
 */
@Service
public class ModerationRules {

    public enum Outcome { OFF, FLAG, HOLD, BLOCK }

    /** A rule's setting; {@code threshold} is null for rules without one. */
    public record Rule(String name, Outcome outcome, @Nullable Integer threshold) {
    }

    /** The rules in the order the settings page lists them. */
    public static final List<String> NAMES = List.of("banned-word", "blocked-domain", "spam-phrase", "too-many-links", "repetition",
            "duplicate", "burst", "pricing", "secret");

    private final JdbcClient jdbc;
    private final AuditLog auditLog;

    ModerationRules(JdbcClient jdbc, AuditLog auditLog) {
        this.jdbc = jdbc;
        this.auditLog = auditLog;
    }

    @Transactional(readOnly = true)
    public Map<String, Rule> all() {
        Map<String, Rule> rules = new LinkedHashMap<>();
        jdbc.sql("select rule, outcome, threshold from moderation_rule").query((rs, n) -> {
            int threshold = rs.getInt("threshold");
            Integer value = rs.wasNull() ? null : threshold;
            return new Rule(rs.getString("rule"), Outcome.valueOf(rs.getString("outcome")), value);
        }).list().forEach(rule -> rules.put(rule.name(), rule));
        Map<String, Rule> ordered = new LinkedHashMap<>();
        NAMES.stream().filter(rules::containsKey).forEach(name -> ordered.put(name, rules.get(name)));
        return ordered;
    }

    /** An admin changes a rule; the change is audited with its before and after. */
    @Transactional
    public void change(String name, Outcome outcome, @Nullable Integer threshold, UUID adminId, String adminLabel) {
        Rule before = all().get(name);
        if (before == null) {
            throw new DomainException("moderation.rules.unknown");
        }
        Integer kept = before.threshold() == null ? null : threshold;
        if (before.threshold() != null && (threshold == null || threshold < 1 || threshold > 10_000)) {
            throw new DomainException("moderation.rules.threshold.invalid");
        }
        jdbc.sql("update moderation_rule set outcome = ?, threshold = ?, updated_at = ?, updated_by = ? where rule = ?")
                .params(java.util.Arrays.asList(outcome.name(), kept, Timestamp.from(Instant.now()), adminId, name)).update();
        Map<String, AuditLog.Change> changes = new LinkedHashMap<>();
        changes.put("outcome", new AuditLog.Change(before.outcome().name(), outcome.name()));
        changes.put("threshold", new AuditLog.Change(Objects.toString(before.threshold(), null), Objects.toString(kept, null)));
        auditLog.recordChange(adminId, adminLabel, "moderation.rule-changed", "moderation_rule", name, changes);
    }
}
