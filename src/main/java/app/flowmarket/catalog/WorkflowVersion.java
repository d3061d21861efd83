package app.flowmarket.catalog;

import app.flowmarket.shared.NewEntity;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One uploaded file of a workflow, with its changelog. Versions are immutable once made, but for {@code held}: a version
 * saved while moderation holds its listing is not handed to buyers until the hold is released.
 */
@Entity
@Table(name = "workflow_version")
class WorkflowVersion extends NewEntity {

    @Id
    private UUID id;
    private UUID workflowId;
    private int number;
    private String changelog;
    private String fileKey;
    private String fileName;
    private long fileSize;
    private String sha256;
    private int nodeCount;
    private String integrations;
    private String secretWarnings;
    private Instant createdAt;
    private boolean held;

    protected WorkflowVersion() {
    }

    WorkflowVersion(UUID workflowId, int number, String changelog, String fileKey, String fileName, long fileSize,
                    String sha256, ParsedWorkflow parsed) {
        this.id = UUID.randomUUID();
        this.workflowId = workflowId;
        this.number = number;
        this.changelog = changelog;
        this.fileKey = fileKey;
        this.fileName = fileName;
        this.fileSize = fileSize;
        this.sha256 = sha256;
        this.nodeCount = parsed.nodeCount();
        this.integrations = String.join("\n", parsed.integrations());
        this.secretWarnings = String.join("\n", parsed.secretWarnings());
        this.createdAt = Instant.now();
    }

    @Override
    public UUID getId() {
        return id;
    }

    UUID getWorkflowId() {
        return workflowId;
    }

    int getNumber() {
        return number;
    }

    String getChangelog() {
        return changelog;
    }

    long getFileSize() {
        return fileSize;
    }

    String getSha256() {
        return sha256;
    }

    int getNodeCount() {
        return nodeCount;
    }

    String getIntegrations() {
        return integrations;
    }

    String getSecretWarnings() {
        return secretWarnings;
    }

    boolean isHeld() {
        return held;
    }

    /** Moderation held its listing as it was saved: buyers do not get it until approved. */
    void hold() {
        held = true;
    }

    /** Returns true when this call released it (it was held). */
    boolean approve() {
        boolean was = held;
        held = false;
        return was;
    }

    void importDate(Instant at) {
        this.createdAt = at;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    String getFileKey() {
        return fileKey;
    }

    String getFileName() {
        return fileName;
    }
}
