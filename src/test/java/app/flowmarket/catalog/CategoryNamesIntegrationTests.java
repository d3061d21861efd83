package app.flowmarket.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import app.flowmarket.IntegrationTest;
import app.flowmarket.support.Fixtures;
import app.flowmarket.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class CategoryNamesIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    CatalogPages catalog;

    @Test
    void categoriesAndTagsAreNamedInTheReadersLanguageAndFoundByTheirTranslatedNames() {
        WebSession seller = SellerFixture.newSeller(port);
        String word = Fixtures.uniqueWord();
        String title = "Ledger sync " + word;
        String id = SellerFixture.publishedWorkflow(seller, title, "n8n", "4");
        String salesCrm = catalog.category("sales-crm").orElseThrow().id().toString();
        seller.get("/seller/workflows/" + id + "/edit");
        seller.post("/seller/workflows/" + id + "/edit", Map.of("title", title, "summary", "A workflow made by a test.",
                "description", "", "platform", "n8n", "price", "4", "currency", "USD", "category", salesCrm,
                "tags", "Invoicing, Slack")).assertStatus(302);
        String slug = "ledger-sync-" + word;

        assertThat(new WebSession(port).get("/workflows/" + slug + "?lang=fr").body())
                .contains(">Ventes et CRM</a>").contains(">Facturation</a>").contains(">Slack</a>").doesNotContain(">Invoicing</a>");
        assertThat(new WebSession(port).get("/workflows/" + slug + "?lang=en").body())
                .contains(">Sales &amp; CRM</a>").contains(">Invoicing</a>");
        assertThat(new WebSession(port).get("/?lang=de").body()).contains("<strong>Vertrieb &amp; CRM</strong>")
                .doesNotContain("<strong>Sales &amp; CRM</strong>");

        String results = new WebSession(port).get("/workflows?lang=es&q=" + word).body();
        assertThat(results).contains("href=\"/workflows/" + slug + "\"");
        assertThat(results).as("the category facet and the category filter").contains("Ventas y CRM <span class=\"facet-count\"")
                .contains(">Ventas y CRM</option>");

        assertThat(new WebSession(port).get("/workflows?lang=de&q=Rechnungsstellung").body())
                .as("a tag's translated name finds what carries it").contains("href=\"/workflows/" + slug + "\"");
    }
}
