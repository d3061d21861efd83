package app.flowmarket.catalog;

import java.time.Instant;
import java.util.UUID;

import app.flowmarket.shared.Money;
import org.jspecify.annotations.Nullable;

/** One line of a seller's list of their workflows; {@code reviewNote} says why moderation holds it, while it does. */
public record SellerWorkflow(UUID id, String slug, String title, Platform platform, Money price,
                             WorkflowStatus status, int versionCount, Instant updatedAt, @Nullable String reviewNote) {
}
