package app.flowmarket.review;

import java.util.UUID;

/** The seller replied to a review of their workflow ({@code firstTime}: a new reply, not an edit). */
public record ReviewReplied(UUID reviewId, UUID workflowId, UUID reviewerId, boolean firstTime) {
}
