package app.flowmarket.review;

import java.util.UUID;

/** A buyer posted or changed their review of a workflow. */
public record ReviewPosted(UUID reviewId, UUID workflowId, UUID authorId, int rating, boolean firstTime) {
}
