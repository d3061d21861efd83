package app.flowmarket.catalog;

public enum WorkflowStatus {
    DRAFT, PUBLISHED, ARCHIVED
}
