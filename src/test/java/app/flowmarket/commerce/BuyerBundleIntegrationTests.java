package app.flowmarket.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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

/** Buyer-built bundles as people use them: sellers take part on their bundles page, a buyer fills a cart and pays less. */
@IntegrationTest
class BuyerBundleIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    AccountManagement accounts;

    @Autowired
    JdbcClient jdbc;

    WebSession buyer() {
        String email = Fixtures.uniqueEmail("bundler");
        accounts.createVerified(email, Fixtures.PASSWORD, "Bea Bundler");
        return new WebSession(port).signIn(email, Fixtures.PASSWORD);
    }

    String slugOf(String workflowId) {
        return jdbc.sql("select slug from workflow where id = ?::uuid").param(workflowId).query(String.class).single();
    }

    @Test
    void workflowsOfStoresThatTakePartMakeTheBuyersOwnBundleAndTheOrderCarriesItsSaving() {
        WebSession first = SellerFixture.newSeller(port);
        WebSession second = SellerFixture.newSeller(port);
        WebSession outsider = SellerFixture.newSeller(port);
        String a = SellerFixture.publishedWorkflow(first, "Bundle part A " + Fixtures.uniqueSlug("a"), "n8n", "20");
        String b = SellerFixture.publishedWorkflow(first, "Bundle part B " + Fixtures.uniqueSlug("b"), "n8n", "30");
        String c = SellerFixture.publishedWorkflow(second, "Bundle part C " + Fixtures.uniqueSlug("c"), "n8n", "50");
        String d = SellerFixture.publishedWorkflow(outsider, "Not in bundles " + Fixtures.uniqueSlug("d"), "n8n", "40");
        assertThat(first.get("/seller/bundles").assertStatus(200).body()).contains("Buyers' own bundles").contains("Your store does not take part")
                .contains("3 workflows or more: 10 % off each").contains("5 workflows or more: 20 % off each");
        for (WebSession seller : List.of(first, second)) {
            assertThat(seller.post("/seller/bundles/buyer-bundles", Map.of("takePart", "true")).assertStatus(302).location()).isEqualTo("/seller/bundles");
        }
        assertThat(first.get("/seller/bundles").body()).contains("Your store takes part");

        WebSession buyer = buyer();
        // the buy box of a taking part store's workflow says what bundling saves; another store's does not
        assertThat(buyer.get("/workflows/" + slugOf(a) + "/buy-box").assertStatus(200).body())
                .contains("Bundle and save: 3 or more workflows from participating stores get 10 % off each, 5 or more 20 %");
        assertThat(buyer.get("/workflows/" + slugOf(d) + "/buy-box").assertStatus(200).body()).doesNotContain("Bundle and save");
        Shopper.addToCart(buyer, "WORKFLOW", a);
        Shopper.addToCart(buyer, "WORKFLOW", d);
        assertThat(buyer.get("/cart").body()).contains("Add 2 more workflow(s) from participating stores to get 10 % off each")
                .contains("Total: $60");
        Shopper.addToCart(buyer, "WORKFLOW", b);
        Shopper.addToCart(buyer, "WORKFLOW", c);
        // 20 + 30 + 50 at 10 % off (the outsider's 40 as it is): 90 + 40
        String cart = buyer.get("/cart").body();
        assertThat(cart).contains("Your own bundle: 3 workflows at 10 % off each. You save $10")
                .contains("Add 2 more workflow(s) from participating stores to get 20 % off each").contains("Total: $130");

        String paymentPage = Shopper.placeOrder(buyer);
        String orderPath = Shopper.pay(buyer, paymentPage, Shopper.GOOD_CARD);
        Shopper.awaitOrderText(buyer, orderPath, "Paid. Thank you");
        String orderId = orderPath.substring("/orders/".length());
        record Line(long net, long bundleDiscount, long seller, long fee) {
        }
        List<Line> lines = jdbc.sql("select net_minor as net, bundle_discount_minor as bundle_discount, seller_minor as seller, fee_minor as fee from order_line where order_id = ?::uuid order by list_minor")
                .param(orderId).query(Line.class).list();
        // each seller gave 10 % on their own lines, and earns their share of what is left
        assertThat(lines).extracting(Line::bundleDiscount).containsExactly(200L, 300L, 0L, 500L);
        assertThat(lines).extracting(Line::net).containsExactly(1800L, 2700L, 4000L, 4500L);
        assertThat(lines).allMatch(l -> l.seller() + l.fee() == l.net());

        // a store that stops taking part leaves buyers' bundles at once
        second.post("/seller/bundles/buyer-bundles", Map.of("takePart", "false")).assertStatus(302);
        assertThat(second.get("/seller/bundles").body()).contains("Your store does not take part");
    }

    @Test
    void takingPartNeedsAStoreOfOnesOwnAndAFormToken() {
        WebSession buyer = buyer();
        WebSession.Page refused = buyer.post("/seller/bundles/buyer-bundles", Map.of("takePart", "true"));
        assertThat(refused.status()).isBetween(400, 499);
        assertThat(refused.body()).contains("Open a store first");
        WebSession seller = SellerFixture.newSeller(port);
        assertThat(seller.postWithoutCsrf("/seller/bundles/buyer-bundles", Map.of("takePart", "true")).status()).isEqualTo(403);
        assertThat(seller.get("/seller/bundles").body()).contains("Your store does not take part");
    }

    @Test
    void aStoreOffersTiersOfItsOwnAndItsLinesGetTheBetterOfItsAndThePlatforms() {
        WebSession first = SellerFixture.newSeller(port);
        WebSession second = SellerFixture.newSeller(port);
        String a = SellerFixture.publishedWorkflow(first, "Own tiers A " + Fixtures.uniqueSlug("a"), "n8n", "20");
        String c = SellerFixture.publishedWorkflow(second, "Own tiers C " + Fixtures.uniqueSlug("c"), "n8n", "50");
        WebSession.Page notYet = first.post("/seller/bundles/buyer-bundles/tiers", Map.of("tiers", "2:15"));
        assertThat(notYet.status()).isEqualTo(422);
        assertThat(notYet.body()).contains("Take part in buyers' bundles first");
        for (WebSession seller : List.of(first, second)) {
            seller.post("/seller/bundles/buyer-bundles", Map.of("takePart", "true")).assertStatus(302);
        }

        WebSession.Page refused = first.post("/seller/bundles/buyer-bundles/tiers", Map.of("tiers", "2:15, 3:5"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("Write up to four tiers").contains("value=\"2:15, 3:5\"");
        assertThat(first.postWithoutCsrf("/seller/bundles/buyer-bundles/tiers", Map.of("tiers", "2:15")).status()).isEqualTo(403);
        assertThat(first.post("/seller/bundles/buyer-bundles/tiers", Map.of("tiers", "2:15")).assertStatus(302).location()).isEqualTo("/seller/bundles");
        assertThat(first.get("/seller/bundles").body()).contains("value=\"2:15\"");

        WebSession buyer = buyer();
        assertThat(buyer.get("/workflows/" + slugOf(a) + "/buy-box").body())
                .contains("Bundle and save: 2 or more workflows from participating stores get 15 % off each, 5 or more 20 %");
        assertThat(buyer.get("/workflows/" + slugOf(c) + "/buy-box").body())
                .contains("Bundle and save: 3 or more workflows from participating stores get 10 % off each, 5 or more 20 %");
        Shopper.addToCart(buyer, "WORKFLOW", a);
        Shopper.addToCart(buyer, "WORKFLOW", c);
        // two workflows: the first store's own tier gives its line 15 %; the platform's first tier needs three
        String cart = buyer.get("/cart").body();
        assertThat(cart).contains("Your bundle, 15 % off: −$3").contains("Total: $67");

        // no tiers of its own any more: the platform's only
        first.post("/seller/bundles/buyer-bundles/tiers", Map.of("tiers", "")).assertStatus(302);
        assertThat(buyer.get("/cart").body()).doesNotContain("Your bundle, 15 % off").contains("Total: $70");
    }
}
