package app.flowmarket.catalog;

/** A listing's lifecycle; HELD is a published listing waiting hidden until a moderator approves it. */
public enum WorkflowStatus {
    DRAFT, PUBLISHED, ARCHIVED, HELD
}
