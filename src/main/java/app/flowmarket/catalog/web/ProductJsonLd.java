package app.flowmarket.catalog.web;

import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import app.flowmarket.catalog.WorkflowPage;
import app.flowmarket.shared.Money;
import app.flowmarket.shared.PriceOffers;
import app.flowmarket.shared.SiteSettings;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * A workflow page's schema.org {@code Product} in JSON-LD, for search engines' rich results: the listing, its
 * offer (price and currency) and, once it has ratings, its aggregate rating.
 */
final class ProductJsonLd {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProductJsonLd() {
    }

    /** The script's content, safe inside {@code <script type="application/ld+json">} (no {@code <} at all, so nothing can close it). */
    static String of(WorkflowPage page, PriceOffers.@Nullable Offer promotion, SiteSettings site, Locale locale) {
        String url = site.url("/workflows/" + page.slug());
        Map<String, Object> offer = new LinkedHashMap<>();
        offer.put("@type", "Offer");
        offer.put("url", url);
        // during a promotion, what a buyer pays now, and until when (the page cache follows the promotions)
        Money price = promotion == null ? page.price() : promotion.price();
        offer.put("price", price.toDecimal().setScale(2, RoundingMode.UNNECESSARY).toPlainString());
        offer.put("priceCurrency", price.currency().getCurrencyCode());
        if (promotion != null) {
            offer.put("priceValidUntil", LocalDate.ofInstant(promotion.endsAt(), ZoneOffset.UTC).toString());
        }
        offer.put("availability", "https://schema.org/InStock");
        offer.put("seller", Map.of("@type", "Organization", "name", page.store().name(), "url", site.url("/stores/" + page.store().slug())));

        Map<String, Object> product = new LinkedHashMap<>();
        product.put("@context", "https://schema.org");
        product.put("@type", "Product");
        product.put("name", page.title());
        product.put("description", page.summary());
        product.put("url", url);
        product.put("sku", page.id().toString());
        product.put("brand", Map.of("@type", "Brand", "name", page.store().name()));
        if (page.category() != null) {
            product.put("category", page.category().name(locale));
        }
        if (!page.screenshotUrls().isEmpty()) {
            product.put("image", page.screenshotUrls().stream().map(site::url).toList());
        }
        product.put("offers", offer);
        if (page.ratingCount() > 0) {
            product.put("aggregateRating", Map.of("@type", "AggregateRating",
                    "ratingValue", page.ratingAvg().setScale(1, RoundingMode.HALF_UP).toPlainString(),
                    "reviewCount", page.ratingCount(), "bestRating", 5, "worstRating", 1));
        }
        return JSON.writeValueAsString(product).replace("<", "\\u003c");
    }
}
