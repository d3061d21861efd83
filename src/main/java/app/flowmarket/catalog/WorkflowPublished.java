package app.flowmarket.catalog;

import java.util.UUID;

/** A workflow became visible in the catalogue for the first time. */
public record WorkflowPublished(UUID workflowId, UUID storeId, String slug, String title) {
}
