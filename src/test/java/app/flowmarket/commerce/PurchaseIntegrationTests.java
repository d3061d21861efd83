package app.flowmarket.commerce;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.flowmarket.IntegrationTest;
import app.flowmarket.account.AccountManagement;
import app.flowmarket.catalog.SellerFixture;
import app.flowmarket.shared.AccountId;
import app.flowmarket.shared.DomainException;
import app.flowmarket.shared.LicenceTier;
import app.flowmarket.shared.StoreId;
import app.flowmarket.support.Fixtures;
import app.flowmarket.support.Mailbox;
import app.flowmarket.support.Shopper;
import app.flowmarket.support.WebSession;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@IntegrationTest
class PurchaseIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    AccountManagement accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Ledger ledger;

    @Autowired
    Carts carts;

    WebSession buyer(String email) {
        accounts.createVerified(email, Fixtures.PASSWORD, "Bob Buyer");
        return new WebSession(port).signIn(email, Fixtures.PASSWORD);
    }

    String slugOf(String workflowId) {
        return jdbc.sql("select slug from workflow where id = ?::uuid").param(workflowId).query(String.class).single();
    }

    UUID storeOf(String workflowId) {
        return jdbc.sql("select store_id from workflow where id = ?::uuid").param(workflowId).query(UUID.class).single();
    }

    String orderIdOf(String orderPath) {
        return orderPath.substring("/orders/".length());
    }

    @Test
    void aBuyerPaysGetsAReceiptAndDownloadsTheFileFromTheirLibrary() throws Exception {
        WebSession seller = SellerFixture.newSeller(port);
        String title = "Paid flow " + Fixtures.uniqueSlug("p");
        String workflowId = SellerFixture.publishedWorkflow(seller, title, "n8n", "20");
        String email = Fixtures.uniqueEmail("buyer");
        WebSession buyer = buyer(email);

        assertThat(buyer.get("/workflows/" + slugOf(workflowId) + "/buy-box").body()).contains("Add to cart");
        Shopper.addToCart(buyer, "WORKFLOW", workflowId);
        assertThat(buyer.get("/cart").body()).contains(title).contains("$20");
        String paymentPage = Shopper.placeOrder(buyer);
        assertThat(paymentPage).startsWith("/pay/test/cs_test_");
        String orderPath = Shopper.pay(buyer, paymentPage, Shopper.GOOD_CARD);
        assertThat(orderPath).startsWith("/orders/");

        Shopper.awaitOrderText(buyer, orderPath, "Paid. Thank you");
        MimeMessage receipt = Mailbox.awaitMail(email, "Your Flowmarket receipt");
        assertThat(Mailbox.body(receipt)).contains(title).contains("Total paid: $20");
        assertThat(receipt.getContentType()).startsWith("multipart");

        String library = buyer.get("/library").assertStatus(200).body();
        assertThat(library).contains(title);
        Matcher link = Pattern.compile("href=\"(/library/download/[0-9a-f-]{36})\"").matcher(library);
        assertThat(link.find()).isTrue();
        WebSession.Page file = buyer.get(link.group(1));
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(new String(Fixtures.n8nWorkflow(title)));
        assertThat(jdbc.sql("select count(*) from download where workflow_id = ?::uuid").param(workflowId).query(Long.class).single()).isEqualTo(1);

        assertThat(buyer(Fixtures.uniqueEmail("other")).get(link.group(1)).status()).as("someone else").isEqualTo(403);
        assertThat(new WebSession(port).get(link.group(1)).status()).as("a visitor").isEqualTo(302);

        assertThat(buyer.get("/workflows/" + slugOf(workflowId) + "/buy-box").body()).contains("You own this workflow");
        assertThat(ledger.sellerBalance(StoreId.of(storeOf(workflowId)), "USD").minor()).isEqualTo(1800);
        assertThat(seller.get("/seller/sales").body()).contains(title).contains("$18");
        assertThat(jdbc.sql("select sales_count from workflow where id = ?::uuid").param(workflowId).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aDeclinedCardShowsItsMessageAndGrantsNothing() {
        WebSession seller = SellerFixture.newSeller(port);
        String workflowId = SellerFixture.publishedWorkflow(seller, "Declined flow " + Fixtures.uniqueSlug("d"), "n8n", "15");
        WebSession buyer = buyer(Fixtures.uniqueEmail("declined"));
        Shopper.addToCart(buyer, "WORKFLOW", workflowId);
        String paymentPage = Shopper.placeOrder(buyer);

        WebSession.Page declined = buyer.post(paymentPage, Map.of("cardNumber", Shopper.DECLINED_CARD));
        assertThat(declined.assertStatus(200).body()).contains("Your card was declined.");
        WebSession.Page broke = buyer.post(paymentPage, Map.of("cardNumber", Shopper.NO_FUNDS_CARD));
        assertThat(broke.assertStatus(200).body()).contains("Your card has insufficient funds.");

        String orderId = jdbc.sql("select id::text from purchase_order where payment_ref = ?").param(paymentPage.substring("/pay/test/".length()))
                .query(String.class).single();
        Shopper.awaitOrderText(buyer, "/orders/" + orderId, "The payment did not go through");
        assertThat(buyer.get("/library").body()).contains("Workflows you buy or get for free appear here");

        // the buyer can still pay on the same page with a good card
        assertThat(Shopper.pay(buyer, paymentPage, Shopper.GOOD_CARD)).isEqualTo("/orders/" + orderId);
        Shopper.awaitOrderText(buyer, "/orders/" + orderId, "Paid. Thank you");
    }

    @Test
    void parallelCheckoutsOfOneCartMakeOneOrderAndOneCharge() throws Exception {
        WebSession seller = SellerFixture.newSeller(port);
        String workflowId = SellerFixture.publishedWorkflow(seller, "Raced flow " + Fixtures.uniqueSlug("r"), "n8n", "30");
        String email = Fixtures.uniqueEmail("racer");
        WebSession buyer = buyer(email);
        Shopper.addToCart(buyer, "WORKFLOW", workflowId);
        buyer.get("/checkout").assertStatus(200);

        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Callable<String> click = () -> buyer.post("/checkout", Map.of()).location();
            results.add(pool.submit(click));
        }
        List<String> locations = new ArrayList<>();
        for (Future<String> result : results) {
            locations.add(result.get());
        }
        pool.shutdown();

        assertThat(locations).allSatisfy(l -> assertThat(l).startsWith("/pay/test/")).containsOnly(locations.get(0));
        assertThat(jdbc.sql("select count(*) from purchase_order where buyer_id = (select id from account where email = ?)").param(email)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from test_checkout where id = ?").param(locations.get(0).substring(10)).query(Long.class).single()).isEqualTo(1);

        // a double submit on the payment page charges once
        String paymentPage = locations.get(0);
        buyer.get(paymentPage);
        ExecutorService payers = Executors.newFixedThreadPool(4);
        List<Future<Integer>> paid = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            paid.add(payers.submit(() -> buyer.post(paymentPage, Map.of("cardNumber", Shopper.GOOD_CARD)).status()));
        }
        for (Future<Integer> status : paid) {
            assertThat(status.get()).isEqualTo(302);
        }
        payers.shutdown();
        String orderId = Shopper.orderOf(jdbc, paymentPage).substring("/orders/".length());
        Shopper.awaitOrderText(buyer, "/orders/" + orderId, "Paid. Thank you");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> true);
        assertThat(jdbc.sql("select count(*) from ledger_entry where order_id = ?::uuid").param(orderId).query(Long.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from entitlement where order_line_id in (select id from order_line where order_id = ?::uuid)")
                .param(orderId).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aRefundRevokesTheDownloadBalancesTheLedgerAndTellsTheBuyer() {
        WebSession seller = SellerFixture.newSeller(port);
        String title = "Refunded flow " + Fixtures.uniqueSlug("rf");
        String workflowId = SellerFixture.publishedWorkflow(seller, title, "n8n", "10");
        String email = Fixtures.uniqueEmail("refundee");
        WebSession buyer = buyer(email);
        Shopper.addToCart(buyer, "WORKFLOW", workflowId);
        String orderPath = Shopper.pay(buyer, Shopper.placeOrder(buyer), Shopper.GOOD_CARD);
        Shopper.awaitOrderText(buyer, orderPath, "Paid. Thank you");
        String versionId = jdbc.sql("select id::text from workflow_version where workflow_id = ?::uuid").param(workflowId).query(String.class).single();
        buyer.get("/library/download/" + versionId).assertStatus(200);
        String lineId = jdbc.sql("select id::text from order_line where order_id = ?::uuid").param(orderIdOf(orderPath)).query(String.class).single();

        assertThat(SellerFixture.newSeller(port).post("/seller/sales/" + lineId + "/refund", Map.of()).status())
                .as("another seller cannot even see it").isEqualTo(404);
        assertThat(jdbc.sql("select status from order_line where id = ?::uuid").param(lineId).query(String.class).single()).isEqualTo("ACTIVE");

        seller.post("/seller/sales/" + lineId + "/refund", Map.of()).assertStatus(302);

        assertThat(buyer.get("/library/download/" + versionId).status()).isEqualTo(403);
        assertThat(Mailbox.awaitMail(email, "Refund for order")).isNotNull();
        assertThat(ledger.sellerBalance(StoreId.of(storeOf(workflowId)), "USD").minor()).isZero();
        assertThat(jdbc.sql("select sum(amount_minor) from ledger_entry where order_line_id = ?::uuid").param(lineId).query(Long.class).single()).isZero();
        assertThat(buyer.get(orderPath).body()).contains("This order was refunded");
        assertThat(jdbc.sql("select refunded_minor from test_checkout where order_id = ?::uuid").param(orderIdOf(orderPath)).query(Long.class).single())
                .isEqualTo(1000);
        seller.post("/seller/sales/" + lineId + "/refund", Map.of()).assertStatus(302);
        assertThat(jdbc.sql("select refunded_minor from test_checkout where order_id = ?::uuid").param(orderIdOf(orderPath)).query(Long.class).single())
                .as("refunding twice moves no money twice").isEqualTo(1000);
    }

    @Test
    void aRefundTheProcessorRefusesChangesNothingAndSaysSo() {
        WebSession seller = SellerFixture.newSeller(port);
        String workflowId = SellerFixture.publishedWorkflow(seller, "Refused refund " + Fixtures.uniqueSlug("rr"), "n8n", "12");
        WebSession buyer = buyer(Fixtures.uniqueEmail("refused"));
        Shopper.addToCart(buyer, "WORKFLOW", workflowId);
        String orderPath = Shopper.pay(buyer, Shopper.placeOrder(buyer), Shopper.GOOD_CARD);
        Shopper.awaitOrderText(buyer, orderPath, "Paid. Thank you");
        String lineId = jdbc.sql("select id::text from order_line where order_id = ?::uuid").param(orderIdOf(orderPath)).query(String.class).single();
        // the payment was refunded from the processor's own dashboard: it takes no second refund
        jdbc.sql("update test_checkout set refunded_minor = amount_minor where order_id = ?::uuid").param(orderIdOf(orderPath)).update();

        assertThat(seller.post("/seller/sales/" + lineId + "/refund", Map.of()).assertStatus(302).location()).endsWith("/seller/sales");

        assertThat(seller.get("/seller/sales").assertStatus(200).body()).contains("The payment processor did not take the refund");
        assertThat(jdbc.sql("select status from order_line where id = ?::uuid").param(lineId).query(String.class).single()).isEqualTo("ACTIVE");
        assertThat(jdbc.sql("select sum(amount_minor) from ledger_entry where order_line_id = ?::uuid and account_type = 'SELLER'").param(lineId)
                .query(Long.class).single()).isPositive();
        assertThat(buyer.get(orderPath).body()).doesNotContain("This order was refunded");
    }

    @Test
    void anAdminCanRefundAnySaleAndABuyerCannot() {
        WebSession seller = SellerFixture.newSeller(port);
        String workflowId = SellerFixture.publishedWorkflow(seller, "Admin refunded " + Fixtures.uniqueSlug("ar"), "n8n", "8");
        WebSession buyer = buyer(Fixtures.uniqueEmail("adminrefund"));
        Shopper.addToCart(buyer, "WORKFLOW", workflowId);
        String orderPath = Shopper.pay(buyer, Shopper.placeOrder(buyer), Shopper.GOOD_CARD);
        Shopper.awaitOrderText(buyer, orderPath, "Paid. Thank you");
        String lineId = jdbc.sql("select id::text from order_line where order_id = ?::uuid").param(orderIdOf(orderPath)).query(String.class).single();

        assertThat(buyer.post("/admin/order-lines/" + lineId + "/refund", Map.of()).status()).isEqualTo(403);
        String adminEmail = Fixtures.uniqueEmail("admin");
        accounts.createVerified(adminEmail, Fixtures.PASSWORD, "Admin", "ADMIN");
        WebSession admin = new WebSession(port).signIn(adminEmail, Fixtures.PASSWORD);
        admin.post("/admin/order-lines/" + lineId + "/refund", Map.of()).assertStatus(302);

        assertThat(jdbc.sql("select status from order_line where id = ?::uuid").param(lineId).query(String.class).single()).isEqualTo("REFUNDED");
        assertThat(jdbc.sql("select actor_label from audit_entry where action = 'order.refunded' and target_id = ?").param(lineId)
                .query(String.class).single()).isEqualTo(adminEmail);
    }

    @Test
    void aFreeWorkflowGoesStraightIntoTheLibraryWithoutCartPaymentOrLedgerEntry() {
        WebSession seller = SellerFixture.newSeller(port);
        String title = "Free flow " + Fixtures.uniqueSlug("f");
        String workflowId = SellerFixture.publishedWorkflow(seller, title, "n8n", "0");
        String email = Fixtures.uniqueEmail("freebie");
        WebSession buyer = buyer(email);
        UUID buyerId = jdbc.sql("select id from account where email = ?").param(email).query(UUID.class).single();

        assertThat(buyer.get("/workflows/" + slugOf(workflowId) + "/buy-box").body())
                .contains("action=\"/library/free/" + slugOf(workflowId) + "\"").contains("Get it free").doesNotContain("Add to cart");
        WebSession.Page got = buyer.post("/library/free/" + slugOf(workflowId), Map.of());

        assertThat(got.assertStatus(302).location()).isEqualTo("/library");
        assertThat(buyer.get("/library").body()).contains("<div class=\"flash\" role=\"status\">" + title + " is now in your library.</div>")
                .contains("href=\"/workflows/" + slugOf(workflowId) + "\"");
        assertThat(buyer.get("/cart").body()).contains("Your cart is empty.");
        assertThat(buyer.get("/orders").body()).contains("You have not ordered anything yet.");
        // the record of who got what and when: one order of nothing, with no ledger entry and no receipt
        UUID orderId = jdbc.sql("select id from purchase_order where buyer_id = ? and status = 'PAID' and total_minor = 0").param(buyerId)
                .query(UUID.class).single();
        assertThat(jdbc.sql("select count(*) from ledger_entry where order_id = ?").param(orderId).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'order.free' and target_id = ?").param(orderId.toString())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select sales_count from workflow where id = ?::uuid").param(workflowId).query(Integer.class).single()).isEqualTo(1);

        // a second click (or a double click) changes nothing
        assertThat(buyer.post("/library/free/" + slugOf(workflowId), Map.of()).assertStatus(302).location()).isEqualTo("/library");
        assertThat(jdbc.sql("select count(*) from purchase_order where buyer_id = ?").param(buyerId).query(Long.class).single()).isEqualTo(1);
        assertThat(buyer.get("/workflows/" + slugOf(workflowId) + "/buy-box").body()).contains("You own this workflow");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() ->
                jdbc.sql("select count(*) from mail_outbox where recipient = ? and subject like '%receipt%'").param(email).query(Long.class).single() == 0);
        // the seller sees who got it, with nothing to refund
        String sales = seller.get("/seller/sales").body();
        assertThat(sales).contains(title).contains(">Free<").doesNotContain("/refund\"");
    }

    @Test
    void aFreeWorkflowNeverGoesThroughACart() {
        WebSession seller = SellerFixture.newSeller(port);
        String title = "Never carted " + Fixtures.uniqueSlug("n");
        String workflowId = SellerFixture.publishedWorkflow(seller, title, "n8n", "0");
        String slug = slugOf(workflowId);

        // the workflow page's own form, without JavaScript, gets it too
        WebSession buyer = buyer(Fixtures.uniqueEmail("nojs"));
        assertThat(buyer.post("/cart/items", Map.of("kind", "WORKFLOW", "id", workflowId)).assertStatus(302).location()).isEqualTo("/library");
        assertThat(buyer.get("/library").body()).contains(title + " is now in your library.");

        // a visitor signs in first, then gets it with one button
        WebSession visitor = new WebSession(port);
        assertThat(visitor.get("/workflows/" + slug + "/buy-box").body()).contains("href=\"/login?next=/library/free/" + slug + "\"")
                .contains("Sign in and it goes straight into your library");
        assertThat(visitor.post("/cart/items", Map.of("kind", "WORKFLOW", "id", workflowId)).assertStatus(302).location())
                .isEqualTo("/library/free/" + slug);
        assertThat(visitor.get("/library/free/" + slug).status()).isEqualTo(302);
        assertThat(visitor.get("/cart").body()).contains("Your cart is empty.");
        WebSession signedIn = buyer(Fixtures.uniqueEmail("later"));
        assertThat(signedIn.get("/library/free/" + slug).assertStatus(200).body()).contains("Get " + title + " for free")
                .contains("action=\"/library/free/" + slug + "\"");
    }

    @Test
    void nobodyBuysTheirOwnWorkflowOrOneTheyAlreadyOwnAndIsToldSoAsAnError() {
        WebSession seller = SellerFixture.newSeller(port);
        String workflowId = SellerFixture.publishedWorkflow(seller, "Mine " + Fixtures.uniqueSlug("m"), "n8n", "5");

        assertThat(seller.getFollowing("/cart").body()).doesNotContain("Mine ");
        seller.post("/cart/items", Map.of("kind", "WORKFLOW", "id", workflowId));
        assertThat(seller.get("/cart").body()).contains("<div class=\"error-box\" role=\"alert\">You cannot buy your own workflow.</div>")
                .doesNotContain("class=\"flash\"");

        WebSession buyer = buyer(Fixtures.uniqueEmail("twice"));
        String orderPath = Shopper.pay(buyer, Shopper.buy(buyer, workflowId), Shopper.GOOD_CARD);
        Shopper.awaitOrderText(buyer, orderPath, "Paid. Thank you");
        buyer.post("/cart/items", Map.of("kind", "WORKFLOW", "id", workflowId));
        assertThat(buyer.get("/cart").body()).contains("<div class=\"error-box\" role=\"alert\">You already own this.</div>");
    }

    @Test
    void aVisitorsCartIsKeptWhenTheySignIn() {
        WebSession seller = SellerFixture.newSeller(port);
        String title = "Carried " + Fixtures.uniqueSlug("c");
        String workflowId = SellerFixture.publishedWorkflow(seller, title, "n8n", "7");
        String email = Fixtures.uniqueEmail("visitor");
        accounts.createVerified(email, Fixtures.PASSWORD, "Vic");
        WebSession visitor = new WebSession(port);

        Shopper.addToCart(visitor, "WORKFLOW", workflowId);
        assertThat(visitor.get("/cart").body()).contains(title);
        visitor.signIn(email, Fixtures.PASSWORD);

        assertThat(visitor.get("/cart").body()).contains(title);
        assertThat(visitor.get("/checkout").status()).isEqualTo(200);
    }

    @Test
    void severalWorkflowsGoIntoACartTogetherInTheOrderGivenOrNoneWhenTheBuyerOwnsOne() {
        WebSession seller = SellerFixture.newSeller(port);
        String owned = SellerFixture.publishedWorkflow(seller, "Owned " + Fixtures.uniqueSlug("o"), "n8n", "5");
        String first = SellerFixture.publishedWorkflow(seller, "First " + Fixtures.uniqueSlug("f"), "n8n", "6");
        String second = SellerFixture.publishedWorkflow(seller, "Second " + Fixtures.uniqueSlug("s"), "n8n", "7");
        String email = Fixtures.uniqueEmail("several");
        WebSession buyer = buyer(email);
        Shopper.awaitOrderText(buyer, Shopper.pay(buyer, Shopper.buy(buyer, owned), Shopper.GOOD_CARD), "Paid. Thank you");
        AccountId buyerId = AccountId.of(jdbc.sql("select id from account where email = ?").param(email).query(UUID.class).single());
        Carts.CartOwner cart = new Carts.CartOwner(buyerId, null);

        java.util.SequencedMap<UUID, LicenceTier> withOwned = new java.util.LinkedHashMap<>();
        withOwned.put(UUID.fromString(second), LicenceTier.SINGLE);
        withOwned.put(UUID.fromString(owned), LicenceTier.SINGLE);
        assertThatThrownBy(() -> carts.addAll(cart, withOwned)).isInstanceOf(DomainException.class)
                .extracting(failure -> ((DomainException) failure).messageKey()).isEqualTo("cart.already-owned");
        assertThat(carts.items(cart)).isEmpty();

        java.util.SequencedMap<UUID, LicenceTier> both = new java.util.LinkedHashMap<>();
        both.put(UUID.fromString(second), LicenceTier.SINGLE);
        both.put(UUID.fromString(first), LicenceTier.SINGLE);
        carts.addAll(cart, both);
        assertThat(carts.items(cart)).extracting(Sellable::refId).containsExactly(UUID.fromString(second), UUID.fromString(first));
        assertThat(buyer.get("/cart").body()).contains("First ").contains("Second ");
    }
}
