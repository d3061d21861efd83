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

    // looked up when used: the modules whose content it moderates ask this module's screening, which queues here
    private final org.springframework.beans.factory.ObjectProvider<ModeratedContent> content;

    ModerationQueue(JdbcClient jdbc, AuditLog auditLog, AccountManagement accounts, Mailer mailer,
                    org.springframework.beans.factory.ObjectProvider<ModeratedContent> content) {
        this.jdbc = jdbc;
        this.auditLog = auditLog;
        this.accounts = accounts;
        this.mailer = mailer;
        this.content = content;
    }

    /** Approve (a held item becomes visible), reject (the content is taken down) or reject and ban its author from posting. */
    public enum Decision { APPROVED, REJECTED, BANNED }

    /**
     * An item of the queue: {@code contentType} is its kind (workflow, review, question, answer, store), {@code held}
     * whether the content waits hidden, {@code text} what the content says now (empty when it is gone).
     */
    public record Item(UUID id, String contentType, UUID contentId, @Nullable UUID authorId, String title, List<String> hits, String status,
                       Instant createdAt, @Nullable Instant decidedAt, @Nullable String reason, boolean held) {

        /** Whether people reported it (rather than a rule flagging it). */
        public boolean reported() {
            return hits.stream().anyMatch(hit -> hit.startsWith("report: "));
        }
    }

    /** Queues content a rule flagged, once per revision; false when this revision was queued before. */
    @Transactional
    public boolean flag(String contentType, UUID contentId, @Nullable UUID revision, @Nullable UUID authorId, String title, List<String> hits) {
        return flag(contentType, contentId, revision, authorId, title, hits, false);
    }

    /** As {@link #flag(String, UUID, UUID, UUID, String, List)}; {@code held}: the content is hidden until an admin approves it. */
    @Transactional
    public boolean flag(String contentType, UUID contentId, @Nullable UUID revision, @Nullable UUID authorId, String title, List<String> hits,
                        boolean held) {
        int inserted = jdbc.sql("""
                insert into moderation_item (id, content_type, content_id, revision, author_id, title, hits, status, created_at, held)
                values (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?) on conflict do nothing""")
                .params(java.util.Arrays.asList(UUID.randomUUID(), contentType, contentId, revision, authorId, truncate(title, 300),
                        String.join("\n", hits), Timestamp.from(Instant.now()), held))
                .update();
        if (inserted > 0) {
            auditLog.record(null, "moderation", held ? "moderation.held" : "moderation.flagged", contentType, contentId, String.join("; ", hits));
        }
        return inserted > 0;
    }

    /** The current text of an item's content, for the admin reading the queue; empty when it is gone. */
    @Transactional(readOnly = true)
    public String textOf(Item item) {
        return content.getObject().text(item.contentType(), item.contentId()).orElse("");
    }

    @Transactional(readOnly = true)
    public List<Item> open() {
        return jdbc.sql("select * from moderation_item where status = 'OPEN' order by created_at limit 200").query(this::item).list();
    }

    /** An open item with what its content says now, as the queue page shows it. */
    public record Entry(Item item, String text) {
    }

    @Transactional(readOnly = true)
    public List<Entry> openEntries() {
        return open().stream().map(item -> new Entry(item, textOf(item))).toList();
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
        if (decision == Decision.APPROVED) {
            // released only when no other open item still holds it
            boolean stillHeld = jdbc.sql("select count(*) from moderation_item where content_type = ? and content_id = ? and status = 'OPEN' and held")
                    .params(item.contentType(), item.contentId()).query(Long.class).single() > 0;
            if (item.held() && !stillHeld) {
                content.getObject().release(item.contentType(), item.contentId());
            }
        } else {
            content.getObject().takeDown(item.contentType(), item.contentId());
            // what else waits about the same content is settled by this decision
            jdbc.sql("""
                    update moderation_item set status = ?, decided_at = now(), decided_by = ?, reason = ?
                    where content_type = ? and content_id = ? and status = 'OPEN'""")
                    .params(decision.name(), adminId, why, item.contentType(), item.contentId()).update();
        }
        jdbc.sql("update moderation_report set status = 'CLOSED' where content_type = ? and content_id = ? and status = 'OPEN'")
                .params(item.contentType(), item.contentId()).update();
        if (decision == Decision.BANNED && item.authorId() != null) {
            int banned = jdbc.sql("insert into moderation_ban (account_id, reason, banned_by, banned_at) values (?, ?, ?, now()) on conflict do nothing")
                    .params(item.authorId(), why, adminId).update();
            if (banned > 0) {
                auditLog.record(adminId, adminLabel, "moderation.author-banned", "account", item.authorId(), why);
            }
        }
        if (item.authorId() != null) {
            String outcome = decision.name().toLowerCase(java.util.Locale.ROOT);
            String body = "moderation.mail.body." + outcome + (item.contentType().equals("workflow") ? "" : ".post");
            accounts.person(AccountId.of(item.authorId())).ifPresent(author -> mailer.send(Mail.to(author.recipient())
                    .once("moderation:" + itemId)
                    .subject("moderation.mail.subject." + outcome, item.title())
                    .paragraph(body, item.title())
                    .text(why)
                    .paragraph("moderation.mail.hits")
                    .text(String.join("\n", item.hits()))));
        }
    }

    private Item item(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new Item(rs.getObject("id", UUID.class), rs.getString("content_type"), rs.getObject("content_id", UUID.class),
                rs.getObject("author_id", UUID.class), rs.getString("title"), List.of(rs.getString("hits").split("\n")), rs.getString("status"),
                rs.getTimestamp("created_at").toInstant(), decided == null ? null : decided.toInstant(), rs.getString("reason"),
                rs.getBoolean("held"));
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
