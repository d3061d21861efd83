package app.flowmarket.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;


import app.flowmarket.shared.AfterCommit;
import app.flowmarket.shared.PageResult;
import app.flowmarket.shared.Tokens;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes and reads in-app notifications. A notification belongs to a group (for example "sales of
 * workflow X today"): a burst in one group updates one row's count instead of adding rows. Each
 * triggering event is recorded under a key, so a redelivered event changes nothing.
 */
@Service
public class NotificationCenter {

    private final JdbcClient jdbc;
    private final LiveUpdates live;
    private final WebPush push;
    private final String unsubscribeSecret;

    NotificationCenter(JdbcClient jdbc, LiveUpdates live, WebPush push,
                       @Value("${flowmarket.notification.unsubscribe-secret:flowmarket-dev-unsubscribe-secret}") String unsubscribeSecret) {
        this.jdbc = jdbc;
        this.live = live;
        this.push = push;
        this.unsubscribeSecret = unsubscribeSecret;
    }

    /** Records that an event was handled; false when it already was (a redelivery). */
    boolean firstDelivery(String eventKey) {
        return jdbc.sql("insert into notification_delivery (event_key, created_at) values (?, now()) on conflict do nothing")
                .param(eventKey).update() > 0;
    }

    boolean wants(UUID accountId, NotificationType type, NotificationType.Channel channel) {
        if (type.mandatory()) {
            return true;
        }
        return jdbc.sql("select enabled from notification_preference where account_id = ? and type = ? and channel = ?")
                .params(accountId, type.name(), channel.name()).query(Boolean.class).optional().orElse(type.byDefault(channel));
    }

    /** Adds to the recipient's group of this kind (or starts it), unless they switched in-app notifications of this type off. */
    void notify(UUID recipientId, NotificationType type, String groupKey, String subject, String body, String link) {
        if (!wants(recipientId, type, NotificationType.Channel.IN_APP)) {
            return;
        }
        jdbc.sql("""
                insert into notification (id, recipient_id, type, group_key, subject, body, link, count, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, 1, now(), now())
                on conflict (recipient_id, group_key) do update set count = notification.count + 1, subject = excluded.subject,
                    body = excluded.body, link = excluded.link, updated_at = now(), read_at = null""")
                .params(UUID.randomUUID(), recipientId, type.name(), truncate(groupKey, 200), truncate(subject, 300),
                        truncate(body == null ? "" : body, 1000), link)
                .update();
        live.changed(List.of(recipientId));
        if (wants(recipientId, type, NotificationType.Channel.PUSH)) {
            AfterCommit.run(() -> push.sendToAccount(recipientId, subject, body, link));
        }
    }

    /**
     * Notifies many recipients with one set-based statement (a store's followers can be many):
     * recipients who switched this type off are skipped in the same statement.
     */
    int notifyAll(String recipientsSql, Map<String, Object> params, NotificationType type, String groupKey, String subject,
                  String body, String link) {
        Map<String, Object> all = new HashMap<>(params);
        all.put("type", type.name());
        all.put("group", truncate(groupKey, 200));
        all.put("subject", truncate(subject, 300));
        all.put("body", truncate(body == null ? "" : body, 1000));
        all.put("link", link);
        all.put("defaultOn", type.byDefault(NotificationType.Channel.IN_APP));
        List<UUID> recipients = jdbc.sql("""
                insert into notification (id, recipient_id, type, group_key, subject, body, link, count, created_at, updated_at)
                select gen_random_uuid(), r.id, :type, :group, :subject, :body, :link, 1, now(), now()
                from (""" + recipientsSql + """
                ) r
                where coalesce((select p.enabled from notification_preference p
                                where p.account_id = r.id and p.type = :type and p.channel = 'IN_APP'), :defaultOn)
                on conflict (recipient_id, group_key) do nothing
                returning recipient_id""")
                .params(all).query(UUID.class).list();
        live.changed(recipients);
        if (!recipients.isEmpty()) {
            // push only goes to those who switched it on for this type and have a subscribed browser
            List<UUID> pushTo = jdbc.sql("""
                    select distinct p.account_id from notification_preference p join push_subscription s on s.account_id = p.account_id
                    where p.type = :type and p.channel = 'PUSH' and p.enabled and p.account_id = any(:ids)""")
                    .param("type", type.name()).param("ids", recipients.toArray(UUID[]::new)).query(UUID.class).list();
            AfterCommit.run(() -> pushTo.forEach(id -> push.sendToAccount(id, subject, body, link)));
        }
        return recipients.size();
    }

    public record NotificationView(UUID id, String type, String subject, String body, String link, int count,
                                   Instant updatedAt, boolean read) {

        public String messageKey() {
            return "notification." + type.toLowerCase().replace('_', '-');
        }
    }

    @Transactional(readOnly = true)
    public long unread(UUID recipientId) {
        return jdbc.sql("select count(*) from notification where recipient_id = ? and read_at is null").param(recipientId)
                .query(Long.class).single();
    }

    @Transactional(readOnly = true)
    public PageResult<NotificationView> page(UUID recipientId, int page, int size) {
        long total = jdbc.sql("select count(*) from notification where recipient_id = ?").param(recipientId).query(Long.class).single();
        List<NotificationView> items = jdbc.sql("""
                select id, type, subject, body, link, count, updated_at, read_at is not null as read from notification
                where recipient_id = ? order by updated_at desc, id limit ? offset ?""")
                .params(recipientId, size, PageResult.offset(page, size))
                .query((rs, n) -> new NotificationView(rs.getObject("id", UUID.class), rs.getString("type"), rs.getString("subject"),
                        rs.getString("body"), rs.getString("link"), rs.getInt("count"), rs.getTimestamp("updated_at").toInstant(),
                        rs.getBoolean("read")))
                .list();
        return new PageResult<>(items, page, size, total);
    }

    /** Marks one of the recipient's own notifications read; someone else's id changes nothing. */
    @Transactional
    public void markRead(UUID recipientId, UUID notificationId) {
        jdbc.sql("update notification set read_at = now() where id = ? and recipient_id = ? and read_at is null")
                .params(notificationId, recipientId).update();
        live.changed(List.of(recipientId));
    }

    @Transactional
    public void markAllRead(UUID recipientId) {
        jdbc.sql("update notification set read_at = now() where recipient_id = ? and read_at is null").param(recipientId).update();
        live.changed(List.of(recipientId));
    }

    public org.springframework.web.servlet.mvc.method.annotation.SseEmitter openStream(UUID userId) {
        return live.open(userId);
    }

    public String pushPublicKey() {
        return push.publicKey();
    }

    public void subscribePush(UUID accountId, @Nullable String endpoint, @Nullable String p256dh, @Nullable String auth) {
        push.subscribe(accountId, endpoint, p256dh, auth);
    }

    public void unsubscribePush(UUID accountId, @Nullable String endpoint) {
        push.unsubscribe(accountId, endpoint);
    }

    public static String badge(long unread) {
        return LiveUpdates.Badge.html(unread);
    }

    // ---- preferences -------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public Map<String, Boolean> preferences(UUID accountId) {
        Map<String, Boolean> matrix = new HashMap<>();
        for (NotificationType type : NotificationType.values()) {
            for (NotificationType.Channel channel : NotificationType.Channel.values()) {
                matrix.put(type.name() + ":" + channel.name(), wants(accountId, type, channel));
            }
        }
        return matrix;
    }

    @Transactional
    public void setPreference(UUID accountId, NotificationType type, NotificationType.Channel channel, boolean enabled) {
        if (type.mandatory()) {
            return;
        }
        jdbc.sql("""
                insert into notification_preference (account_id, type, channel, enabled) values (?, ?, ?, ?)
                on conflict (account_id, type, channel) do update set enabled = excluded.enabled""")
                .params(accountId, type.name(), channel.name(), enabled).update();
    }

    /** A signed token for the one-click "stop these e-mails" link: it names one account and one type. */
    String unsubscribeToken(UUID accountId, NotificationType type) {
        return accountId + "." + type.name() + "." + Tokens.hmacSha256Hex(unsubscribeSecret, accountId + ":" + type.name());
    }

    /** Switches the e-mails of the token's type off; false for a forged token. */
    @Transactional
    public boolean unsubscribe(String token) {
        String[] parts = token == null ? new String[0] : token.split("\\.");
        if (parts.length != 3) {
            return false;
        }
        try {
            UUID accountId = UUID.fromString(parts[0]);
            NotificationType type = NotificationType.valueOf(parts[1]);
            if (!Tokens.sameSecret(Tokens.hmacSha256Hex(unsubscribeSecret, accountId + ":" + type.name()), parts[2])) {
                return false;
            }
            setPreference(accountId, type, NotificationType.Channel.EMAIL, false);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
