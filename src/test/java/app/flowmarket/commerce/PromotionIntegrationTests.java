package app.flowmarket.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import app.flowmarket.IntegrationTest;
import app.flowmarket.account.AccountManagement;
import app.flowmarket.catalog.SellerFixture;
import app.flowmarket.support.Fixtures;
import app.flowmarket.support.Shopper;
import app.flowmarket.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Timed promotions as sellers schedule them and buyers see and pay them. */
@IntegrationTest
class PromotionIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    AccountManagement accounts;

    @Autowired
    JdbcClient jdbc;

    static String minute(LocalDateTime at) {
        return at.truncatedTo(ChronoUnit.MINUTES).toString();
    }

    @Test
    void aRunningPromotionShowsOnTheWorkflowPageAndIsWhatTheBuyerPaysUntilTheSellerEndsIt() {
        WebSession seller = SellerFixture.newSeller(port);
        String title = "On sale " + Fixtures.uniqueSlug("s");
        String workflowId = SellerFixture.publishedWorkflow(seller, title, "n8n", "25");
        String slug = jdbc.sql("select slug from workflow where id = ?::uuid").param(workflowId).query(String.class).single();
        WebSession visitor = new WebSession(port);
        // the page is seen, and cached, before the promotion exists
        String before = visitor.get("/workflows/" + slug).body();
        assertThat(before).doesNotContain("promo-badge").contains("\"price\":\"25.00\"").contains("product:price:amount\" content=\"25.00\"")
                .doesNotContain("priceValidUntil");

        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        String promotionTitle = "Week sale " + Fixtures.uniqueWord();
        assertThat(seller.post("/seller/promotions", Map.of("title", promotionTitle, "kind", "percent", "value", "20", "workflowIds", workflowId,
                "startsAt", minute(now.minusHours(1)), "endsAt", minute(now.plusDays(7)))).assertStatus(302).location())
                .isEqualTo("/seller/promotions");
        String sellerPage = seller.get("/seller/promotions").body();
        assertThat(sellerPage).contains(promotionTitle).contains("running");

        String page = visitor.get("/workflows/" + slug).body();
        assertThat(page).contains("<del>").contains("$25").contains("$20").contains("−20 %").contains("ends in 6 d");
        // search engines and link previews get the price a buyer pays now, and until when
        assertThat(page).contains("\"price\":\"20.00\"").contains("\"priceValidUntil\":\"" + now.plusDays(7).toLocalDate() + "\"")
                .contains("product:price:amount\" content=\"20.00\"");
        assertThat(visitor.get("/workflows/" + slug + "/buy-box").body()).contains("−20 %");

        String email = Fixtures.uniqueEmail("promo");
        accounts.createVerified(email, Fixtures.PASSWORD, "Penny Promo");
        WebSession buyer = new WebSession(port).signIn(email, Fixtures.PASSWORD);
        Shopper.addToCart(buyer, "WORKFLOW", workflowId);
        assertThat(buyer.get("/cart").body()).contains("Promotion: " + promotionTitle).contains("Total: $20<");
        String paymentPage = Shopper.placeOrder(buyer);
        assertThat(buyer.get(paymentPage).body()).contains("$20");

        String promotionId = jdbc.sql("select id::text from promotion where title = ?").param(promotionTitle).query(String.class).single();
        // another seller cannot end it
        SellerFixture.newSeller(port).post("/seller/promotions/" + promotionId + "/end", Map.of()).assertStatus(404);
        assertThat(visitor.get("/workflows/" + slug).body()).contains("−20 %");
        seller.post("/seller/promotions/" + promotionId + "/end", Map.of()).assertStatus(302);
        assertThat(visitor.get("/workflows/" + slug).body()).doesNotContain("promo-badge");
    }

    @Test
    void aScheduledPromotionDoesNotChangeThePriceBeforeItStarts() {
        WebSession seller = SellerFixture.newSeller(port);
        String workflowId = SellerFixture.publishedWorkflow(seller, "Later sale " + Fixtures.uniqueSlug("l"), "n8n", "30");
        String slug = jdbc.sql("select slug from workflow where id = ?::uuid").param(workflowId).query(String.class).single();
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        seller.post("/seller/promotions", Map.of("title", "Next week", "kind", "amount", "value", "5", "workflowIds", workflowId,
                "startsAt", minute(now.plusDays(7)), "endsAt", minute(now.plusDays(8)))).assertStatus(302);

        assertThat(seller.get("/seller/promotions").body()).contains("Next week").contains("scheduled");
        assertThat(new WebSession(port).get("/workflows/" + slug).body()).doesNotContain("promo-badge").contains("$30");
        // the end must come after the start
        assertThat(seller.post("/seller/promotions", Map.of("title", "Backwards", "kind", "percent", "value", "10", "workflowIds", workflowId,
                "startsAt", minute(now.plusDays(2)), "endsAt", minute(now.plusDays(1)))).assertStatus(200).body())
                .contains("the end after the start");
    }
}
