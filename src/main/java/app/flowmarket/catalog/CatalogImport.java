package app.flowmarket.catalog;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.flowmarket.shared.Actor;
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
    private final ApplicationEventPublisher events;

    CatalogImport(CatalogManagement catalog, ApplicationEventPublisher events) {
        this.catalog = catalog;
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

    /** A listing to bring in: what it offers, its first file, the later ones, and its life so far. */
    public record Imported(Listing listing, Upload file, List<Revision> revisions, History history) {
    }

    /** Creates the listing with its file and later versions, publishes it and gives it its history; returns its id. */
    @Transactional
    public UUID importPublished(Actor seller, Listing listing, Upload file, List<Revision> revisions, History history) {
        return importPublished(seller, List.of(new Imported(listing, file, revisions, history))).get(0);
    }

    /**
     * Brings in a store's listings at once, each as {@link #importPublished(Actor, Listing, Upload, List, History)}
     * would; returns their ids in the same order.
     */
    @Transactional
    public List<UUID> importPublished(Actor seller, List<Imported> listings) {
        List<CatalogManagement.Placed> placed = catalog.bringIn(seller, listings.stream()
                .map(l -> new CatalogManagement.Brought(l.listing(), l.file(), l.revisions().stream()
                        .map(r -> Map.entry(r.changelog(), r.file())).toList()))
                .toList());
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < placed.size(); i++) {
            Workflow workflow = placed.get(i).workflow();
            History history = listings.get(i).history();
            List<Revision> revisions = listings.get(i).revisions();
            // drafted the day before it went public, with its first file; later files on their own dates
            Instant drafted = history.publishedAt().minus(Duration.ofDays(1));
            List<WorkflowVersion> oldestFirst = placed.get(i).versions();
            Instant updated = history.publishedAt();
            for (int v = 0; v < oldestFirst.size(); v++) {
                Instant at = v == 0 ? drafted : revisions.get(v - 1).addedAt();
                oldestFirst.get(v).importDate(at);
                updated = at.isAfter(updated) ? at : updated;
            }
            workflow.importHistory(drafted, history.publishedAt(), updated, history.sales(),
                    history.rating(), history.ratings(), history.featured());
            events.publishEvent(new WorkflowChanged(workflow.getId()));
            ids.add(workflow.getId());
        }
        return ids;
    }
}
