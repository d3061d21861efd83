package app.flowmarket.webhook;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import app.flowmarket.shared.DomainException;
import app.flowmarket.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The webhook module's public API: a seller's endpoints (add, remove, rotate the secret, send a test event), the
 * log of deliveries with replay, and the queue other events are put on ({@link #enqueue}). Every method takes the
 * owner's id and answers "not found" for anyone else's endpoint.
 */
@Service
public class Webhooks {

    private final JdbcClient jdbc;
    private final WebhookSettings settings;
    private final JsonMapper json;

    Webhooks(JdbcClient jdbc, WebhookSettings settings, JsonMapper json) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.json = json;
    }

    public record Endpoint(UUID id, String url, String description, Set<WebhookEvent> events, boolean enabled,
                           @Nullable String disabledReason, Instant createdAt, boolean rotating) {
    }

    public record Delivery(UUID id, String messageId, String eventType, String status, int attempts, @Nullable Instant nextAttemptAt,
                           @Nullable Integer statusCode, @Nullable String response, @Nullable Integer durationMillis,
                           @Nullable String error, Instant createdAt, String payload) {
    }

    @Transactional
    public UUID create(UUID accountId, String url, Set<WebhookEvent> events, String rawDescription) {
        AddressGuard.check(url, settings.allowedHosts());
        if (events == null || events.isEmpty()) {
            throw new DomainException("webhooks.events-required");
        }
        String description = rawDescription == null ? "" : rawDescription.strip();
        if (description.length() > 200) {
            throw new DomainException("webhooks.description-too-long");
        }
        long count = jdbc.sql("select count(*) from webhook_endpoint where account_id = ?").param(accountId).query(Long.class).single();
        if (count >= settings.maxEndpoints()) {
            throw new DomainException("webhooks.too-many", settings.maxEndpoints());
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into webhook_endpoint (id, account_id, url, description, events, secret, created_at)
                values (?, ?, ?, ?, ?, ?, now())""")
                .params(id, accountId, url.strip(), description, events(events), Signatures.newSecret()).update();
        return id;
    }

    @Transactional(readOnly = true)
    public List<Endpoint> of(UUID accountId) {
        return jdbc.sql("select * from webhook_endpoint where account_id = ? order by created_at").param(accountId)
                .query((rs, n) -> endpoint(rs)).list();
    }

    @Transactional(readOnly = true)
    public Endpoint endpoint(UUID accountId, UUID endpointId) {
        return jdbc.sql("select * from webhook_endpoint where id = ? and account_id = ?").params(endpointId, accountId)
                .query((rs, n) -> endpoint(rs)).optional().orElseThrow(() -> new NotFoundException("webhook endpoint"));
    }

    /** The signing secret, for its owner to copy into their receiver. */
    @Transactional(readOnly = true)
    public String secret(UUID accountId, UUID endpointId) {
        return jdbc.sql("select secret from webhook_endpoint where id = ? and account_id = ?").params(endpointId, accountId)
                .query(String.class).optional().orElseThrow(() -> new NotFoundException("webhook endpoint"));
    }

    /** A new secret; the old one keeps signing too (a second signature) until the overlap ends, so receivers can switch. */
    @Transactional
    public void rotateSecret(UUID accountId, UUID endpointId) {
        endpoint(accountId, endpointId);
        jdbc.sql("""
                update webhook_endpoint set previous_secret = secret, previous_secret_until = ?, secret = ? where id = ?""")
                .params(Timestamp.from(Instant.now().plus(settings.secretOverlap())), Signatures.newSecret(), endpointId).update();
    }

    @Transactional
    public void delete(UUID accountId, UUID endpointId) {
        if (jdbc.sql("delete from webhook_endpoint where id = ? and account_id = ?").params(endpointId, accountId).update() == 0) {
            throw new NotFoundException("webhook endpoint");
        }
    }

    /** Switches a disabled endpoint back on (after the seller fixed their receiver). */
    @Transactional
    public void enable(UUID accountId, UUID endpointId) {
        endpoint(accountId, endpointId);
        jdbc.sql("update webhook_endpoint set enabled = true, disabled_reason = null where id = ?").param(endpointId).update();
    }

    @Transactional
    public void sendTest(UUID accountId, UUID endpointId) {
        endpoint(accountId, endpointId);
        queue(endpointId, WebhookEvent.TEST, Map.of("message", "A test event from Flowmarket."));
    }

    /** The endpoint's last 50 deliveries, newest first. */
    @Transactional(readOnly = true)
    public List<Delivery> deliveries(UUID accountId, UUID endpointId) {
        endpoint(accountId, endpointId);
        return jdbc.sql("select * from webhook_delivery where endpoint_id = ? order by created_at desc limit 50").param(endpointId)
                .query((rs, n) -> new Delivery(rs.getObject("id", UUID.class), rs.getString("message_id"), rs.getString("event_type"),
                        rs.getString("status"), rs.getInt("attempts"), instant(rs.getTimestamp("next_attempt_at")),
                        (Integer) rs.getObject("last_status_code"), rs.getString("last_response"), (Integer) rs.getObject("last_duration_ms"),
                        rs.getString("last_error"), rs.getTimestamp("created_at").toInstant(), rs.getString("payload")))
                .list();
    }

    /** Sends a delivery again as a new attempt series (same message id, so receivers can tell it is the same event). */
    @Transactional
    public void redeliver(UUID accountId, UUID deliveryId) {
        int changed = jdbc.sql("""
                update webhook_delivery d set status = 'PENDING', attempts = 0, next_attempt_at = now(), completed_at = null
                from webhook_endpoint e where d.id = ? and e.id = d.endpoint_id and e.account_id = ?""")
                .params(deliveryId, accountId).update();
        if (changed == 0) {
            throw new NotFoundException("webhook delivery");
        }
    }

    /**
     * Queues the event for every enabled endpoint of the account that subscribed to it and existed when it happened
     * (an endpoint added later is not sent what came before it, such as imported history).
     */
    @Transactional
    public void enqueue(UUID accountId, WebhookEvent event, Instant occurredAt, Map<String, ?> data) {
        List<UUID> endpoints = jdbc.sql("""
                select id from webhook_endpoint where account_id = ? and enabled and (' ' || events || ' ') like ? and created_at <= ?""")
                .params(accountId, "% " + event.value() + " %", Timestamp.from(occurredAt)).query(UUID.class).list();
        for (UUID endpoint : endpoints) {
            queue(endpoint, event.value(), data);
        }
    }

    private void queue(UUID endpointId, String type, Map<String, ?> data) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", type);
        payload.put("timestamp", Instant.now().toString());
        payload.put("data", data);
        jdbc.sql("""
                insert into webhook_delivery (id, endpoint_id, message_id, event_type, payload, status, next_attempt_at, created_at)
                values (?, ?, ?, ?, ?, 'PENDING', now(), now())""")
                .params(UUID.randomUUID(), endpointId, "msg_" + UUID.randomUUID().toString().replace("-", ""), type,
                        json.writeValueAsString(payload))
                .update();
    }

    /** A past delivery, as the demo data tells it. */
    public record PastDelivery(WebhookEvent event, Map<String, ?> data, Instant at, int statusCode, String response, int durationMillis,
                               int attempts) {
    }

    /** An endpoint with its history, for the demo data (not delivered again: it is in the past). */
    @Transactional
    public UUID importEndpoint(UUID accountId, String url, String description, Set<WebhookEvent> events, Instant createdAt,
                               List<PastDelivery> history) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into webhook_endpoint (id, account_id, url, description, events, secret, created_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, accountId, url, description, events(events), Signatures.newSecret(), Timestamp.from(createdAt)).update();
        for (PastDelivery past : history) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("type", past.event().value());
            payload.put("timestamp", past.at().toString());
            payload.put("data", past.data());
            boolean ok = past.statusCode() / 100 == 2;
            jdbc.sql("""
                    insert into webhook_delivery (id, endpoint_id, message_id, event_type, payload, status, attempts, last_status_code,
                        last_response, last_duration_ms, created_at, completed_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(UUID.randomUUID(), id, "msg_" + UUID.randomUUID().toString().replace("-", ""), past.event().value(),
                            json.writeValueAsString(payload), ok ? "SUCCEEDED" : "FAILED", past.attempts(), past.statusCode(), past.response(),
                            past.durationMillis(), Timestamp.from(past.at()), Timestamp.from(past.at().plusMillis(past.durationMillis())))
                    .update();
        }
        return id;
    }

    private Endpoint endpoint(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp until = rs.getTimestamp("previous_secret_until");
        return new Endpoint(rs.getObject("id", UUID.class), rs.getString("url"), rs.getString("description"), events(rs.getString("events")),
                rs.getBoolean("enabled"), rs.getString("disabled_reason"), rs.getTimestamp("created_at").toInstant(),
                until != null && until.toInstant().isAfter(Instant.now()));
    }

    static String events(Set<WebhookEvent> events) {
        return events.stream().map(WebhookEvent::value).sorted().collect(Collectors.joining(" "));
    }

    static Set<WebhookEvent> events(String stored) {
        Set<WebhookEvent> events = EnumSet.noneOf(WebhookEvent.class);
        Arrays.stream(stored.split(" ")).map(WebhookEvent::of).flatMap(Optional::stream).forEach(events::add);
        return events;
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
