package app.flowmarket.moderation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import app.flowmarket.account.AccountManagement;
import app.flowmarket.audit.AuditLog;
import app.flowmarket.mail.Mail;
import app.flowmarket.mail.Mailer;
import app.flowmarket.shared.AccountId;
import app.flowmarket.shared.DomainException;
import app.flowmarket.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What automatic rules flagged, waiting for an admin: each item holds the rules' hits with their (masked) evidence.
 * An admin approves or rejects it with a reason; the decision is audited and the author is told why by mail.
 */
@Service
public class ModerationQueue {

    private final JdbcClient jdbc;
    private final AuditLog auditLog;
    private final AccountManagement accounts;
    private final Mailer mailer;

    ModerationQueue(JdbcClient jdbc, AuditLog auditLog, AccountManagement accounts, Mailer mailer) {
        this.jdbc = jdbc;
        this.auditLog = auditLog;
        this.accounts = accounts;
        this.mailer = mailer;
    }

    public enum Decision { APPROVED, REJECTED }

    public record Item(UUID id, String contentType, UUID contentId, @Nullable UUID authorId, String title, List<String> hits, String status,
                       Instant createdAt, @Nullable Instant decidedAt, @Nullable String reason) {
    }

    /** Queues content a rule flagged, once per revision; false when this revision was queued before. */
    @Transactional
    public boolean flag(String contentType, UUID contentId, @Nullable UUID revision, @Nullable UUID authorId, String title, List<String> hits) {
        int inserted = jdbc.sql("""
                insert into moderation_item (id, content_type, content_id, revision, author_id, title, hits, status, created_at)
                values (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?) on conflict do nothing""")
                .params(java.util.Arrays.asList(UUID.randomUUID(), contentType, contentId, revision, authorId, truncate(title, 300),
                        String.join("\n", hits), Timestamp.from(Instant.now())))
                .update();
        if (inserted > 0) {
            auditLog.record(null, "moderation", "moderation.flagged", contentType, contentId, String.join("; ", hits));
        }
        return inserted > 0;
    }

    @Transactional(readOnly = true)
    public List<Item> open() {
        return jdbc.sql("select * from moderation_item where status = 'OPEN' order by created_at limit 200").query(this::item).list();
    }

    @Transactional(readOnly = true)
    public List<Item> recentlyDecided() {
        return jdbc.sql("select * from moderation_item where status <> 'OPEN' order by decided_at desc limit 20").query(this::item).list();
    }

    @Transactional(readOnly = true)
    public Optional<Item> find(UUID id) {
        return jdbc.sql("select * from moderation_item where id = ?").param(id).query(this::item).optional();
    }

    /** An admin's decision, with the reason the author will read. Deciding twice is refused. */
    @Transactional
    public void decide(UUID itemId, Decision decision, @Nullable String reason, UUID adminId, String adminLabel) {
        String why = reason == null ? "" : reason.strip();
        if (why.length() < 3 || why.length() > 1000) {
            throw new DomainException("moderation.reason.invalid");
        }
        Item item = find(itemId).orElseThrow(() -> new NotFoundException("moderation item " + itemId));
        int updated = jdbc.sql("""
                update moderation_item set status = ?, decided_at = ?, decided_by = ?, reason = ?
                where id = ? and status = 'OPEN'""")
                .params(decision.name(), Timestamp.from(Instant.now()), adminId, why, itemId).update();
        if (updated == 0) {
            throw new DomainException("moderation.already-decided");
        }
        auditLog.recordChange(adminId, adminLabel, "moderation." + decision.name().toLowerCase(java.util.Locale.ROOT), item.contentType(),
                item.contentId(), java.util.Map.of("status", new AuditLog.Change("OPEN", decision.name()), "reason", new AuditLog.Change(null, why)));
        if (item.authorId() != null) {
            accounts.person(AccountId.of(item.authorId())).ifPresent(author -> mailer.send(Mail.to(author.recipient())
                    .once("moderation:" + itemId)
                    .subject("moderation.mail.subject." + decision.name().toLowerCase(java.util.Locale.ROOT), item.title())
                    .paragraph("moderation.mail.body." + decision.name().toLowerCase(java.util.Locale.ROOT), item.title())
                    .text(why)
                    .paragraph("moderation.mail.hits")
                    .text(String.join("\n", item.hits()))));
        }
    }

    private Item item(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new Item(rs.getObject("id", UUID.class), rs.getString("content_type"), rs.getObject("content_id", UUID.class),
                rs.getObject("author_id", UUID.class), rs.getString("title"), List.of(rs.getString("hits").split("\n")), rs.getString("status"),
                rs.getTimestamp("created_at").toInstant(), decided == null ? null : decided.toInstant(), rs.getString("reason"));
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
