package app.flowmarket.moderation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import app.flowmarket.catalog.CatalogManagement;
import app.flowmarket.catalog.CatalogPages;
import app.flowmarket.catalog.CategoryPrices;
import app.flowmarket.shared.AccountId;
import app.flowmarket.catalog.WorkflowChanged;
import app.flowmarket.shared.WorkflowId;
import app.flowmarket.storage.BlobStore;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Screens every new or edited listing once its change has committed (from the event publication registry, so a crash
 * in between screens it after the restart): the newest file version is scanned for secrets, and the texts are checked
 * by {@link TextRules}, for a description copied from another store's listing and for a price far from what the
 * category usually costs. Anything found goes to the moderation queue, once per file version: a listing is flagged
 * whatever outcome a rule has (it is checked after it was saved, and its seller already saw the secret warnings).
 */
@Component
class WorkflowScreening {

    private final CatalogPages pages;
    private final CatalogManagement catalog;
    private final BlobStore blobs;
    private final ModerationQueue queue;
    private final ModerationRules rules;
    private final ContentScreening screening;
    private final CategoryPrices prices;

    WorkflowScreening(CatalogPages pages, CatalogManagement catalog, BlobStore blobs, ModerationQueue queue, ModerationRules rules,
                      ContentScreening screening, CategoryPrices prices) {
        this.pages = pages;
        this.catalog = catalog;
        this.blobs = blobs;
        this.queue = queue;
        this.rules = rules;
        this.screening = screening;
        this.prices = prices;
    }

    @ApplicationModuleListener
    void on(WorkflowChanged event) {
        pages.anyWorkflow(WorkflowId.of(event.workflowId())).ifPresent(page -> {
            var settings = rules.all();
            List<ContentScreening.Hit> found = new ArrayList<>(screening.textHits(page.title() + "\n" + page.summary() + "\n"
                    + page.descriptionMarkdown(), settings));
            // a description copied from another store's listing
            screening.duplicate("workflow", page.id(), AccountId.of(page.store().ownerId()), page.descriptionMarkdown(), settings)
                    .ifPresent(found::add);
            if (page.category() != null) {
                PricingRule.check(page.price(), prices.usual(page.category().id(), page.price().currency().getCurrencyCode(), page.id()),
                        ContentScreening.threshold(settings, "pricing", 5)).ifPresent(evidence -> found.add(new ContentScreening.Hit("pricing", evidence)));
            }
            List<String> hits = new ArrayList<>(found.stream()
                    .filter(hit -> ContentScreening.setting(settings, hit.rule()).outcome() != ModerationRules.Outcome.OFF)
                    .map(ContentScreening.Hit::toString).toList());
            boolean secrets = ContentScreening.setting(settings, "secret").outcome() != ModerationRules.Outcome.OFF;
            var latest = page.latestVersion().flatMap(v -> catalog.versionFile(v.id()));
            if (latest.isPresent()) {
                try (InputStream in = blobs.open(latest.get().fileKey()).orElse(null)) {
                    if (in != null && secrets) {
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
