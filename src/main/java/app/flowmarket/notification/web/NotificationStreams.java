package app.flowmarket.notification.web;

import java.io.IOException;
import java.util.UUID;

import app.flowmarket.notification.NotificationCenter;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Opens a bell stream and sends the current count at once. */
@Component
class NotificationStreams {

    private final NotificationCenter center;

    NotificationStreams(NotificationCenter center) {
        this.center = center;
    }

    SseEmitter open(UUID userId, long unread) {
        SseEmitter emitter = center.openStream(userId);
        try {
            emitter.send(SseEmitter.event().name("unread").data(NotificationCenter.badge(unread)));
        } catch (IOException e) {
            emitter.completeWithError(e);
        }
        return emitter;
    }
}
