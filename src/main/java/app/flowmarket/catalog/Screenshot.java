package app.flowmarket.catalog;

import app.flowmarket.shared.NewEntity;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "workflow_screenshot")
class Screenshot extends NewEntity {

    @Id
    private UUID id;
    private UUID workflowId;
    private String blobKey;
    private String contentType;
    private int position;

    protected Screenshot() {
    }

    Screenshot(UUID workflowId, String blobKey, String contentType, int position) {
        this.id = UUID.randomUUID();
        this.workflowId = workflowId;
        this.blobKey = blobKey;
        this.contentType = contentType;
        this.position = position;
    }

    @Override
    public UUID getId() {
        return id;
    }

    String getBlobKey() {
        return blobKey;
    }

    String getContentType() {
        return contentType;
    }

    int getPosition() {
        return position;
    }

    /** Where the image is served to everyone, as the workflow's page shows it. */
    String url() {
        return "/media/" + blobKey;
    }
}
