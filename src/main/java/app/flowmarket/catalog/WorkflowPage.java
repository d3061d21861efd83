package app.flowmarket.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import app.flowmarket.catalog.CatalogManagement.VersionView;
import app.flowmarket.shared.Money;
import app.flowmarket.store.StoreManagement.StoreView;
import org.jspecify.annotations.Nullable;

/** Everything a workflow's page shows: the listing, its category, tags, apps, versions, screenshots and store. */
public record WorkflowPage(UUID id, String slug, String title, String summary, String descriptionMarkdown,
                           String descriptionHtml, Platform platform, Money price, WorkflowStatus status,
                           @Nullable CategoryView category, List<TagView> tags, List<String> integrations,
                           List<VersionView> versions, List<String> screenshotUrls, StoreView store,
                           BigDecimal ratingAvg, int ratingCount, int salesCount, @Nullable Instant publishedAt,
                           Instant updatedAt) implements java.io.Serializable {

    public boolean isPublished() {
        return status == WorkflowStatus.PUBLISHED;
    }

    public Optional<VersionView> latestVersion() {
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(0));
    }
}
