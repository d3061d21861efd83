package app.flowmarket.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import app.flowmarket.IntegrationTest;
import app.flowmarket.support.Fixtures;
import app.flowmarket.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The seller's workflow form: team and company licences offered at prices above the single licence's. */
@IntegrationTest
class LicenceTierFormIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Map<String, String> form(String title, String price, Map<String, String> tiers) {
        Map<String, String> fields = new HashMap<>(Map.of("title", title, "summary", "A workflow made by a test.", "description", "",
                "platform", "n8n", "price", price, "currency", "USD", "category", "", "tags", ""));
        fields.putAll(tiers);
        return fields;
    }

    WebSession.Page create(WebSession seller, String title, String price, Map<String, String> tiers) {
        return seller.postMultipart("/seller/workflows/new", form(title, price, tiers), "file", "w.json", Fixtures.n8nWorkflow(title));
    }

    long workflows(String title) {
        return jdbc.sql("select count(*) from workflow where title = ?").param(title).query(Long.class).single();
    }

    @Test
    void tierPricesMustBeAboveTheSingleAndTheCompanysAboveTheTeamsWithTheReasonOnTheForm() {
        WebSession seller = SellerFixture.newSeller(port);
        Map<Map<String, String>, String> refused = Map.of(
                Map.of("teamOffered", "on", "teamPrice", "20"), "The team licence must cost more than the single-user licence.",
                Map.of("teamOffered", "on", "teamPrice", "29"), "The team licence must cost more than the single-user licence.",
                Map.of("companyOffered", "on", "companyPrice", "10"), "The company licence must cost more than the single-user licence.",
                Map.of("teamOffered", "on", "teamPrice", "90", "companyOffered", "on", "companyPrice", "90"),
                "The company licence must cost more than the team licence.",
                Map.of("teamOffered", "on", "teamPrice", "lots"), "Enter the team licence price as an amount",
                Map.of("companyOffered", "on", "companyPrice", ""), "Enter the company licence price as an amount");
        refused.forEach((tiers, message) -> {
            String title = "Tiered " + Fixtures.uniqueSlug("r");
            WebSession.Page page = create(seller, title, "29", tiers);
            assertThat(page.status()).as(tiers.toString()).isEqualTo(200);
            assertThat(page.body()).as(tiers.toString()).contains(message).contains("has-error");
            assertThat(workflows(title)).as(tiers.toString()).isZero();
        });
        String free = "Free tiered " + Fixtures.uniqueSlug("f");
        assertThat(create(seller, free, "0", Map.of("teamOffered", "on", "teamPrice", "10")).body()).contains("A free workflow has no licence tiers");
        assertThat(workflows(free)).isZero();
    }

    @Test
    void offeredTiersAreSavedShownOnTheFormAndCanBeWithdrawn() {
        WebSession seller = SellerFixture.newSeller(port);
        String title = "Tiered " + Fixtures.uniqueSlug("s");
        // a price typed for a tier left unticked is not an offer
        WebSession.Page created = create(seller, title, "29", Map.of("teamOffered", "on", "teamPrice", "87", "companyPrice", "290"));
        String id = created.assertStatus(302).location().split("/")[3];
        assertThat(jdbc.sql("select team_price_minor, company_price_minor from workflow where id = ?::uuid").param(id)
                .query((rs, n) -> rs.getLong(1) + "/" + rs.getObject(2)).single()).isEqualTo("8700/null");

        String edit = seller.get("/seller/workflows/" + id + "/edit").assertStatus(200).body();
        assertThat(edit).contains("name=\"teamOffered\" id=\"teamOffered\" value=\"on\" checked").contains("value=\"87.00\"")
                .contains("Suggested: 3 × the single-user price").contains("Suggested: 10 × the single-user price");

        seller.post("/seller/workflows/" + id + "/edit", form(title, "29", Map.of("companyOffered", "on", "companyPrice", "300")))
                .assertStatus(302);
        assertThat(jdbc.sql("select team_price_minor, company_price_minor from workflow where id = ?::uuid").param(id)
                .query((rs, n) -> rs.getObject(1) + "/" + rs.getLong(2)).single()).isEqualTo("null/30000");

        // raising the single price above a tier's is refused while the tier is offered
        WebSession.Page tooHigh = seller.post("/seller/workflows/" + id + "/edit", form(title, "400", Map.of("companyOffered", "on", "companyPrice", "300")));
        assertThat(tooHigh.assertStatus(200).body()).contains("The company licence must cost more than the single-user licence.");
        assertThat(jdbc.sql("select price_minor from workflow where id = ?::uuid").param(id).query(Long.class).single()).isEqualTo(2900);
    }
}
