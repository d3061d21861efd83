package app.flowmarket.catalog;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.flowmarket.shared.CurrentUser;
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
    private final ApplicationEventPublisher events;

    CatalogImport(CatalogManagement catalog, Workflows workflows, ApplicationEventPublisher events) {
        this.catalog = catalog;
        this.workflows = workflows;
        this.events = events;
    }

    /** A later version of the workflow file, with what changed in it. */
    public record Revision(String changelog, Upload file) {
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
    public UUID importPublished(CurrentUser seller, Listing listing, Upload file, List<Revision> revisions, History history) {
        UUID id = catalog.createWorkflow(seller, listing, file);
        for (Revision revision : revisions) {
            catalog.addVersion(seller, id, revision.changelog(), revision.file());
        }
        catalog.publish(seller, id);
        Workflow workflow = workflows.findById(id).orElseThrow();
        // drafted the day before it went public
        workflow.importHistory(history.publishedAt().minus(Duration.ofDays(1)), history.publishedAt(), history.sales(),
                history.rating(), history.ratings(), history.featured());
        events.publishEvent(new WorkflowChanged(id));
        return id;
    }
}
