package app.flowmarket.commerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import app.flowmarket.IntegrationTest;
import app.flowmarket.account.AccountManagement;
import app.flowmarket.catalog.SellerFixture;
import app.flowmarket.support.Fixtures;
import app.flowmarket.support.Shopper;
import app.flowmarket.support.TestProcessor;
import app.flowmarket.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** One open checkout per cart: resumed, paid once, cancelled or expired, and never selling anything twice. */
@IntegrationTest
class CheckoutIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    AccountManagement accounts;

    @Autowired
    JdbcClient jdbc;

    record Buyer(String email, WebSession session) {
    }

    Buyer buyer() {
        String email = Fixtures.uniqueEmail("checkout");
        accounts.createVerified(email, Fixtures.PASSWORD, "Cora Checkout");
        return new Buyer(email, new WebSession(port).signIn(email, Fixtures.PASSWORD));
    }

    long ordersOf(Buyer buyer) {
        return jdbc.sql("select count(*) from purchase_order where buyer_id = (select id from account where email = ?)").param(buyer.email())
                .query(Long.class).single();
    }

    long activeEntitlements(Buyer buyer, String workflowId) {
        return jdbc.sql("""
                select count(*) from entitlement where buyer_id = (select id from account where email = ?)
                and workflow_id = ?::uuid and revoked_at is null""").params(buyer.email(), workflowId).query(Long.class).single();
    }

    String statusOf(String orderPath) {
        return jdbc.sql("select status from purchase_order where id = ?::uuid").param(orderPath.substring("/orders/".length()))
                .query(String.class).single();
    }

    /** Time passes: the order's hour is up. */
    void timeRunsOut(String orderPath) {
        jdbc.sql("update purchase_order set expires_at = now() - interval '1 minute' where id = ?::uuid")
                .param(orderPath.substring("/orders/".length())).update();
    }

    @Test
    void twentyCheckoutsOfOneCartMakeOneOrderAndPayingItTwiceChargesOnce() {
        WebSession seller = SellerFixture.newSeller(port);
        String workflowId = SellerFixture.publishedWorkflow(seller, "Twenty tabs " + Fixtures.uniqueSlug("t"), "n8n", "29");
        Buyer buyer = buyer();
        Shopper.addToCart(buyer.session(), "WORKFLOW", workflowId);

        Set<String> paymentPages = new LinkedHashSet<>();
        for (int i = 0; i < 20; i++) {
            paymentPages.add(Shopper.placeOrder(buyer.session()));
        }

        assertThat(paymentPages).singleElement().asString().startsWith("/pay/test/");
        assertThat(ordersOf(buyer)).isEqualTo(1);
        String page = paymentPages.iterator().next();
        String orderPath = Shopper.pay(buyer.session(), page, Shopper.GOOD_CARD);
        Shopper.awaitOrderText(buyer.session(), orderPath, "Paid. Thank you");
        // a second submit of the payment page (another tab, a double click)
        assertThat(buyer.session().post(page, Map.of("cardNumber", Shopper.GOOD_CARD)).location()).startsWith(orderPath);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> true);
        assertThat(ordersOf(buyer)).isEqualTo(1);
        assertThat(activeEntitlements(buyer, workflowId)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from ledger_entry where order_id = ?::uuid").param(orderPath.substring(8)).query(Long.class).single())
                .isEqualTo(3);
    }

    @Test
    void checkingOutAgainResumesTheOpenOrderUntilTheBuyerCancelsIt() {
        WebSession seller = SellerFixture.newSeller(port);
        String first = SellerFixture.publishedWorkflow(seller, "Resumed " + Fixtures.uniqueSlug("r"), "n8n", "15");
        String second = SellerFixture.publishedWorkflow(seller, "Added later " + Fixtures.uniqueSlug("a"), "n8n", "9");
        Buyer buyer = buyer();
        WebSession session = buyer.session();
        Shopper.addToCart(session, "WORKFLOW", first);
        String paymentPage = Shopper.placeOrder(session);
        String orderPath = Shopper.orderOf(jdbc, paymentPage);
        String orderId = orderPath.substring("/orders/".length());

        String resumed = session.get("/checkout").assertStatus(200).body();
        assertThat(resumed).contains("is waiting for your payment").contains("Pay now").contains("Cancel").contains("Resumed ")
                .doesNotContain("Your cart has changed");
        Shopper.addToCart(session, "WORKFLOW", second);
        assertThat(session.get("/checkout").body()).contains("Your cart has changed since this checkout was opened");
        assertThat(session.post("/checkout", Map.of()).location()).isEqualTo(paymentPage);
        assertThat(session.post(orderPath + "/pay", Map.of()).location()).isEqualTo(paymentPage);
        assertThat(ordersOf(buyer)).isEqualTo(1);

        String orders = session.get("/orders").assertStatus(200).body();
        assertThat(orders).contains(">Pending<").contains("action=\"" + orderPath + "/pay\"").contains("action=\"" + orderPath + "/cancel\"");

        assertThat(session.post(orderPath + "/cancel", Map.of()).location()).isEqualTo("/orders");
        String afterCancel = session.get("/orders").body();
        assertThat(afterCancel).contains("Your order was cancelled. Nothing was charged.").contains(">Cancelled<")
                .doesNotContain("action=\"" + orderPath + "/pay\"");
        assertThat(session.get(orderPath).body()).contains("This order was cancelled before it was paid");
        // the processor's page of the cancelled order takes no money any more
        assertThat(session.get(paymentPage).body()).contains("This payment page has expired");
        assertThat(session.post(paymentPage, Map.of("cardNumber", Shopper.GOOD_CARD)).assertStatus(200).body())
                .contains("This payment page has expired");
        assertThat(session.post(orderPath + "/pay", Map.of()).location()).isEqualTo(orderPath);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> statusOf(orderPath).equals("CANCELLED"));

        String next = Shopper.placeOrder(session);
        assertThat(next).startsWith("/pay/test/").isNotEqualTo(paymentPage);
        assertThat(session.get(next).body()).contains("$24");
        assertThat(jdbc.sql("select count(*) from purchase_order where id <> ?::uuid and buyer_id = (select id from account where email = ?) and status = 'PENDING'")
                .params(orderId, buyer.email()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anOrderForSomethingTheBuyerAlreadyOwnsIsRefusedBeforePayment() {
        WebSession seller = SellerFixture.newSeller(port);
        String marker = Fixtures.uniqueSlug("o");
        String first = SellerFixture.publishedWorkflow(seller, "Owned " + marker, "n8n", "10");
        String second = SellerFixture.publishedWorkflow(seller, "Not yet " + marker, "n8n", "10");
        WebSession.Page created = seller.postMultipartless("/seller/bundles", "title=Pair+" + marker + "&price=15&workflowIds=" + first + "&workflowIds=" + second);
        String bundleId = jdbc.sql("select id::text from bundle where slug = ?").param(created.assertStatus(302).location().substring("/bundles/".length()))
                .query(String.class).single();
        Buyer buyer = buyer();
        WebSession session = buyer.session();

        Shopper.addToCart(session, "WORKFLOW", first);
        String paymentPage = Shopper.placeOrder(session);
        // while that checkout is open, the bundle goes into the cart too
        Shopper.addToCart(session, "BUNDLE", bundleId);
        String orderPath = Shopper.pay(session, paymentPage, Shopper.GOOD_CARD);
        Shopper.awaitOrderText(session, orderPath, "Paid. Thank you");
        assertThat(session.get("/cart").body()).contains("Pair " + marker).doesNotContain("Owned " + marker);

        WebSession.Page refused = session.post("/checkout", Map.of());

        assertThat(refused.location()).isEqualTo("/cart");
        assertThat(session.get("/cart").body()).contains("You already own a workflow in this bundle");
        assertThat(ordersOf(buyer)).isEqualTo(1);
        session.post("/cart/items", Map.of("kind", "WORKFLOW", "id", first));
        assertThat(session.get("/cart").body()).contains("You already own this");
    }

    @Test
    void anUnpaidOrderExpiresAndTheBuyerSeesIt() {
        WebSession seller = SellerFixture.newSeller(port);
        String workflowId = SellerFixture.publishedWorkflow(seller, "Forgotten " + Fixtures.uniqueSlug("f"), "n8n", "7");
        Buyer buyer = buyer();
        Shopper.addToCart(buyer.session(), "WORKFLOW", workflowId);
        String paymentPage = Shopper.placeOrder(buyer.session());
        String orderPath = Shopper.orderOf(jdbc, paymentPage);
        assertThat(buyer.session().get(orderPath).body()).contains("This order is waiting for your payment");

        timeRunsOut(orderPath);

        // shown as expired at once, closed for good by the sweep
        assertThat(buyer.session().get(orderPath).body()).contains("This order expired before it was paid");
        await().atMost(Duration.ofSeconds(10)).until(() -> statusOf(orderPath).equals("EXPIRED"));
        assertThat(buyer.session().get("/orders").body()).contains(">Expired<");
        assertThat(buyer.session().get(paymentPage).body()).contains("This payment page has expired");
        String next = Shopper.placeOrder(buyer.session());
        assertThat(next).isNotEqualTo(paymentPage);
        assertThat(ordersOf(buyer)).isEqualTo(2);
    }

    @Test
    void aLatePaymentOfAnExpiredOrderIsAcceptedWhenItBuysNothingTwiceAndCancelsTheNewerCheckout() {
        WebSession seller = SellerFixture.newSeller(port);
        String workflowId = SellerFixture.publishedWorkflow(seller, "Paid late " + Fixtures.uniqueSlug("l"), "n8n", "11");
        Buyer buyer = buyer();
        Shopper.addToCart(buyer.session(), "WORKFLOW", workflowId);
        String firstPage = Shopper.placeOrder(buyer.session());
        String firstOrder = Shopper.orderOf(jdbc, firstPage);
        timeRunsOut(firstOrder);
        await().atMost(Duration.ofSeconds(10)).until(() -> statusOf(firstOrder).equals("EXPIRED"));
        String secondPage = Shopper.placeOrder(buyer.session());
        String secondOrder = Shopper.orderOf(jdbc, secondPage);

        assertThat(TestProcessor.chargeAndConfirmLate(port, jdbc, firstPage.substring("/pay/test/".length()))).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> statusOf(firstOrder).equals("PAID"));
        assertThat(statusOf(secondOrder)).isEqualTo("CANCELLED");
        assertThat(activeEntitlements(buyer, workflowId)).isEqualTo(1);
        // the newer order's checkout is closed at the processor right after
        await().atMost(Duration.ofSeconds(10)).until(() -> buyer.session().get(secondPage).body().contains("This payment page has expired"));
        assertThat(buyer.session().get(firstOrder).body()).contains("Paid. Thank you");
    }

    @Test
    void aLatePaymentThatWouldBuySomethingTwiceIsRefundedInFullAndGrantsNothing() {
        WebSession seller = SellerFixture.newSeller(port);
        String workflowId = SellerFixture.publishedWorkflow(seller, "Bought twice " + Fixtures.uniqueSlug("b"), "n8n", "12");
        Buyer buyer = buyer();
        Shopper.addToCart(buyer.session(), "WORKFLOW", workflowId);
        String firstPage = Shopper.placeOrder(buyer.session());
        String firstOrder = Shopper.orderOf(jdbc, firstPage);
        timeRunsOut(firstOrder);
        await().atMost(Duration.ofSeconds(10)).until(() -> statusOf(firstOrder).equals("EXPIRED"));
        String secondOrder = Shopper.pay(buyer.session(), Shopper.placeOrder(buyer.session()), Shopper.GOOD_CARD);
        Shopper.awaitOrderText(buyer.session(), secondOrder, "Paid. Thank you");

        assertThat(TestProcessor.chargeAndConfirmLate(port, jdbc, firstPage.substring("/pay/test/".length()))).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select refunded_minor from test_checkout where id = ?")
                .param(firstPage.substring("/pay/test/".length())).query(Long.class).single() == 1200);
        assertThat(statusOf(firstOrder)).isEqualTo("EXPIRED");
        assertThat(buyer.session().get(firstOrder).body()).contains("was refunded in full");
        assertThat(activeEntitlements(buyer, workflowId)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from ledger_entry where order_id = ?::uuid").param(firstOrder.substring(8)).query(Long.class).single())
                .isZero();
    }
}
