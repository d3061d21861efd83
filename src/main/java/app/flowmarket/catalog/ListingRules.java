package app.flowmarket.catalog;

import java.util.List;

import app.flowmarket.shared.DomainException;
import app.flowmarket.shared.MinimumPrice;
import app.flowmarket.shared.Money;
import app.flowmarket.shared.Slugs;
import app.flowmarket.storage.Images;
import org.jspecify.annotations.Nullable;
import org.springframework.lang.Contract;
import org.springframework.stereotype.Component;

/**
 * What a listing, a file version and a screenshot must satisfy before anything is saved. Each check
 * refuses with the message key of the form field it concerns.
 */
@Component
class ListingRules {

    static final long MAX_PRICE_MINOR = 100_000_00L;
    static final int MAX_SCREENSHOTS = 8;
    static final int MAX_TAGS = 10;

    private final Categories categories;
    private final MinimumPrice minimum;

    ListingRules(Categories categories, MinimumPrice minimum) {
        this.categories = categories;
        this.minimum = minimum;
    }

    /** The listing as it will be saved: texts stripped, tags without blanks or repeats. */
    Listing listing(Listing raw) {
        String title = raw.title() == null ? "" : raw.title().strip();
        if (title.length() < 3 || title.length() > 120) {
            throw new DomainException("workflow.title.invalid");
        }
        String summary = raw.summary() == null ? "" : raw.summary().strip();
        if (summary.length() < 10 || summary.length() > 300) {
            throw new DomainException("workflow.summary.invalid");
        }
        String description = raw.description() == null ? "" : raw.description().strip();
        if (description.length() > 50_000) {
            throw new DomainException("workflow.description.too-long");
        }
        if (raw.platform() == null) {
            throw new DomainException("workflow.platform.invalid");
        }
        Money price = raw.price();
        if (price == null || price.minor() < 0 || price.minor() > MAX_PRICE_MINOR
                || !Listing.CURRENCIES.contains(price.currency().getCurrencyCode())) {
            throw new DomainException("workflow.price.invalid");
        }
        // a paid price under the platform minimum could never be charged as listed once a discount applies
        Money least = minimum.minimumPrice(price.currency());
        if (!price.isFree() && price.minor() < least.minor()) {
            throw new DomainException("workflow.price.below-minimum", least.toString());
        }
        if (raw.categoryId() != null && !categories.existsById(raw.categoryId())) {
            throw new DomainException("workflow.category.invalid");
        }
        List<String> tagNames = raw.tagNames() == null ? List.of()
                : raw.tagNames().stream().map(String::strip).filter(t -> !t.isEmpty()).distinct().toList();
        if (tagNames.size() > MAX_TAGS || tagNames.stream().anyMatch(t -> t.length() > 30 || Slugs.slugify(t, 30).isEmpty())) {
            throw new DomainException("workflow.tags.invalid", MAX_TAGS);
        }
        return new Listing(title, summary, description, raw.platform(), price, raw.categoryId(), tagNames);
    }

    /**
     * The tier prices a seller asks, checked against the single price: none on a free workflow (it is got,
     * not licensed), each above the single price and within the price limit, a company's above a team's.
     */
    LicencePrices licencePrices(Money single, LicencePrices raw) {
        if (!raw.any()) {
            return LicencePrices.NONE;
        }
        if (single.isFree()) {
            throw new DomainException("workflow.tiers.free");
        }
        check(raw.team(), single, "workflow.tiers.team");
        check(raw.company(), single, "workflow.tiers.company");
        if (raw.team() != null && raw.company() != null && raw.company().minor() <= raw.team().minor()) {
            throw new DomainException("workflow.tiers.company.below-team");
        }
        return raw;
    }

    private static void check(@Nullable Money tier, Money single, String key) {
        if (tier == null) {
            return;
        }
        if (!tier.currency().equals(single.currency()) || tier.minor() > MAX_PRICE_MINOR) {
            throw new DomainException(key + ".invalid");
        }
        if (tier.minor() <= single.minor()) {
            throw new DomainException(key + ".too-low");
        }
    }

    /** A new version's changelog, stripped. */
    String changelog(String raw) {
        String log = raw == null ? "" : raw.strip();
        if (log.isEmpty()) {
            throw new DomainException("workflow.changelog.required");
        }
        if (log.length() > 5000) {
            throw new DomainException("workflow.changelog.too-long");
        }
        return log;
    }

    /** The uploaded workflow file, read as an export of the platform (refused when it is not one). */
    @Contract("_, null -> fail")
    ParsedWorkflow file(Platform platform, @Nullable Upload file) {
        if (file == null || file.content() == null || file.content().length == 0) {
            throw new DomainException("workflow.file.required");
        }
        return WorkflowFileParser.parse(platform, file.content());
    }

    /** The content type of a screenshot that may be added to a listing already showing {@code existing} of them. */
    @Contract("null, _ -> fail")
    String screenshot(byte @Nullable [] image, long existing) {
        if (image == null || image.length == 0) {
            throw new DomainException("image.required");
        }
        if (image.length > Images.MAX_BYTES) {
            throw new DomainException("image.too-large");
        }
        String type = Images.contentType(image).orElseThrow(() -> new DomainException("image.unsupported"));
        if (existing >= MAX_SCREENSHOTS) {
            throw new DomainException("workflow.screenshots.too-many", MAX_SCREENSHOTS);
        }
        return type;
    }
}
