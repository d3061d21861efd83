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

@IntegrationTest
class BundleIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    AccountManagement accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aBundleShowsItsSavingAndBuyingItGrantsEveryWorkflowInIt() {
        WebSession seller = SellerFixture.newSeller(port);
        String marker = Fixtures.uniqueSlug("b");
        String first = SellerFixture.publishedWorkflow(seller, "First " + marker, "n8n", "20");
        String second = SellerFixture.publishedWorkflow(seller, "Second " + marker, "n8n", "30");
        String foreign = SellerFixture.publishedWorkflow(SellerFixture.newSeller(port), "Foreign " + marker, "n8n", "5");

        seller.get("/seller/bundles");
        assertThat(seller.post("/seller/bundles", Map.of("title", "Only one", "price", "10", "workflowIds", first)).body())
                .contains("Choose at least two workflows");
        assertThat(seller.postMultipartless("/seller/bundles", "title=Too+dear&price=60&workflowIds=" + first + "&workflowIds=" + second).body())
                .contains("must be lower than buying the workflows separately");
        assertThat(seller.postMultipartless("/seller/bundles", "title=Tampered&price=1&workflowIds=not-a-uuid").status()).isEqualTo(400);
        WebSession.Page created = seller.postMultipartless("/seller/bundles", "title=Duo+" + marker + "&price=40&workflowIds=" + first + "&workflowIds=" + second);
        assertThat(created.assertStatus(302).location()).startsWith("/bundles/");
        WebSession.Page stolen = seller.postMultipartless("/seller/bundles", "title=Stolen&price=1&workflowIds=" + first + "&workflowIds=" + foreign);
        assertThat(stolen.body()).contains("only hold your own published workflows");

        String bundlePage = new WebSession(port).get(created.location()).assertStatus(200).body();
        assertThat(bundlePage).contains("First " + marker).contains("Second " + marker).contains("$50").contains("You save $10");

        String email = Fixtures.uniqueEmail("bundler");
        accounts.createVerified(email, Fixtures.PASSWORD, "Bundle Buyer");
        WebSession buyer = new WebSession(port).signIn(email, Fixtures.PASSWORD);
        String bundleId = jdbc.sql("select id::text from bundle where slug = ?").param(created.location().substring("/bundles/".length()))
                .query(String.class).single();
        Shopper.addToCart(buyer, "BUNDLE", bundleId);
        String orderPath = Shopper.pay(buyer, Shopper.placeOrder(buyer), Shopper.GOOD_CARD);
        Shopper.awaitOrderText(buyer, orderPath, "Paid. Thank you");

        assertThat(buyer.get("/library").body()).contains("First " + marker).contains("Second " + marker);
        assertThat(jdbc.sql("select sum(amount_minor) from ledger_entry where order_id = ?::uuid")
                .param(orderPath.substring(8)).query(Long.class).single()).isZero();
    }

    @Test
    void aBundleInTheCartReplacesTheWorkflowsItContainsSoEachIsPaidAndGrantedOnce() {
        WebSession seller = SellerFixture.newSeller(port);
        String marker = Fixtures.uniqueSlug("o");
        String first = SellerFixture.publishedWorkflow(seller, "Alpha " + marker, "n8n", "29");
        String second = SellerFixture.publishedWorkflow(seller, "Beta " + marker, "n8n", "25");
        WebSession.Page created = seller.postMultipartless("/seller/bundles",
                "title=Both+" + marker + "&price=53&workflowIds=" + first + "&workflowIds=" + second);
        String bundleId = jdbc.sql("select id::text from bundle where slug = ?").param(created.assertStatus(302).location().substring("/bundles/".length()))
                .query(String.class).single();
        String email = Fixtures.uniqueEmail("overlap");
        accounts.createVerified(email, Fixtures.PASSWORD, "Olga Overlap");
        WebSession buyer = new WebSession(port).signIn(email, Fixtures.PASSWORD);

        Shopper.addToCart(buyer, "WORKFLOW", first);
        Shopper.addToCart(buyer, "WORKFLOW", second);
        Shopper.addToCart(buyer, "BUNDLE", bundleId);

        String cart = buyer.get("/cart").body();
        assertThat(cart).contains("Alpha " + marker + " is included in the bundle Both " + marker)
                .contains("Beta " + marker + " is included in the bundle Both " + marker).contains("Total: $53");
        String orderPath = Shopper.pay(buyer, Shopper.placeOrder(buyer), Shopper.GOOD_CARD);
        Shopper.awaitOrderText(buyer, orderPath, "Paid. Thank you");

        String orderId = orderPath.substring("/orders/".length());
        assertThat(jdbc.sql("select total_minor from purchase_order where id = ?::uuid").param(orderId).query(Long.class).single()).isEqualTo(5300);
        assertThat(jdbc.sql("select count(*) from order_line where order_id = ?::uuid").param(orderId).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select workflow_id::text from entitlement where buyer_id = (select id from account where email = ?)")
                .param(email).query(String.class).list()).containsExactlyInAnyOrder(first, second);
        assertThat(buyer.get("/library").body()).contains("Alpha " + marker).contains("Beta " + marker);
        assertThat(buyer.get("/cart").body()).contains("Your cart is empty");
    }
}
