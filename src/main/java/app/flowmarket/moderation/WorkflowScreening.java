package app.flowmarket.moderation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import app.flowmarket.catalog.CatalogManagement;
import app.flowmarket.catalog.CatalogPages;
import app.flowmarket.catalog.WorkflowChanged;
import app.flowmarket.shared.WorkflowId;
import app.flowmarket.storage.BlobStore;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Screens every new or edited listing once its change has committed (from the event publication registry, so a crash
 * in between screens it after the restart): the newest file version is scanned for secrets, and the texts are checked
 * by {@link TextRules}. Anything found goes to the moderation queue, once per file version.
 */
@Component
class WorkflowScreening {

    private final CatalogPages pages;
    private final CatalogManagement catalog;
    private final BlobStore blobs;
    private final ModerationQueue queue;

    WorkflowScreening(CatalogPages pages, CatalogManagement catalog, BlobStore blobs, ModerationQueue queue) {
        this.pages = pages;
        this.catalog = catalog;
        this.blobs = blobs;
        this.queue = queue;
    }

    @ApplicationModuleListener
    void on(WorkflowChanged event) {
        pages.anyWorkflow(WorkflowId.of(event.workflowId())).ifPresent(page -> {
            List<String> hits = new ArrayList<>(TextRules.check(page.title() + "\n" + page.summary() + "\n" + page.descriptionMarkdown()));
            var latest = page.latestVersion().flatMap(v -> catalog.versionFile(v.id()));
            if (latest.isPresent()) {
                try (InputStream in = blobs.open(latest.get().fileKey()).orElse(null)) {
                    if (in != null) {
                        SecretScanner.describe(SecretScanner.scan(in.readAllBytes())).forEach(line -> hits.add("secret: " + line));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            if (!hits.isEmpty()) {
                queue.flag("workflow", page.id(), latest.map(CatalogManagement.VersionFile::versionId).orElse(page.id()),
                        page.store().ownerId(), page.title(), hits);
            }
        });
    }
}
