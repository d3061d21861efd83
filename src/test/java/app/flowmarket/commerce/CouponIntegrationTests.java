package app.flowmarket.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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

/** Sellers' promo codes, created on the seller's page and used in the cart and at checkout as a buyer would. */
@IntegrationTest
class CouponIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    AccountManagement accounts;

    @Autowired
    JdbcClient jdbc;

    WebSession buyer() {
        String email = Fixtures.uniqueEmail("coupon");
        accounts.createVerified(email, Fixtures.PASSWORD, "Cody Coupon");
        return new WebSession(port).signIn(email, Fixtures.PASSWORD);
    }

    WebSession.Page createCode(WebSession seller, Map<String, String> fields) {
        Map<String, String> form = new HashMap<>(Map.of("kind", "percent", "scope", "store", "startsOn", "", "endsOn", "",
                "maxUses", "", "minimum", ""));
        form.putAll(fields);
        return seller.post("/seller/coupons", form);
    }

    String uniqueCode(String base) {
        return base + Fixtures.uniqueWord().toUpperCase().replaceAll("[^A-Z0-9]", "");
    }

    int usesOf(String code) {
        return jdbc.sql("select uses from coupon where lower(code) = lower(?)").param(code).query(Integer.class).single();
    }

    @Test
    void aSellersCodeTakesItsPercentageOffInTheCartAndIsCountedWhenTheOrderIsPaid() {
        WebSession seller = SellerFixture.newSeller(port);
        String workflowId = SellerFixture.publishedWorkflow(seller, "Coupon target " + Fixtures.uniqueSlug("c"), "n8n", "29");
        String code = uniqueCode("SPRING");
        assertThat(createCode(seller, Map.of("code", code, "value", "25")).assertStatus(302).location()).isEqualTo("/seller/coupons");
        assertThat(seller.get("/seller/coupons").assertStatus(200).body()).contains(code).contains("25 % off").contains("running");
        // codes ignore case: the same code in lower case is refused in the same store
        assertThat(createCode(seller, Map.of("code", code.toLowerCase(), "value", "5")).assertStatus(200).body())
                .contains("Your store already has this code");

        WebSession buyer = buyer();
        Shopper.addToCart(buyer, "WORKFLOW", workflowId);
        assertThat(buyer.get("/cart?code=" + code.toLowerCase()).assertStatus(302).location()).isEqualTo("/cart");
        String cart = buyer.get("/cart").body();
        assertThat(cart).contains("The code " + code.toLowerCase() + " is in your cart").contains("25 % off everything from")
                .contains("Applied: −$7.25").contains("Total: $21.75").contains("<del>");

        String paymentPage = Shopper.placeOrder(buyer);
        assertThat(buyer.get(paymentPage).body()).contains("$21.75");
        String orderPath = Shopper.pay(buyer, paymentPage, Shopper.GOOD_CARD);
        Shopper.awaitOrderText(buyer, orderPath, "Paid. Thank you");

        assertThat(usesOf(code)).isEqualTo(1);
        String orderId = orderPath.substring("/orders/".length());
        assertThat(jdbc.sql("select count(*) from coupon_redemption where order_id = ?::uuid").param(orderId).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select net_minor from order_line where order_id = ?::uuid").param(orderId).query(Long.class).single()).isEqualTo(2175);
        // the seller earns their share of what the buyer paid
        assertThat(jdbc.sql("select seller_minor + fee_minor from order_line where order_id = ?::uuid").param(orderId).query(Long.class).single())
                .isEqualTo(2175);
        assertThat(seller.get("/seller/coupons").body()).contains("1");
        // the used code left the cart with what it bought
        assertThat(buyer.get("/cart").body()).doesNotContain("Applied:");
    }

    @Test
    void aCodeCanBeForASellerBundleOnlyAndAnotherStoresBundleIsRefused() {
        WebSession seller = SellerFixture.newSeller(port);
        String first = SellerFixture.publishedWorkflow(seller, "Bundled one " + Fixtures.uniqueSlug("b"), "n8n", "20");
        String second = SellerFixture.publishedWorkflow(seller, "Bundled two " + Fixtures.uniqueSlug("b"), "n8n", "20");
        String alone = SellerFixture.publishedWorkflow(seller, "Alone " + Fixtures.uniqueSlug("b"), "n8n", "15");
        String slug = seller.postMultipartless("/seller/bundles", "title=Pair+" + Fixtures.uniqueWord() + "&price=30&workflowIds=" + first
                + "&workflowIds=" + second).assertStatus(302).location().substring("/bundles/".length());
        String bundleId = jdbc.sql("select id::text from bundle where slug = ?").param(slug).query(String.class).single();
        assertThat(seller.get("/seller/coupons").body()).contains("Only these workflows and bundles:").contains("value=\"" + bundleId + "\"");
        String code = uniqueCode("PAIR");
        assertThat(createCode(seller, Map.of("code", code, "value", "20", "scope", "workflows", "workflowIds", bundleId)).assertStatus(302).location())
                .isEqualTo("/seller/coupons");
        assertThat(seller.get("/seller/coupons").body()).contains("1 chosen workflows or bundles");
        // another seller cannot name this bundle in their code
        WebSession stranger = SellerFixture.newSeller(port);
        SellerFixture.publishedWorkflow(stranger, "Stranger " + Fixtures.uniqueSlug("s"), "n8n", "9");
        assertThat(createCode(stranger, Map.of("code", uniqueCode("STEAL"), "value", "20", "scope", "workflows", "workflowIds", bundleId))
                .assertStatus(200).body()).doesNotContain("Your store already has this code").contains("form-error");

        WebSession buyer = buyer();
        Shopper.addToCart(buyer, "BUNDLE", bundleId);
        Shopper.addToCart(buyer, "WORKFLOW", alone);
        buyer.post("/cart/coupons", Map.of("code", code)).assertStatus(302);
        // 20 % of the bundle's 30 only: 24 + 15
        assertThat(buyer.get("/cart").body()).contains("Applied: −$6").contains("Total: $39");
    }

    @Test
    void theCartSaysWhyACodeIsRefused() {
        WebSession seller = SellerFixture.newSeller(port);
        String workflowId = SellerFixture.publishedWorkflow(seller, "Refusals " + Fixtures.uniqueSlug("r"), "n8n", "15");
        String other = SellerFixture.publishedWorkflow(seller, "Not in the cart " + Fixtures.uniqueSlug("n"), "n8n", "15");
        String expired = uniqueCode("OLD");
        String minimum = uniqueCode("BIG");
        String chosen = uniqueCode("ONLY");
        String usedUp = uniqueCode("GONE");
        createCode(seller, Map.of("code", expired, "value", "10", "startsOn", "2020-01-01", "endsOn", "2020-01-31")).assertStatus(302);
        createCode(seller, Map.of("code", minimum, "kind", "amount", "value", "5", "minimum", "50")).assertStatus(302);
        createCode(seller, Map.of("code", chosen, "value", "10", "scope", "workflows", "workflowIds", other)).assertStatus(302);
        createCode(seller, Map.of("code", usedUp, "value", "10", "maxUses", "3")).assertStatus(302);
        jdbc.sql("update coupon set uses = max_uses where code = ?").param(usedUp).update();

        WebSession buyer = buyer();
        Shopper.addToCart(buyer, "WORKFLOW", workflowId);
        assertThat(buyer.post("/cart/coupons", Map.of("code", "NOSUCHCODE")).assertStatus(302).location()).isEqualTo("/cart");
        assertThat(buyer.get("/cart").body()).contains("There is no such promo code");

        Map<String, String> reasons = Map.of(expired, "this code has expired", minimum, "spend at least $50 in this store",
                chosen, "nothing in your cart is covered by this code", usedUp, "this code has been used up");
        reasons.forEach((code, reason) -> {
            buyer.post("/cart/coupons", Map.of("code", code)).assertStatus(302);
            String cart = buyer.get("/cart").body();
            assertThat(cart).contains(code).contains(reason).contains("Total: $15<").doesNotContain("Applied:");
        });
    }

    @Test
    void parallelCheckoutsCannotBothTakeTheLastUseOfACappedCode() throws Exception {
        WebSession seller = SellerFixture.newSeller(port);
        String workflowId = SellerFixture.publishedWorkflow(seller, "Last one " + Fixtures.uniqueSlug("l"), "n8n", "40");
        String code = uniqueCode("LAST");
        createCode(seller, Map.of("code", code, "value", "50", "maxUses", "1")).assertStatus(302);
        List<WebSession> buyers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            WebSession buyer = buyer();
            Shopper.addToCart(buyer, "WORKFLOW", workflowId);
            buyer.post("/cart/coupons", Map.of("code", code)).assertStatus(302);
            assertThat(buyer.get("/cart").body()).contains("Total: $20<");
            buyer.get("/checkout").assertStatus(200);
            buyers.add(buyer);
        }

        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> placed = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(buyers.size())) {
            for (WebSession buyer : buyers) {
                placed.add(pool.submit((Callable<String>) () -> {
                    start.await();
                    // what the checkout page posts: the total the buyer confirmed
                    return buyer.post("/checkout", Map.of("total", "2000")).assertStatus(302).location();
                }));
            }
            start.countDown();
            List<String> locations = new ArrayList<>();
            for (Future<String> f : placed) {
                locations.add(f.get());
            }
            assertThat(locations.stream().filter(l -> l.startsWith("/pay/test/"))).hasSize(1);
            assertThat(locations.stream().filter(l -> l.equals("/cart"))).hasSize(buyers.size() - 1);

            int winner = locations.indexOf(locations.stream().filter(l -> l.startsWith("/pay/test/")).findFirst().orElseThrow());
            WebSession loser = buyers.get(winner == 0 ? 1 : 0);
            assertThat(loser.get("/cart").body()).contains("has just been used up");
            String orderPath = Shopper.pay(buyers.get(winner), locations.get(winner), Shopper.GOOD_CARD);
            Shopper.awaitOrderText(buyers.get(winner), orderPath, "Paid. Thank you");
            assertThat(loser.get("/cart").body()).contains("this code has been used up").contains("Total: $40<");
        }
        assertThat(usesOf(code)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from coupon_redemption r join coupon c on c.id = r.coupon_id where c.code = ?").param(code)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aSellerCannotEndAnotherSellersCode() {
        WebSession owner = SellerFixture.newSeller(port);
        SellerFixture.publishedWorkflow(owner, "Owned code " + Fixtures.uniqueSlug("o"), "n8n", "10");
        String code = uniqueCode("MINE");
        createCode(owner, Map.of("code", code, "value", "10")).assertStatus(302);
        String id = jdbc.sql("select id::text from coupon where code = ?").param(code).query(String.class).single();

        WebSession other = SellerFixture.newSeller(port);
        other.post("/seller/coupons/" + id + "/deactivate", Map.of()).assertStatus(404);

        assertThat(jdbc.sql("select active from coupon where id = ?::uuid").param(id).query(Boolean.class).single()).isTrue();
        owner.post("/seller/coupons/" + id + "/deactivate", Map.of()).assertStatus(302);
        assertThat(owner.get("/seller/coupons").body()).contains("ended by you");
    }
}
