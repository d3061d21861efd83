package app.flowmarket.commerce;

import static org.assertj.core.api.Assertions.assertThat;

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

/** The platform minimum of a paid line (0.50 by default), as a buyer meets it in the cart and a seller on the listing form. */
@IntegrationTest
class PlatformMinimumIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    AccountManagement accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aFullCodeOnAPaidWorkflowStopsAtTheMinimumAndTheCartSaysSo() {
        WebSession seller = SellerFixture.newSeller(port);
        String workflowId = SellerFixture.publishedWorkflow(seller, "Nearly free " + Fixtures.uniqueSlug("m"), "n8n", "4");
        String other = SellerFixture.publishedWorkflow(seller, "Not covered " + Fixtures.uniqueSlug("m"), "n8n", "10");
        String code = "ALLOFF" + Fixtures.uniqueWord().toUpperCase().replaceAll("[^A-Z0-9]", "");
        seller.post("/seller/coupons", Map.of("code", code, "kind", "percent", "value", "100", "scope", "workflows", "workflowIds", workflowId,
                "startsOn", "", "endsOn", "", "maxUses", "", "minimum", "")).assertStatus(302);

        String email = Fixtures.uniqueEmail("minimum");
        accounts.createVerified(email, Fixtures.PASSWORD, "Minnie Mum");
        WebSession buyer = new WebSession(port).signIn(email, Fixtures.PASSWORD);
        Shopper.addToCart(buyer, "WORKFLOW", workflowId);
        Shopper.addToCart(buyer, "WORKFLOW", other);
        buyer.post("/cart/coupons", Map.of("code", code)).assertStatus(302);

        // 4.00 less 100 % stops at 0.50; the other workflow is not covered and keeps its price
        String cart = buyer.get("/cart").assertStatus(200).body();
        assertThat(cart).contains("Applied: −$3.50").contains("Total: $10.50")
                .contains("Discounts stop at $0.50: nothing paid costs less than the platform minimum.");
        // under the covered line only
        assertThat(cart.split("Discounts stop at").length - 1).isEqualTo(1);

        String paymentPage = Shopper.placeOrder(buyer);
        String orderPath = Shopper.pay(buyer, paymentPage, Shopper.GOOD_CARD);
        Shopper.awaitOrderText(buyer, orderPath, "Paid. Thank you");
        String orderId = orderPath.substring("/orders/".length());
        assertThat(jdbc.sql("select net_minor from order_line where order_id = ?::uuid and ref_id = ?::uuid").params(orderId, workflowId)
                .query(Long.class).single()).isEqualTo(50);
        assertThat(jdbc.sql("select seller_minor + fee_minor from order_line where order_id = ?::uuid and ref_id = ?::uuid")
                .params(orderId, workflowId).query(Long.class).single()).isEqualTo(50);
    }

    @Test
    void theListingFormRefusesAPaidPriceBelowTheMinimumButTakesFreeAndTheMinimumItself() {
        WebSession seller = SellerFixture.newSeller(port);
        String title = "Too cheap " + Fixtures.uniqueSlug("m");
        WebSession.Page refused = seller.postMultipart("/seller/workflows/new", Map.of("title", title, "summary", "A workflow made by a test.",
                "description", "", "platform", "n8n", "price", "0.30", "currency", "EUR", "category", "", "tags", ""),
                "file", "w.json", Fixtures.n8nWorkflow(title));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("A paid workflow costs at least 0.50 EUR, the platform minimum; set the price to 0 to give it away.");
        assertThat(jdbc.sql("select count(*) from workflow where title = ?").param(title).query(Long.class).single()).isZero();

        SellerFixture.publishedWorkflow(seller, Map.of("title", "Free " + Fixtures.uniqueSlug("m"), "price", "0"));
        String atMinimum = SellerFixture.publishedWorkflow(seller, Map.of("title", "Minimum " + Fixtures.uniqueSlug("m"), "price", "0.50"));
        // editing a listing checks the same rule
        WebSession.Page edit = seller.post("/seller/workflows/" + atMinimum + "/edit", Map.of("title", "Still minimum " + Fixtures.uniqueSlug("m"),
                "summary", "A workflow made by a test.", "description", "", "platform", "n8n", "price", "0.49", "currency", "USD", "category", "",
                "tags", ""));
        assertThat(edit.body()).contains("A paid workflow costs at least 0.50 USD");
        assertThat(jdbc.sql("select price_minor from workflow where id = ?::uuid").param(atMinimum).query(Long.class).single()).isEqualTo(50);
    }
}
