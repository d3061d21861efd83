package app.flowmarket.moderation;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import app.flowmarket.qa.QaPostReported;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** A question or answer reported through the Q&A module's own one-click report also lands in the queue, once per reporter. */
@Component
class ReportListener {

    private final ModeratedContent content;
    private final ModerationQueue queue;

    ReportListener(ModeratedContent content, ModerationQueue queue) {
        this.content = content;
        this.queue = queue;
    }

    @ApplicationModuleListener
    void on(QaPostReported event) {
        for (String kind : List.of("question", "answer")) {
            content.target(kind, event.postId()).ifPresent(target -> queue.flag(kind, target.id(),
                    UUID.nameUUIDFromBytes((event.postId() + "/" + event.reporterId()).getBytes(StandardCharsets.UTF_8)), target.authorId(),
                    target.title(), List.of("report: other")));
        }
    }
}
