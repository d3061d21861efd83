package app.flowmarket.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import app.flowmarket.catalog.CategoryView;
import app.flowmarket.catalog.Platform;
import app.flowmarket.catalog.WorkflowPage;
import app.flowmarket.catalog.WorkflowStatus;
import app.flowmarket.shared.Money;
import app.flowmarket.shared.SiteSettings;
import app.flowmarket.shared.Translated;
import app.flowmarket.store.StoreManagement.StoreView;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ProductJsonLdTests {

    private static final SiteSettings SITE = new SiteSettings("https://market.example", true);

    private static WorkflowPage page(String title, int ratings) {
        StoreView store = new StoreView(UUID.randomUUID(), UUID.randomUUID(), "Ledger Loop", "ledger-loop", "", null, null, null, null,
                Instant.now());
        CategoryView finance = new CategoryView(UUID.randomUUID(), "finance", new Translated("Finance & Accounting",
                Map.of("fr", "Finance et comptabilité")), Translated.of(""));
        return new WorkflowPage(UUID.randomUUID(), "invoice-reminders", title, "Reminders for overdue invoices.", "", "",
                Platform.N8N, Money.of(2900, "GBP"), WorkflowStatus.PUBLISHED, finance, List.of(), List.of(), List.of(),
                List.of("/media/shot-1"), store, new BigDecimal("4.67"), ratings, 12, Instant.now(), Instant.now());
    }

    @Test
    void aWorkflowIsAProductWithItsOfferAndOnceRatedItsAggregateRating() {
        JsonNode json = JsonMapper.builder().build().readTree(ProductJsonLd.of(page("Invoice reminders", 3), null, SITE, Locale.FRENCH));

        assertThat(json.get("@context").asString()).isEqualTo("https://schema.org");
        assertThat(json.get("@type").asString()).isEqualTo("Product");
        assertThat(json.get("name").asString()).isEqualTo("Invoice reminders");
        assertThat(json.get("url").asString()).isEqualTo("https://market.example/workflows/invoice-reminders");
        assertThat(json.get("category").asString()).isEqualTo("Finance et comptabilité");
        assertThat(json.get("image").get(0).asString()).isEqualTo("https://market.example/media/shot-1");
        JsonNode offer = json.get("offers");
        assertThat(offer.get("@type").asString()).isEqualTo("Offer");
        assertThat(offer.get("price").asString()).isEqualTo("29.00");
        assertThat(offer.get("priceCurrency").asString()).isEqualTo("GBP");
        assertThat(offer.get("availability").asString()).isEqualTo("https://schema.org/InStock");
        JsonNode rating = json.get("aggregateRating");
        assertThat(rating.get("@type").asString()).isEqualTo("AggregateRating");
        assertThat(rating.get("ratingValue").asString()).isEqualTo("4.7");
        assertThat(rating.get("reviewCount").asInt()).isEqualTo(3);

        assertThat(JsonMapper.builder().build().readTree(ProductJsonLd.of(page("Unrated", 0), null, SITE, Locale.ENGLISH)).has("aggregateRating"))
                .as("no rating until someone rated it (schema.org requires a count above zero)").isFalse();
    }

    @Test
    void nothingATitleSaysCanEndTheScriptItSitsIn() {
        String script = ProductJsonLd.of(page("</script><script>alert(1)</script><!--", 0), null, SITE, Locale.ENGLISH);
        assertThat(script).doesNotContain("</").doesNotContain("<!--");
        assertThat(JsonMapper.builder().build().readTree(script).get("name").asString())
                .isEqualTo("</script><script>alert(1)</script><!--");
    }
}
