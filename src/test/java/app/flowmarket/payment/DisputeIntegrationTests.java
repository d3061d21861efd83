package app.flowmarket.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import app.flowmarket.IntegrationTest;
import app.flowmarket.account.AccountManagement;
import app.flowmarket.catalog.SellerFixture;
import app.flowmarket.commerce.Ledger;
import app.flowmarket.shared.StoreId;
import app.flowmarket.support.Fixtures;
import app.flowmarket.support.Shopper;
import app.flowmarket.support.TestProcessor;
import app.flowmarket.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Chargebacks end to end: the test processor opens and closes a dispute on a payment it took and tells the shop through
 * its signed webhook; the seller's balance, the buyer's access and the order follow (decision 53).
 */
@IntegrationTest
class DisputeIntegrationTests {

    /** A $20 sale: the seller's share is $18 (the platform's fee is 10 %); the test processor's dispute fee is $15. */
    static final long SHARE = 1800;
    static final long DISPUTE_FEE = 1500;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AccountManagement accounts;
    @Autowired
    TestPaymentGateway processor;
    @Autowired
    Ledger ledger;

    record Paid(WebSession seller, StoreId store, String workflowId, String title, WebSession buyer, String orderId, String checkoutId,
                String lineId) {
    }

    /** A seller's $20 workflow bought and paid on the processor's page, as a buyer does. */
    Paid paidOrder() {
        WebSession seller = SellerFixture.newSeller(port);
        String title = "Disputed flow " + Fixtures.uniqueSlug("d");
        String workflowId = SellerFixture.publishedWorkflow(seller, title, "n8n", "20");
        UUID store = jdbc.sql("select store_id from workflow where id = ?::uuid").param(workflowId).query(UUID.class).single();
        String email = Fixtures.uniqueEmail("disputer");
        accounts.createVerified(email, Fixtures.PASSWORD, "Dana Disputer");
        WebSession buyer = new WebSession(port).signIn(email, Fixtures.PASSWORD);
        Shopper.addToCart(buyer, "WORKFLOW", workflowId);
        String payment = Shopper.placeOrder(buyer);
        String orderPath = Shopper.pay(buyer, payment, Shopper.GOOD_CARD);
        Shopper.awaitOrderText(buyer, orderPath, "Paid. Thank you");
        String orderId = orderPath.substring("/orders/".length());
        String lineId = jdbc.sql("select id::text from order_line where order_id = ?::uuid").param(orderId).query(String.class).single();
        return new Paid(seller, StoreId.of(store), workflowId, title, buyer, orderId, payment.substring("/pay/test/".length()), lineId);
    }

    String callback() {
        return "http://127.0.0.1:" + port;
    }

    long balance(Paid paid) {
        return ledger.sellerBalance(paid.store(), "USD").minor();
    }

    String orderStatus(Paid paid) {
        return jdbc.sql("select status from purchase_order where id = ?::uuid").param(paid.orderId()).query(String.class).single();
    }

    long sellerEntries(Paid paid, String type) {
        return jdbc.sql("select count(*) from ledger_entry where order_id = ?::uuid and account_type = 'SELLER' and entry_type = ?")
                .params(UUID.fromString(paid.orderId()), type).query(Long.class).single();
    }

    boolean accessEnded(Paid paid) {
        return jdbc.sql("select bool_and(revoked_at is not null) from entitlement where order_line_id = ?::uuid").param(paid.lineId())
                .query(Boolean.class).single();
    }

    /** Every dispute event the webhooks published has been applied to its order. */
    void awaitDisputesApplied() {
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from event_publication where completion_date is null and event_type like '%PaymentDispute%'")
                .query(Long.class).single() == 0);
    }

    @Test
    void aLostDisputeKeepsTheSalesMoneyAndTheFeeTakenAndEndsTheBuyersAccess() {
        Paid paid = paidOrder();
        assertThat(balance(paid)).isEqualTo(SHARE);

        String dispute = processor.openDispute(paid.checkoutId(), callback());
        await().atMost(Duration.ofSeconds(20)).until(() -> balance(paid) == SHARE - SHARE - DISPUTE_FEE);
        // the ledger stays balanced: the processor gave the buyer their money back, the platform lost its fee
        assertThat(jdbc.sql("select sum(amount_minor) from ledger_entry where order_id = ?::uuid").param(paid.orderId()).query(Long.class).single())
                .isZero();
        assertThat(orderStatus(paid)).isEqualTo("PAID");
        assertThat(paid.buyer().get("/library").body()).as("the buyer keeps access while the dispute is open").contains(paid.title());
        assertThat(paid.seller().post("/seller/sales/" + paid.lineId() + "/refund", Map.of()).status())
                .as("no refund of a disputed payment").isNotEqualTo(500);
        assertThat(sellerEntries(paid, "REFUND")).isZero();
        UUID owner = jdbc.sql("select owner_id from store where id = ?").param(paid.store().value()).query(UUID.class).single();
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from notification where recipient_id = ? and type = 'CHARGEBACK'").param(owner).query(Long.class).single() == 1);
        String email = jdbc.sql("select email from account where id = ?").param(owner).query(String.class).single();
        Long orderNumber = jdbc.sql("select number from purchase_order where id = ?::uuid").param(paid.orderId()).query(Long.class).single();
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from mail_outbox where recipient = ? and subject = ?")
                .params(email, "A buyer’s bank disputed order #" + orderNumber).query(Long.class).single() == 1);

        processor.closeDispute(dispute, false, callback());
        await().atMost(Duration.ofSeconds(20)).until(() -> orderStatus(paid).equals("CHARGED_BACK"));
        assertThat(balance(paid)).as("lost: the money and the fee stay taken").isEqualTo(-DISPUTE_FEE);
        assertThat(accessEnded(paid)).isTrue();
        // the platform's figures count it like a refund: the workflow's sale comes to nothing, the day has one more refund
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from platform_chargeback where order_id = ?::uuid")
                .param(paid.orderId()).query(Long.class).single() == 1);
        assertThat(jdbc.sql("select sum(sales) || ' ' || sum(net_minor) from platform_item_daily where item_id = ?::uuid")
                .param(paid.workflowId()).query(String.class).single()).isEqualTo("1 0");
        assertThat(jdbc.sql("select bool_and(revoked_at is not null) from licence where order_line_id = ?::uuid").param(paid.lineId())
                .query(Boolean.class).single()).as("and so does the licence").isTrue();
        assertThat(paid.buyer().get("/library").body()).as("the licence key is listed as revoked").contains("Revoked (refunded or charged back)");
        assertThat(paid.buyer().get("/orders/" + paid.orderId()).body()).contains("gave it back to you");
        String payouts = paid.seller().get("/seller/payouts").assertStatus(200).body();
        assertThat(payouts).contains("Chargebacks").contains("#" + orderNumber).contains("Lost")
                .contains("<td data-label=\"Taken\" class=\"num\">$18</td>").contains("<td data-label=\"Dispute fee\" class=\"num\">$15</td>");
        // the sale is still held: what the fee takes from it beyond the sale is no money becoming payable, it is shown with the dispute
        assertThat(payouts).doesNotContain("Becoming payable").contains("Disputes took $15 from money not yet payable");
    }

    @Test
    void aPaymentConfirmedBeforeItsIdWasKeptIsFoundThroughTheProcessor() {
        Paid paid = paidOrder();
        // as a payment confirmed before the processor's payment ids were kept
        jdbc.sql("update payment_checkout set payment_ref = null where order_id = ?::uuid").param(paid.orderId()).update();

        processor.openDispute(paid.checkoutId(), callback());

        await().atMost(Duration.ofSeconds(20)).until(() -> balance(paid) == -DISPUTE_FEE);
        assertThat(jdbc.sql("select payment_ref from payment_checkout where order_id = ?::uuid").param(paid.orderId()).query(String.class).single())
                .as("kept for the dispute's next event").isEqualTo(paid.checkoutId());
    }

    @Test
    void aWonDisputeGivesTheMoneyAndTheFeeBackAndTheBuyerKeepsWhatTheyBought() {
        Paid paid = paidOrder();
        String dispute = processor.openDispute(paid.checkoutId(), callback());
        await().atMost(Duration.ofSeconds(20)).until(() -> balance(paid) == -DISPUTE_FEE);

        processor.closeDispute(dispute, true, callback());
        await().atMost(Duration.ofSeconds(20)).until(() -> balance(paid) == SHARE);
        assertThat(orderStatus(paid)).isEqualTo("PAID");
        assertThat(sellerEntries(paid, "CHARGEBACK_REVERSAL")).isEqualTo(1);
        assertThat(sellerEntries(paid, "DISPUTE_FEE_REVERSAL")).isEqualTo(1);
        assertThat(accessEnded(paid)).isFalse();
        assertThat(paid.buyer().get("/library").body()).contains(paid.title());
        assertThat(paid.seller().get("/seller/payouts").body()).contains("Won");
    }

    @Test
    void replayedDisputeWebhooksCountOnceAndForgedOnesAreRefused() {
        Paid paid = paidOrder();
        String opened = "evt_open_" + UUID.randomUUID();
        assertThat(TestProcessor.dispute(port, jdbc, opened, "dispute.opened", paid.checkoutId(), "dp_replayed", DISPUTE_FEE, "open"))
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> balance(paid) == -DISPUTE_FEE);
        // the same event again, and the same dispute told under another event id
        assertThat(TestProcessor.dispute(port, jdbc, opened, "dispute.opened", paid.checkoutId(), "dp_replayed", DISPUTE_FEE, "open"))
                .isEqualTo(200);
        assertThat(TestProcessor.dispute(port, jdbc, "evt_open_again_" + UUID.randomUUID(), "dispute.opened", paid.checkoutId(), "dp_replayed",
                DISPUTE_FEE, "open")).isEqualTo(200);
        String lost = "evt_lost_" + UUID.randomUUID();
        for (int i = 0; i < 2; i++) {
            assertThat(TestProcessor.dispute(port, jdbc, lost, "dispute.closed", paid.checkoutId(), "dp_replayed", DISPUTE_FEE, "lost"))
                    .isEqualTo(200);
        }
        // a lost dispute told again as won changes nothing: a dispute closes once
        assertThat(TestProcessor.dispute(port, jdbc, "evt_won_late_" + UUID.randomUUID(), "dispute.closed", paid.checkoutId(), "dp_replayed", 0,
                "won")).isEqualTo(200);
        awaitDisputesApplied();

        assertThat(orderStatus(paid)).isEqualTo("CHARGED_BACK");
        assertThat(balance(paid)).isEqualTo(-DISPUTE_FEE);
        assertThat(sellerEntries(paid, "CHARGEBACK")).isEqualTo(1);
        assertThat(sellerEntries(paid, "DISPUTE_FEE")).isEqualTo(1);
        assertThat(sellerEntries(paid, "CHARGEBACK_REVERSAL")).isZero();
        assertThat(jdbc.sql("select count(*) from audit_entry where target_id = ? and action in ('order.disputed', 'order.dispute-lost')")
                .param(paid.orderId()).query(Long.class).single()).isEqualTo(2);

        // a dispute of a payment this shop never took, or of more than was paid, is refused and changes nothing
        Paid other = paidOrder();
        jdbc.sql("update test_checkout set amount_minor = amount_minor + 1 where id = ?").param(other.checkoutId()).update();
        assertThat(TestProcessor.dispute(port, jdbc, "evt_more_" + UUID.randomUUID(), "dispute.opened", other.checkoutId(), "dp_more",
                DISPUTE_FEE, "open")).isEqualTo(400);
        jdbc.sql("update test_checkout set amount_minor = amount_minor - 1 where id = ?").param(other.checkoutId()).update();
        // nor of a checkout that was never paid
        String email = Fixtures.uniqueEmail("unpaid");
        accounts.createVerified(email, Fixtures.PASSWORD, "Una Unpaid");
        WebSession unpaid = new WebSession(port).signIn(email, Fixtures.PASSWORD);
        Shopper.addToCart(unpaid, "WORKFLOW", other.workflowId());
        String pending = Shopper.placeOrder(unpaid).substring("/pay/test/".length());
        assertThat(TestProcessor.dispute(port, jdbc, "evt_unpaid_" + UUID.randomUUID(), "dispute.opened", pending, "dp_unpaid", DISPUTE_FEE,
                "open")).isEqualTo(400);
        awaitDisputesApplied();
        assertThat(balance(other)).isEqualTo(SHARE);
    }
}
