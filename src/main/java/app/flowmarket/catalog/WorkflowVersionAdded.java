package app.flowmarket.catalog;

import java.util.UUID;

/** A new file version of a workflow was uploaded (buyers get every version). */
public record WorkflowVersionAdded(UUID workflowId, UUID versionId, int number, String changelog) {
}
