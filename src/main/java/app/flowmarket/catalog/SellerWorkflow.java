package app.flowmarket.catalog;

import java.time.Instant;
import java.util.UUID;

import app.flowmarket.shared.Money;

/** One line of a seller's list of their workflows. */
public record SellerWorkflow(UUID id, String slug, String title, Platform platform, Money price,
                             WorkflowStatus status, int versionCount, Instant updatedAt) {
}
