package app.flowmarket.notification;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events for the notification bell. Open streams are held on the node that serves them;
 * after a change commits, each affected person's open streams get their new unread count.
 */
@Component
class LiveUpdates {

    private final Map<UUID, List<SseEmitter>> streams = new ConcurrentHashMap<>();
    private final JdbcClient jdbc;

    LiveUpdates(JdbcClient jdbc) {
        this.jdbc = jdbc;
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

    void changed(Collection<UUID> recipients) {
        List<UUID> connected = recipients.stream().filter(streams::containsKey).distinct().toList();
        if (connected.isEmpty()) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    push(connected);
                }
            });
        } else {
            push(connected);
        }
    }

    private void push(List<UUID> users) {
        for (UUID user : users) {
            long unread = jdbc.sql("select count(*) from notification where recipient_id = ? and read_at is null").param(user)
                    .query(Long.class).single();
            for (SseEmitter emitter : streams.getOrDefault(user, List.of())) {
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
}
