package app.flowmarket.moderation;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.flowmarket.audit.AuditLog;
import app.flowmarket.security.RateLimits;
import app.flowmarket.shared.Actor;
import app.flowmarket.shared.DomainException;
import app.flowmarket.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * People's reports of a workflow, review, question or answer, into the same queue as the rules' hits: a reason from
 * a list and an optional note, one open report per person and item, a few an hour.
 */
@Service
public class Reports {

    public static final List<String> REASONS = List.of("spam", "offensive", "scam", "copyright", "personal-data", "other");
    static final RateLimits.Limit LIMIT = new RateLimits.Limit("moderation-reports", 10, Duration.ofHours(1));

    private final JdbcClient jdbc;
    private final ModeratedContent content;
    private final ModerationQueue queue;
    private final RateLimits limits;
    private final AuditLog auditLog;

    Reports(JdbcClient jdbc, ModeratedContent content, ModerationQueue queue, RateLimits limits, AuditLog auditLog) {
        this.jdbc = jdbc;
        this.content = content;
        this.queue = queue;
        this.limits = limits;
        this.auditLog = auditLog;
    }

    /** What the report form shows of the reported content, and the workflow page to go back to. */
    public record Reportable(String kind, UUID id, String title, String workflowSlug) {
    }

    @Transactional(readOnly = true)
    public Reportable reportable(String kind, UUID id) {
        var target = content.target(kind, id).orElseThrow(() -> new NotFoundException("report target"));
        return new Reportable(kind, id, target.title(), content.slugOf(target.workflowId()).orElseThrow(() -> new NotFoundException("workflow")));
    }

    /** Files the report and queues it; refused for one's own content, a second open report, or too many. */
    @Transactional
    public void report(Actor reporter, String kind, UUID id, String reason, String note) {
        var target = content.target(kind, id).orElseThrow(() -> new NotFoundException("report target"));
        if (!REASONS.contains(reason)) {
            throw new DomainException("report.reason.invalid");
        }
        String text = note == null ? "" : note.strip();
        if (text.length() > 500) {
            throw new DomainException("report.note.too-long", 500);
        }
        if (target.authorId().equals(reporter.id().value())) {
            throw new DomainException("report.own");
        }
        if (!limits.take(LIMIT, reporter.id().toString()).allowed()) {
            throw new DomainException("report.too-many");
        }
        UUID reportId = UUID.randomUUID();
        int inserted = jdbc.sql("""
                insert into moderation_report (id, content_type, content_id, reporter_id, reason, note, status, created_at)
                values (?, ?, ?, ?, ?, ?, 'OPEN', ?) on conflict do nothing""")
                .params(reportId, kind, id, reporter.id().value(), reason, text, Timestamp.from(Instant.now())).update();
        if (inserted == 0) {
            throw new DomainException("report.already");
        }
        auditLog.record(reporter.id().value(), reporter.label(), "moderation.reported", kind, id, reason);
        queue.flag(kind, id, reportId, target.authorId(), target.title(), List.of("report: " + reason + (text.isEmpty() ? "" : " — " + text)));
    }
}
