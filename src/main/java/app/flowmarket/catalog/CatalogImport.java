package app.flowmarket.catalog;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.flowmarket.shared.Actor;
import app.flowmarket.shared.WorkflowId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Listings brought into the catalogue with the history they already have elsewhere (a store moving in
 * from another marketplace, the demo marketplace): made through the seller's own steps, with the same
 * checks, then given their publication date, sales, rating and featured flag. From then on orders and
 * reviews count as for any listing.
 */
@Service
public class CatalogImport {

    private final CatalogManagement catalog;
    private final Workflows workflows;
    private final WorkflowVersions versions;
    private final ApplicationEventPublisher events;

    CatalogImport(CatalogManagement catalog, Workflows workflows, WorkflowVersions versions, ApplicationEventPublisher events) {
        this.catalog = catalog;
        this.workflows = workflows;
        this.versions = versions;
        this.events = events;
    }

    /** A later version of the workflow file, with what changed in it and when it came out (after the listing went public). */
    public record Revision(String changelog, Upload file, Instant addedAt) {
    }

    /** A listing's life before the import: first offered on {@code publishedAt}, sold and rated since. */
    public record History(Instant publishedAt, int sales, BigDecimal rating, int ratings, boolean featured) {

        public History {
            if (publishedAt == null || sales < 0 || ratings < 0 || rating == null
                    || rating.signum() < 0 || rating.compareTo(BigDecimal.valueOf(5)) > 0) {
                throw new IllegalArgumentException("not a listing's history: " + publishedAt + ", " + sales + " sales, "
                        + rating + " from " + ratings + " ratings");
            }
        }
    }

    /** Creates the listing with its file and later versions, publishes it and gives it its history; returns its id. */
    @Transactional
    public UUID importPublished(Actor seller, Listing listing, Upload file, List<Revision> revisions, History history) {
        UUID id = catalog.createWorkflow(seller, listing, file);
        for (Revision revision : revisions) {
            catalog.addVersion(seller, WorkflowId.of(id), revision.changelog(), revision.file());
        }
        catalog.publish(seller, WorkflowId.of(id));
        Workflow workflow = workflows.findById(id).orElseThrow();
        // drafted the day before it went public, with its first file; later files on their own dates
        Instant drafted = history.publishedAt().minus(Duration.ofDays(1));
        List<WorkflowVersion> oldestFirst = versions.findByWorkflowIdOrderByNumberDesc(id).reversed();
        Instant updated = history.publishedAt();
        for (int i = 0; i < oldestFirst.size(); i++) {
            Instant at = i == 0 ? drafted : revisions.get(i - 1).addedAt();
            oldestFirst.get(i).importDate(at);
            updated = at.isAfter(updated) ? at : updated;
        }
        workflow.importHistory(drafted, history.publishedAt(), updated, history.sales(),
                history.rating(), history.ratings(), history.featured());
        events.publishEvent(new WorkflowChanged(id));
        return id;
    }
}
