package app.flowmarket.api.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import app.flowmarket.catalog.CatalogManagement.VersionView;
import app.flowmarket.catalog.CatalogQueries.WorkflowCard;
import app.flowmarket.catalog.CategoryView;
import app.flowmarket.catalog.SellerWorkflow;
import app.flowmarket.catalog.TagView;
import app.flowmarket.catalog.WorkflowPage;
import app.flowmarket.commerce.OrderManagement;
import app.flowmarket.licensing.Licensing;
import app.flowmarket.review.Reviews;
import app.flowmarket.shared.Money;
import app.flowmarket.store.StoreManagement.StoreView;
import org.jspecify.annotations.Nullable;

/** What the API answers with: its own records in camelCase, never the modules' entities. */
public final class ApiDtos {

    private ApiDtos() {
    }

    /** A page of a list; {@code next} is the URL of the following page, null on the last. */
    public record Page<T>(List<T> items, @Nullable String next) {
    }

    /** An amount: minor units (cents) and ISO 4217 currency, and the same as a decimal string. */
    public record Price(long amountMinor, String currency, String amount) {
        public static Price of(Money money) {
            return new Price(money.minor(), money.currency().getCurrencyCode(), money.toDecimal().toPlainString());
        }
    }

    public record StoreRef(String slug, String name) {
    }

    public record Rating(@Nullable BigDecimal average, int count) {
    }

    public record WorkflowSummary(UUID id, String slug, String title, String summary, String platform, Price price, StoreRef store,
                           Rating rating, int salesCount, List<String> integrations, @Nullable Instant publishedAt) {
        public static WorkflowSummary of(WorkflowCard c) {
            return new WorkflowSummary(c.id(), c.slug(), c.title(), c.summary(), c.platform().slug(), Price.of(c.price()),
                    new StoreRef(c.storeSlug(), c.storeName()), new Rating(c.ratingAvg(), c.ratingCount()), c.salesCount(),
                    c.integrations(), c.publishedAt());
        }
    }

    public record Category(String slug, String name, String description) {
        public static Category of(CategoryView c, Locale locale) {
            return new Category(c.slug(), c.name(locale), c.description(locale));
        }
    }

    public record Tag(String slug, String name) {
        public static Tag of(TagView t, Locale locale) {
            return new Tag(t.slug(), t.name(locale));
        }
    }

    public record Version(UUID id, int number, String changelog, String fileName, long fileSize, String sha256, int nodeCount,
                   List<String> integrations, Instant createdAt) {
        public static Version of(VersionView v) {
            return new Version(v.id(), v.number(), v.changelog(), v.fileName(), v.fileSize(), v.sha256(), v.nodeCount(),
                    v.integrations(), v.createdAt());
        }
    }

    public record Workflow(UUID id, String slug, String title, String summary, String descriptionMarkdown, String platform, Price price,
                    String status, @Nullable Category category, List<Tag> tags, List<String> integrations, StoreRef store,
                    Rating rating, int salesCount, @Nullable Version latestVersion, @Nullable Instant publishedAt, Instant updatedAt) {
        public static Workflow of(WorkflowPage w, Locale locale) {
            return new Workflow(w.id(), w.slug(), w.title(), w.summary(), w.descriptionMarkdown(), w.platform().slug(), Price.of(w.price()),
                    w.status().name().toLowerCase(Locale.ROOT), w.category() == null ? null : Category.of(w.category(), locale),
                    w.tags().stream().map(t -> Tag.of(t, locale)).toList(), w.integrations(),
                    new StoreRef(w.store().slug(), w.store().name()), new Rating(w.ratingAvg(), w.ratingCount()), w.salesCount(),
                    w.latestVersion().map(Version::of).orElse(null), w.publishedAt(), w.updatedAt());
        }
    }

    public record Store(UUID id, String slug, String name, String bio, @Nullable String websiteUrl, Instant createdAt, List<WorkflowSummary> workflows) {
        public static Store of(StoreView s, List<WorkflowSummary> workflows) {
            return new Store(s.id(), s.slug(), s.name(), s.bio(), s.websiteUrl(), s.createdAt(), workflows);
        }
    }

    public record Reply(String body, @Nullable Instant repliedAt) {
    }

    public record Review(UUID id, int rating, String body, String authorName, boolean verifiedPurchase, int helpfulCount, Instant createdAt,
                  Instant updatedAt, @Nullable Reply reply) {
        public static Review of(Reviews.ReviewView r) {
            return new Review(r.id(), r.rating(), r.body(), r.authorName(), r.verifiedPurchase(), r.helpfulCount(), r.createdAt(),
                    r.updatedAt(), r.reply() == null ? null : new Reply(r.reply(), r.repliedAt()));
        }
    }

    public record Me(UUID id, String displayName, boolean seller, List<String> scopes) {
        public static Me of(app.flowmarket.account.Person user, app.flowmarket.api.ApiCaller caller) {
            return new Me(user.id().value(), user.displayName(), user.isSeller(),
                    caller.scopes().stream().map(app.flowmarket.api.ApiScope::value).sorted().toList());
        }
    }

    public record LibraryItem(UUID workflowId, String slug, String title, Instant acquiredAt, List<Version> versions) {
        public static LibraryItem of(Licensing.LibraryItem i) {
            return new LibraryItem(i.workflowId(), i.slug(), i.title(), i.acquiredAt(), i.versions().stream().map(Version::of).toList());
        }
    }

    public record OwnWorkflow(UUID id, String slug, String title, String platform, Price price, String status, int versionCount, Instant updatedAt) {
        public static OwnWorkflow of(SellerWorkflow w) {
            return new OwnWorkflow(w.id(), w.slug(), w.title(), w.platform().slug(), Price.of(w.price()),
                    w.status().name().toLowerCase(Locale.ROOT), w.versionCount(), w.updatedAt());
        }
    }

    public record Sale(UUID lineId, UUID orderId, long orderNumber, String buyerName, String title, Price net, Price fee, Price sellerShare,
                Price charged, String status, @Nullable Instant paidAt, boolean free) {
        public static Sale of(OrderManagement.Sale s) {
            return new Sale(s.lineId(), s.orderId(), s.orderNumber(), s.buyerName(), s.title(), Price.of(s.net()), Price.of(s.fee()),
                    Price.of(s.sellerShare()), Price.of(s.charged()), s.status().toLowerCase(Locale.ROOT), s.paidAt(), s.free());
        }
    }
}
