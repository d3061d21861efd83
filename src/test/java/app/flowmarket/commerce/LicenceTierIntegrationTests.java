package app.flowmarket.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import app.flowmarket.IntegrationTest;
import app.flowmarket.account.AccountManagement;
import app.flowmarket.catalog.SellerFixture;
import app.flowmarket.licensing.Licensing;
import app.flowmarket.shared.LicenceTier;
import app.flowmarket.shared.StoreId;
import app.flowmarket.support.Fixtures;
import app.flowmarket.support.Mailbox;
import app.flowmarket.support.Shopper;
import app.flowmarket.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Team and company licences bought through the real pages: the buy box, the cart, checkout, payment, the licence and the receipt. */
@IntegrationTest
class LicenceTierIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    AccountManagement accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Ledger ledger;

    @Autowired
    Licensing licensing;

    WebSession buyer(String email) {
        accounts.createVerified(email, Fixtures.PASSWORD, "Tess Team");
        return new WebSession(port).signIn(email, Fixtures.PASSWORD);
    }

    /** 29.00 for one person, 87.00 for a team, 290.00 for a company (or only what is given). */
    String tieredWorkflow(WebSession seller, String title, Map<String, String> tiers) {
        Map<String, String> fields = new HashMap<>(Map.of("title", title, "price", "29"));
        fields.putAll(tiers);
        return SellerFixture.publishedWorkflow(seller, fields);
    }

    static final Map<String, String> BOTH = Map.of("teamOffered", "on", "teamPrice", "87", "companyOffered", "on", "companyPrice", "290");

    String slugOf(String workflowId) {
        return jdbc.sql("select slug from workflow where id = ?::uuid").param(workflowId).query(String.class).single();
    }

    int cartLines(String email) {
        return jdbc.sql("select count(*) from cart_item i join cart c on c.id = i.cart_id join account a on a.id = c.owner_id where a.email = ?")
                .param(email).query(Integer.class).single();
    }

    @Test
    void aBuyerPicksTheTeamLicencePaysItsPriceAndGetsAFiveSeatLicenceKey() {
        WebSession seller = SellerFixture.newSeller(port);
        String title = "Team flow " + Fixtures.uniqueSlug("t");
        String workflowId = tieredWorkflow(seller, title, BOTH);
        String email = Fixtures.uniqueEmail("team");
        WebSession buyer = buyer(email);

        String buyBox = buyer.get("/workflows/" + slugOf(workflowId) + "/buy-box").assertStatus(200).body();
        assertThat(buyBox).contains("name=\"tier\" value=\"SINGLE\" checked").contains("value=\"TEAM\"").contains("value=\"COMPANY\"")
                .contains("Team (5 seats)").contains("$87").contains("$290").contains("For up to 5 people");

        buyer.post("/cart/items", Map.of("kind", "WORKFLOW", "id", workflowId, "tier", "COMPANY")).assertStatus(302);
        assertThat(buyer.get("/cart").body()).contains("Company licence — unlimited seats").contains("$290");
        // the same workflow again, with another tier: the line changes, no second line
        buyer.post("/cart/items", Map.of("kind", "WORKFLOW", "id", workflowId, "tier", "SINGLE")).assertStatus(302);
        assertThat(cartLines(email)).isEqualTo(1);
        buyer.post("/cart/items/WORKFLOW/" + workflowId + "/tier", Map.of("tier", "TEAM")).assertStatus(302);
        String cart = buyer.get("/cart").body();
        assertThat(cart).contains("Team licence — 5 seats").contains("Total: $87<");
        assertThat(cartLines(email)).isEqualTo(1);

        String paymentPage = Shopper.placeOrder(buyer);
        String orderPath = Shopper.pay(buyer, paymentPage, Shopper.GOOD_CARD);
        Shopper.awaitOrderText(buyer, orderPath, "Paid. Thank you");

        UUID orderId = UUID.fromString(orderPath.substring("/orders/".length()));
        var line = jdbc.sql("select id, licence_tier, list_minor, charged_minor from order_line where order_id = ?").param(orderId)
                .query((rs, n) -> Map.of("id", rs.getString(1), "tier", rs.getString(2), "list", rs.getLong(3), "charged", rs.getLong(4))).single();
        assertThat(line).containsEntry("tier", "TEAM").containsEntry("list", 8700L).containsEntry("charged", 8700L);
        String key = jdbc.sql("select licence_key from licence where order_line_id = ?::uuid and tier = 'TEAM'").param(line.get("id"))
                .query(String.class).single();
        UUID storeId = jdbc.sql("select store_id from workflow where id = ?::uuid").param(workflowId).query(UUID.class).single();
        Licensing.LicenceCheck check = licensing.verify(StoreId.of(storeId), key).orElseThrow();
        assertThat(check.tier()).isEqualTo(LicenceTier.TEAM);
        assertThat(check.seatsTotal()).isEqualTo(5);
        assertThat(buyer.get("/library/licences/" + key).assertStatus(200).body()).contains("Team (5 seats)");
        assertThat(Mailbox.body(Mailbox.awaitMail(email, "Your Flowmarket receipt"))).contains(title).contains("Team licence (5 seats), key " + key);
        assertThat(ledger.sellerBalance(StoreId.of(storeId), "USD").minor()).as("87.00 less the 10 % fee").isEqualTo(7830);
        assertThat(cartLines(email)).isZero();
    }

    @Test
    void aTierTheWorkflowDoesNotOfferIsRefusedWithAMessage() {
        WebSession seller = SellerFixture.newSeller(port);
        String teamOnly = tieredWorkflow(seller, "Team only " + Fixtures.uniqueSlug("o"), Map.of("teamOffered", "on", "teamPrice", "60"));
        String single = SellerFixture.publishedWorkflow(seller, "Single only " + Fixtures.uniqueSlug("s"), "n8n", "15");
        String email = Fixtures.uniqueEmail("tiers");
        WebSession buyer = buyer(email);

        assertThat(buyer.get("/workflows/" + slugOf(single) + "/buy-box").body()).as("no choice, no picker").doesNotContain("name=\"tier\"");
        assertThat(buyer.get("/workflows/" + slugOf(teamOnly) + "/buy-box").body()).contains("value=\"TEAM\"").doesNotContain("value=\"COMPANY\"");

        buyer.post("/cart/items", Map.of("kind", "WORKFLOW", "id", teamOnly, "tier", "COMPANY")).assertStatus(302);
        assertThat(buyer.get("/cart").body()).contains("This licence is not offered for this workflow.");
        buyer.post("/cart/items", Map.of("kind", "WORKFLOW", "id", single, "tier", "PLATINUM")).assertStatus(302);
        assertThat(buyer.get("/cart").body()).contains("This licence is not offered for this workflow.");
        assertThat(cartLines(email)).isZero();

        Shopper.addToCart(buyer, "WORKFLOW", single);
        buyer.post("/cart/items/WORKFLOW/" + single + "/tier", Map.of("tier", "TEAM")).assertStatus(302);
        assertThat(buyer.get("/cart").body()).contains("This licence is not offered for this workflow.").contains("$15");
    }

    @Test
    void aBuyerUpgradesTheirSingleLicenceToTeamByPayingTheDifferenceAndKeepsTheKey() {
        WebSession seller = SellerFixture.newSeller(port);
        String workflowId = tieredWorkflow(seller, "Upgraded flow " + Fixtures.uniqueSlug("u"), BOTH);
        String email = Fixtures.uniqueEmail("upgrade");
        WebSession buyer = buyer(email);
        String firstOrder = Shopper.pay(buyer, Shopper.buy(buyer, workflowId), Shopper.GOOD_CARD);
        Shopper.awaitOrderText(buyer, firstOrder, "Paid. Thank you");
        String key = jdbc.sql("select l.licence_key from licence l join order_line ol on ol.id = l.order_line_id where ol.ref_id = ?::uuid")
                .param(workflowId).query(String.class).single();

        String offer = buyer.get("/library/licences/" + key).assertStatus(200).body();
        assertThat(offer).contains("Upgrade to Team (5 seats)").contains("$58").contains("Upgrade to Company (unlimited seats)").contains("$261");
        assertThat(buyer(Fixtures.uniqueEmail("stranger")).post("/cart/upgrades", Map.of("key", key, "tier", "TEAM")).assertStatus(302).location())
                .as("someone else's key").isEqualTo("/cart");
        assertThat(jdbc.sql("select count(*) from cart_item where upgrade_of is not null and ref_id = ?::uuid").param(workflowId)
                .query(Integer.class).single()).isZero();

        buyer.post("/cart/upgrades", Map.of("key", key.toLowerCase(), "tier", "TEAM")).assertStatus(302);
        assertThat(buyer.get("/cart").body()).contains("Upgrade of licence " + key + " to Team — 5 seats").contains("Total: $58<");
        String upgradeOrder = Shopper.pay(buyer, Shopper.placeOrder(buyer), Shopper.GOOD_CARD);
        Shopper.awaitOrderText(buyer, upgradeOrder, "Paid. Thank you");

        assertThat(jdbc.sql("select licence_key || ' ' || tier from licence l join account a on a.id = l.buyer_id where a.email = ?").param(email)
                .query(String.class).list()).as("the same licence, raised").containsExactly(key + " TEAM");
        UUID upgradeOrderId = UUID.fromString(upgradeOrder.substring("/orders/".length()));
        assertThat(jdbc.sql("select licence_tier || ' ' || charged_minor || ' ' || (upgrade_of is not null) from order_line where order_id = ?")
                .param(upgradeOrderId).query(String.class).single()).isEqualTo("TEAM 5800 true");
        assertThat(Mailbox.body(Mailbox.awaitMail(email, "order " + jdbc.sql("select number from purchase_order where id = ?").param(upgradeOrderId)
                .query(Long.class).single()))).contains("Team licence (5 seats), key " + key);
        String after = buyer.get("/library/licences/" + key).body();
        assertThat(after).doesNotContain("Upgrade to Team").contains("Upgrade to Company (unlimited seats)").contains("$203");
        buyer.post("/cart/upgrades", Map.of("key", key, "tier", "TEAM")).assertStatus(302);
        assertThat(buyer.get("/cart").body()).contains("This licence cannot be upgraded to that tier.");
    }
}
