package app.flowmarket.catalog;

import java.util.UUID;

/**
 * A listing was created, edited, given a file version or a screenshot (or lost one), published,
 * archived or imported. Written through the listing entity, so Hibernate saw it too.
 */
public record WorkflowChanged(UUID workflowId) implements CatalogChanged {
}
