package app.flowmarket.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import app.flowmarket.IntegrationTest;
import app.flowmarket.support.Fixtures;
import app.flowmarket.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class PriceInputIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aPriceInAnotherScriptsDigitsIsRefusedWithAnErrorAndNothingIsCreated() {
        WebSession seller = SellerFixture.newSeller(port);
        for (String price : new String[] {"٣", "１２", "1e3"}) {
            String title = "Odd digits " + Fixtures.uniqueSlug("d");
            WebSession.Page page = seller.postMultipart("/seller/workflows/new", Map.of("title", title, "summary", "A test.",
                    "description", "", "platform", "n8n", "price", price, "currency", "USD", "category", "", "tags", ""),
                    "file", "w.json", Fixtures.n8nWorkflow(title));
            assertThat(page.status()).as(price).isNotEqualTo(302).isLessThan(500);
            assertThat(page.body()).as(price).contains("price");
            assertThat(jdbc.sql("select count(*) from workflow where title = ?").param(title).query(Long.class).single()).isZero();
        }
    }
}
