package app.flowmarket.notification;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import app.flowmarket.shared.AfterCommit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.jspecify.annotations.Nullable;

/**
 * Server-sent events for the notification bell. A person's open streams may be on any app node, so
 * after a change commits, the ids of the people concerned are published on a Redis channel and every
 * node pushes the new unread count to the streams it holds. Without Redis, the local node still updates.
 */
@Component
class LiveUpdates implements MessageListener {

    static final String CHANNEL = "flowmarket:notifications:changed";
    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);
    private static final int IDS_PER_MESSAGE = 1000;

    private final Map<UUID, List<SseEmitter>> streams = new ConcurrentHashMap<>();
    private final JdbcClient jdbc;
    private final StringRedisTemplate redis;

    LiveUpdates(JdbcClient jdbc, StringRedisTemplate redis) {
        this.jdbc = jdbc;
        this.redis = redis;
    }

    SseEmitter open(UUID userId) {
        SseEmitter emitter = new SseEmitter(30 * 60 * 1000L);
        streams.computeIfAbsent(userId, id -> new CopyOnWriteArrayList<>()).add(emitter);
        Runnable remove = () -> streams.computeIfPresent(userId, (id, list) -> {
            list.remove(emitter);
            return list.isEmpty() ? null : list;
        });
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        return emitter;
    }

    /**
     * Ends every open stream when the application stops: a browser's event stream never finishes on its
     * own, and the web server's graceful shutdown would wait for it. Browsers reconnect to another node.
     */
    @EventListener(ContextClosedEvent.class)
    void closeStreams() {
        streams.values().forEach(list -> list.forEach(emitter -> {
            try {
                emitter.complete();
            } catch (RuntimeException e) {
                // already closed by its client
            }
        }));
        streams.clear();
    }

    void changed(Collection<UUID> recipients) {
        if (recipients.isEmpty()) {
            return;
        }
        List<UUID> ids = List.copyOf(recipients);
        AfterCommit.run(() -> broadcast(ids));
    }

    private void broadcast(List<UUID> ids) {
        try {
            for (int from = 0; from < ids.size(); from += IDS_PER_MESSAGE) {
                List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_MESSAGE));
                redis.convertAndSend(CHANNEL, String.join(",", chunk.stream().map(UUID::toString).toList()));
            }
        } catch (RuntimeException redisDown) {
            log.debug("Live update not broadcast, updating this node only: {}", redisDown.toString());
            push(ids);
        }
    }

    @Override
    public void onMessage(Message message, byte @Nullable [] pattern) {
        List<UUID> ids = new ArrayList<>();
        for (String id : new String(message.getBody(), java.nio.charset.StandardCharsets.UTF_8).split(",")) {
            try {
                ids.add(UUID.fromString(id.strip()));
            } catch (IllegalArgumentException ignored) {
                // not ours
            }
        }
        push(ids);
    }

    private void push(List<UUID> users) {
        for (UUID user : users) {
            List<SseEmitter> open = streams.get(user);
            if (open == null || open.isEmpty()) {
                continue;
            }
            long unread = jdbc.sql("select count(*) from notification where recipient_id = ? and read_at is null").param(user)
                    .query(Long.class).single();
            for (SseEmitter emitter : open) {
                try {
                    emitter.send(SseEmitter.event().name("unread").data(Badge.html(unread)));
                } catch (IOException | IllegalStateException gone) {
                    emitter.completeWithError(gone);
                }
            }
        }
    }

    /** The unread badge's markup, the same for the first render and every live update. */
    static final class Badge {
        private Badge() {
        }

        static String html(long unread) {
            return unread == 0 ? "<span class=\"bell-count\" hidden>0</span>"
                    : "<span class=\"bell-count\">" + (unread > 99 ? "99+" : Long.toString(unread)) + "</span>";
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Subscription {

        @Bean
        RedisMessageListenerContainer notificationListenerContainer(RedisConnectionFactory connections, LiveUpdates live) {
            RedisMessageListenerContainer container = new RedisMessageListenerContainer();
            container.setConnectionFactory(connections);
            container.addMessageListener(live, new ChannelTopic(CHANNEL));
            return container;
        }
    }
}
