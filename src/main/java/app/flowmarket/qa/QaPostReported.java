package app.flowmarket.qa;

import java.util.UUID;

/** A question or an answer was reported as abusive: the hook for moderation. */
public record QaPostReported(UUID postId, UUID workflowId, UUID reporterId) {
}
