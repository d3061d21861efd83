package app.flowmarket.payout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import app.flowmarket.IntegrationTest;
import app.flowmarket.account.AccountManagement;
import app.flowmarket.catalog.SellerFixture;
import app.flowmarket.commerce.Ledger;
import app.flowmarket.commerce.OrderManagement;
import app.flowmarket.shared.AccountId;
import app.flowmarket.shared.Actor;
import app.flowmarket.shared.DomainException;
import app.flowmarket.shared.OrderId;
import app.flowmarket.shared.StoreId;
import app.flowmarket.support.Fixtures;
import app.flowmarket.support.Shopper;
import app.flowmarket.support.WebSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class PayoutIntegrationTests {

    /** A valid IBAN (the German example of the standard), as a person types it. */
    static final String IBAN = "DE89 3704 0044 0532 0130 00";
    static final String IBAN_COMPACT = "DE89370400440532013000";
    static final Duration HOLD = Duration.ofDays(14);

    @LocalServerPort
    int port;
    @Autowired
    Payouts payouts;
    @Autowired
    Ledger ledger;
    @Autowired
    OrderManagement orders;
    @Autowired
    AccountManagement accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    app.flowmarket.webhook.Webhooks webhooks;

    record Seller(WebSession web, StoreId store, String workflowId) {
    }

    Seller seller(String price) {
        WebSession web = SellerFixture.newSeller(port);
        String workflowId = SellerFixture.publishedWorkflow(web, "Payout flow " + Fixtures.uniqueSlug("p"), "n8n", price);
        UUID store = jdbc.sql("select store_id from workflow where id = ?::uuid").param(workflowId).query(UUID.class).single();
        return new Seller(web, StoreId.of(store), workflowId);
    }

    /** A new buyer buys the workflow and pays; returns the order line. */
    String sale(String workflowId) {
        String email = Fixtures.uniqueEmail("payer");
        accounts.createVerified(email, Fixtures.PASSWORD, "Pat Payer");
        WebSession buyer = new WebSession(port).signIn(email, Fixtures.PASSWORD);
        Shopper.addToCart(buyer, "WORKFLOW", workflowId);
        String orderPath = Shopper.pay(buyer, Shopper.placeOrder(buyer), Shopper.GOOD_CARD);
        Shopper.awaitOrderText(buyer, orderPath, "Paid. Thank you");
        return jdbc.sql("select id::text from order_line where order_id = ?::uuid").param(orderPath.substring("/orders/".length()))
                .query(String.class).single();
    }

    Actor admin() {
        String email = Fixtures.uniqueEmail("payout-admin");
        UUID id = accounts.createVerified(email, Fixtures.PASSWORD, "Admin", "ADMIN");
        return new Actor(AccountId.of(id), email, Set.of("BUYER", "ADMIN"));
    }

    WebSession adminWeb() {
        String email = Fixtures.uniqueEmail("payout-admin");
        accounts.createVerified(email, Fixtures.PASSWORD, "Admin", "ADMIN");
        return new WebSession(port).signIn(email, Fixtures.PASSWORD);
    }

    void bankDetails(Seller seller, String holder) {
        assertThat(seller.web().post("/seller/payouts/method", Map.of("holder", holder, "number", IBAN)).assertStatus(302).location())
                .isEqualTo("/seller/payouts");
    }

    Instant lastSale(StoreId store) {
        return ledger.sellerEntries(store).stream().filter(e -> e.entryType().equals("SALE")).map(Ledger.SellerEntry::saleAt)
                .max(Instant::compareTo).orElseThrow();
    }

    Payouts.Balance balance(StoreId store, Instant at) {
        return payouts.balances(at, store).stream().filter(b -> b.payable().currency().getCurrencyCode().equals("USD")).findFirst().orElseThrow();
    }

    long paidTo(StoreId store) {
        return jdbc.sql("select coalesce(sum(amount_minor), 0) from payout where store_id = ? and status <> 'FAILED'").param(store.value())
                .query(Long.class).single();
    }

    List<UUID> livePayouts(StoreId store) {
        return jdbc.sql("select id from payout where store_id = ? and status <> 'FAILED'").param(store.value()).query(UUID.class).list();
    }

    @Test
    void aPaymentImportedFromThePastIsPayableOnceTheHoldHasPassedSinceItWasPaidNotSinceItWasImported() {
        Seller seller = seller("20");
        String email = Fixtures.uniqueEmail("past-payer");
        accounts.createVerified(email, Fixtures.PASSWORD, "Pia Past");
        WebSession buyer = new WebSession(port).signIn(email, Fixtures.PASSWORD);
        Shopper.addToCart(buyer, "WORKFLOW", seller.workflowId());
        String order = Shopper.orderOf(jdbc, Shopper.placeOrder(buyer)).substring("/orders/".length());
        String checkout = jdbc.sql("select payment_ref from purchase_order where id = ?::uuid").param(order).query(String.class).single();
        Instant paidAt = Instant.now().minus(Duration.ofDays(20)).truncatedTo(ChronoUnit.MICROS);

        assertThatThrownBy(() -> orders.importPayment(OrderId.of(UUID.fromString(order)), checkout, Instant.now().plus(Duration.ofDays(1))))
                .isInstanceOf(IllegalArgumentException.class);
        orders.importPayment(OrderId.of(UUID.fromString(order)), checkout, paidAt);

        // placed a few minutes before it was paid, both in the past; the sale in the ledger is dated when it was paid
        var times = jdbc.sql("select created_at, paid_at, status from purchase_order where id = ?::uuid").param(order)
                .query((rs, n) -> List.of(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant(), rs.getString(3))).single();
        assertThat(times.get(2)).isEqualTo("PAID");
        assertThat(times.get(1)).isEqualTo(paidAt);
        assertThat((Instant) times.get(0)).isBefore(paidAt).isAfter(paidAt.minus(Duration.ofHours(1)));
        assertThat(lastSale(seller.store())).isEqualTo(paidAt);
        Payouts.Balance now = balance(seller.store(), Instant.now());
        assertThat(now.payable().minor()).as("20 days ago is past the 14-day hold").isEqualTo(1800);
        assertThat(now.held().minor()).isZero();
        // the buyer owns it from the day it was paid, as after any payment
        assertThat(buyer.get("/library").assertStatus(200).body()).contains("Payout flow");
        assertThat(jdbc.sql("select e.granted_at from entitlement e join order_line l on l.id = e.order_line_id where l.order_id = ?::uuid")
                .param(order).query(java.sql.Timestamp.class).single().toInstant()).isEqualTo(paidAt);
    }

    @Test
    void thePayableBalanceIsTheLedgersSalesLessFeesAndRefundsOnceTheHoldHasPassedToTheMicrosecond() {
        Seller seller = seller("20");
        sale(seller.workflowId());
        Instant firstSale = lastSale(seller.store());
        String refunded = sale(seller.workflowId());
        seller.web().post("/seller/sales/" + refunded + "/refund", Map.of()).assertStatus(302);
        Instant secondSale = lastSale(seller.store());
        assertThat(secondSale).isAfter(firstSale);

        // two sales of $20 (fee 10 %: $18 each to the seller), the second refunded: the ledger owes $18
        assertThat(ledger.sellerBalance(seller.store(), "USD").minor()).isEqualTo(1800);

        Payouts.Balance justBefore = balance(seller.store(), firstSale.plus(HOLD).minus(1, ChronoUnit.MICROS));
        assertThat(justBefore.payable().minor()).as("a microsecond before the hold ends").isZero();
        assertThat(justBefore.held().minor()).isEqualTo(1800);
        assertThat(justBefore.nextPayableAt()).isEqualTo(firstSale.plus(HOLD));

        Payouts.Balance atTheBoundary = balance(seller.store(), firstSale.plus(HOLD));
        assertThat(atTheBoundary.payable().minor()).as("the moment the hold ends").isEqualTo(1800);
        assertThat(atTheBoundary.held().minor()).as("the refunded sale nets to nothing while held").isZero();

        Payouts.Balance later = balance(seller.store(), secondSale.plus(HOLD).plusSeconds(1));
        assertThat(later.payable().minor()).isEqualTo(ledger.sellerBalance(seller.store(), "USD").minor()).isEqualTo(2000 - 200);
        assertThat(later.held().minor()).isZero();

        // today the seller sees it all held, and from which day it is payable
        String page = seller.web().get("/seller/payouts").assertStatus(200).body();
        assertThat(page).contains("Becoming payable").contains("$18").contains("Held for refunds");
    }

    String checkoutOf(String lineId) {
        return jdbc.sql("select o.payment_ref from purchase_order o join order_line l on l.order_id = o.id where l.id = ?::uuid").param(lineId)
                .query(String.class).single();
    }

    /** The processor's signed dispute webhook, through the real endpoint; returns once the ledger has applied it. */
    void dispute(Seller seller, String lineId, String type, String status, long expectedLedgerBalance) {
        assertThat(app.flowmarket.support.TestProcessor.dispute(port, jdbc, "evt_" + UUID.randomUUID(), type, checkoutOf(lineId), "dp_" + lineId,
                status.equals("won") ? 0 : 1500, status)).isEqualTo(200);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> ledger.sellerBalance(seller.store(), "USD").minor() == expectedLedgerBalance);
    }

    /** What the balance must be: the ledger's sum less what live payouts hold, split at the hold. */
    void assertBalanceIsTheLedgerLessWhatWasPaid(Seller seller, Instant at) {
        Payouts.Balance balance = balance(seller.store(), at);
        assertThat(balance.payable().minor() + balance.held().minor())
                .isEqualTo(ledger.sellerBalance(seller.store(), "USD").minor() - paidTo(seller.store()));
    }

    @Test
    void aChargebackAfterAPayoutMakesTheBalanceNegativeUntilLaterSalesCoverItAndAWonDisputeGivesItBack() {
        Seller seller = seller("50");
        String first = sale(seller.workflowId());
        bankDetails(seller, "Ada Chargeback");
        Actor admin = admin();
        payouts.createBatch(admin, lastSale(seller.store()).plus(HOLD));
        payouts.markSent(admin, PayoutId.of(livePayouts(seller.store()).getFirst()), "CB-1");
        assertThat(paidTo(seller.store())).isEqualTo(4500);

        // the buyer's bank takes the $50 back after the seller was paid their $45: $45 and the $15 fee come off the balance
        dispute(seller, first, "dispute.opened", "open", 4500 - 4500 - 1500);
        Instant later = Instant.now().plus(HOLD).plusSeconds(1);
        assertThat(balance(seller.store(), later).payable().minor()).isEqualTo(-6000);
        assertBalanceIsTheLedgerLessWhatWasPaid(seller, later);

        // a sale still held leaves the debt payable and waits in held; once payable it covers part of it
        sale(seller.workflowId());
        Instant secondSale = lastSale(seller.store());
        Payouts.Balance whileHeld = balance(seller.store(), secondSale.plus(HOLD).minus(1, ChronoUnit.MICROS));
        assertThat(whileHeld.payable().minor()).isEqualTo(-6000);
        assertThat(whileHeld.held().minor()).isEqualTo(4500);
        assertBalanceIsTheLedgerLessWhatWasPaid(seller, secondSale);
        sale(seller.workflowId());
        Instant when = lastSale(seller.store()).plus(HOLD);
        assertThat(balance(seller.store(), when).payable().minor()).isEqualTo(-6000 + 2 * 4500);
        assertBalanceIsTheLedgerLessWhatWasPaid(seller, when);

        // won: the $45 and the fee come back, and the next batch pays exactly what is owed
        dispute(seller, first, "dispute.closed", "won", 3 * 4500);
        assertThat(balance(seller.store(), when).payable().minor()).isEqualTo(2 * 4500);
        assertBalanceIsTheLedgerLessWhatWasPaid(seller, when);
        payouts.createBatch(admin, when);
        assertThat(paidTo(seller.store())).isEqualTo(3 * 4500).isEqualTo(ledger.sellerBalance(seller.store(), "USD").minor());
        assertThat(balance(seller.store(), when).payable().minor()).isZero();
        assertThat(seller.web().get("/seller/payouts").body()).contains("Chargebacks").contains("Won");
    }

    @Test
    void twoBatchesCreatedAtOnceNeverPayTheSameMoneyTwice() throws Exception {
        Seller seller = seller("30");
        sale(seller.workflowId());
        sale(seller.workflowId());
        bankDetails(seller, "Ada Parallel");
        Instant when = lastSale(seller.store()).plus(HOLD).plusSeconds(1);
        long payable = balance(seller.store(), when).payable().minor();
        assertThat(payable).isEqualTo(2 * 2700);

        Actor admin = admin();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    try {
                        return payouts.createBatch(admin, when);
                    } catch (DomainException nothingLeft) {
                        return nothingLeft.messageKey();
                    }
                }));
            }
            start.countDown();
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(livePayouts(seller.store())).hasSize(1);
        assertThat(paidTo(seller.store())).as("paid once").isEqualTo(payable);
        assertThat(balance(seller.store(), when).payable().minor()).isZero();
        assertThatThrownBy(() -> jdbc.sql("insert into payout_item (payout_id, ledger_entry_id, amount_minor) "
                        + "select ?, ledger_entry_id, amount_minor from payout_item i join payout p on p.id = i.payout_id where p.store_id = ? limit 1")
                .params(livePayouts(seller.store()).getFirst(), seller.store().value()).update())
                .as("the database itself refuses an entry in a second live payout").hasMessageContaining("payout_item");
    }

    @Test
    void aBalanceBelowTheMinimumWaitsForTheNextBatch() {
        Seller seller = seller("10");
        sale(seller.workflowId());
        bankDetails(seller, "Ada Small");
        Instant when = lastSale(seller.store()).plus(HOLD);
        assertThat(balance(seller.store(), when).payable().minor()).isEqualTo(900);
        assertThat(balance(seller.store(), when).reachesMinimum()).as("$9 is below the $10 minimum").isFalse();
        try {
            payouts.createBatch(admin(), when);
        } catch (DomainException nothingToPay) {
            assertThat(nothingToPay.messageKey()).isEqualTo("payout.batch.nothing");
        }
        assertThat(livePayouts(seller.store())).isEmpty();
    }

    @Test
    void aFailedPayoutGivesItsMoneyBackToTheBalanceAndASentOneKeepsIt() {
        Seller seller = seller("20");
        sale(seller.workflowId());
        bankDetails(seller, "Ada Failed");
        Instant when = lastSale(seller.store()).plus(HOLD);
        Actor admin = admin();

        payouts.createBatch(admin, when);
        UUID first = livePayouts(seller.store()).getFirst();
        assertThat(balance(seller.store(), when).payable().minor()).isZero();

        payouts.markFailed(admin, PayoutId.of(first), "RETURNED-1");
        assertThat(balance(seller.store(), when).payable().minor()).as("back in the balance").isEqualTo(1800);
        assertThatThrownBy(() -> payouts.markSent(admin, PayoutId.of(first), "LATE")).isInstanceOf(DomainException.class);

        payouts.createBatch(admin, when);
        UUID second = livePayouts(seller.store()).getFirst();
        assertThat(second).isNotEqualTo(first);
        payouts.markSent(admin, PayoutId.of(second), "SENT-2");
        assertThat(paidTo(seller.store())).isEqualTo(1800);
        assertThat(balance(seller.store(), when).payable().minor()).isZero();
        assertThat(jdbc.sql("select count(*) from audit_entry where target_id = ? and action = 'payout.sent'").param(second.toString())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_entry where target_id = ? and action = 'payout.failed'").param(first.toString())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(seller.web().get("/seller/payouts").body()).contains("SENT-2").contains("RETURNED-1").contains("Failed").contains("Sent");
    }

    @Test
    void aSentPayoutIsAnnouncedToTheSellersPayoutWebhooks() {
        Seller seller = seller("20");
        sale(seller.workflowId());
        bankDetails(seller, "Ada Hooked");
        UUID owner = jdbc.sql("select owner_id from store where id = ?").param(seller.store().value()).query(UUID.class).single();
        UUID endpoint = webhooks.create(owner, "http://localhost:9/payouts", Set.of(app.flowmarket.webhook.WebhookEvent.PAYOUT_SENT), "Payouts");
        Actor admin = admin();
        payouts.createBatch(admin, lastSale(seller.store()).plus(HOLD));
        UUID payout = livePayouts(seller.store()).getFirst();
        payouts.markSent(admin, PayoutId.of(payout), "HOOK-1");

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from webhook_delivery where endpoint_id = ? and event_type = 'payout.sent'").param(endpoint).query(Long.class).single() == 1);
        // and to the seller: in the app, with the bank's reference, and by mail
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from notification where recipient_id = ? and type = 'PAYOUT_SENT' and body = 'HOOK-1'").param(owner)
                .query(Long.class).single() == 1);
        assertThat(seller.web().get("/notifications").body()).contains("Payout sent: $18").contains("HOOK-1");
        String email = jdbc.sql("select email from account where id = ?").param(owner).query(String.class).single();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from mail_outbox where recipient = ? and subject = 'Your payout of $18 is on its way'").param(email)
                .query(Long.class).single() == 1);
    }

    @Test
    void everyAdminPayoutAddressIsRefusedToSomeoneWhoIsNotAnAdmin() {
        Seller seller = seller("10");
        String batch = UUID.randomUUID().toString();
        String payout = UUID.randomUUID().toString();
        WebSession web = seller.web();
        assertThat(web.get("/admin/payouts").status()).isEqualTo(403);
        assertThat(web.get("/admin/payouts/batches/" + batch).status()).isEqualTo(403);
        assertThat(web.get("/admin/payouts/batches/" + batch + "/export").status()).isEqualTo(403);
        assertThat(web.post("/admin/payouts/batches", Map.of()).status()).isEqualTo(403);
        assertThat(web.post("/admin/payouts/" + payout + "/sent", Map.of("reference", "X", "batch", batch)).status()).isEqualTo(403);
        assertThat(web.post("/admin/payouts/" + payout + "/failed", Map.of("reference", "X", "batch", batch)).status()).isEqualTo(403);
        Actor notAdmin = new Actor(AccountId.of(UUID.randomUUID()), "someone@example.com", Set.of("BUYER", "SELLER"));
        assertThatThrownBy(() -> payouts.createBatch(notAdmin)).isInstanceOf(app.flowmarket.shared.ForbiddenException.class);
        assertThatThrownBy(() -> payouts.markSent(notAdmin, PayoutId.of(UUID.randomUUID()), "X"))
                .isInstanceOf(app.flowmarket.shared.ForbiddenException.class);
        assertThat(new WebSession(port).get("/admin/payouts").status()).as("a visitor is sent to sign in").isEqualTo(302);
        WebSession admin = adminWeb();
        assertThat(admin.get("/admin/payouts").status()).isEqualTo(200);
        assertThat(admin.get("/admin").body()).contains("href=\"/admin/payouts\"");
    }

    @Test
    void aSellerSeesOnlyTheirOwnPayouts() {
        Seller ann = seller("20");
        Seller bob = seller("20");
        sale(ann.workflowId());
        sale(bob.workflowId());
        bankDetails(ann, "Ann Own");
        bankDetails(bob, "Bob Other");
        Instant when = lastSale(bob.store()).plus(HOLD);
        Actor admin = admin();
        payouts.createBatch(admin, when);
        payouts.markSent(admin, PayoutId.of(livePayouts(ann.store()).getFirst()), "ANN-REF-" + ann.store());
        payouts.markSent(admin, PayoutId.of(livePayouts(bob.store()).getFirst()), "BOB-REF-" + bob.store());

        String annPage = ann.web().get("/seller/payouts").assertStatus(200).body();
        assertThat(annPage).contains("ANN-REF-" + ann.store()).doesNotContain("BOB-REF-").doesNotContain("Bob Other");
        String bobPage = bob.web().get("/seller/payouts").assertStatus(200).body();
        assertThat(bobPage).contains("BOB-REF-" + bob.store()).doesNotContain("ANN-REF-");
        // a seller's bank details form only ever changes their own store
        assertThat(jdbc.sql("select account_holder from payout_method where store_id = ?").param(ann.store().value()).query(String.class).single())
                .isEqualTo("Ann Own");
    }

    @Test
    void theAccountNumberIsShownMaskedOnEveryPageAndNeverWrittenToTheLogOrAuditTrail(CapturedOutput output) {
        Seller seller = seller("20");
        sale(seller.workflowId());
        bankDetails(seller, "Ada Masked");
        String page = seller.web().get("/seller/payouts").body();
        assertThat(page).contains("Ada Masked").contains("•••• 3000").doesNotContain(IBAN_COMPACT).doesNotContain("0532 0130").doesNotContain("0532013000");

        WebSession.Page refused = seller.web().post("/seller/payouts/method", Map.of("holder", "Ada Typo", "number", "DE89 3704 0044 0532 0130 01"));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("This IBAN is not valid").doesNotContain("0532 0130 01").doesNotContain("0532013001");
        assertThat(seller.web().post("/seller/payouts/method", Map.of("holder", "Ada", "number", "12")).body())
                .contains("account number of 4 to 34 digits");

        Actor admin = admin();
        payouts.createBatch(admin, lastSale(seller.store()).plus(HOLD));
        UUID batch = jdbc.sql("select batch_id from payout where store_id = ?").param(seller.store().value()).query(UUID.class).single();
        WebSession adminWeb = adminWeb();
        assertThat(adminWeb.get("/admin/payouts/batches/" + batch).body()).contains("•••• 3000").doesNotContain(IBAN_COMPACT);
        assertThat(adminWeb.get("/admin/payouts").body()).doesNotContain(IBAN_COMPACT);

        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'payout.method.changed' and target_id = ?")
                .param(seller.store().toString()).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_entry where coalesce(details, '') like ? or coalesce(details, '') like ?")
                .params("%" + IBAN_COMPACT + "%", "%0532 0130%").query(Long.class).single()).isZero();
        assertThat(output.getAll()).doesNotContain(IBAN_COMPACT).doesNotContain("0532 0130");
        assertThat(new BankAccount("Ada", IBAN).toString()).doesNotContain("0532");
    }

    @Test
    void aBatchExportsAsCsvWithTheTransfersToMake() {
        Seller seller = seller("25");
        sale(seller.workflowId());
        bankDetails(seller, "Ada, CSV");
        payouts.createBatch(admin(), lastSale(seller.store()).plus(HOLD));
        UUID payout = livePayouts(seller.store()).getFirst();
        UUID batch = jdbc.sql("select batch_id from payout where id = ?").param(payout).query(UUID.class).single();
        String storeName = jdbc.sql("select name from store where id = ?").param(seller.store().value()).query(String.class).single();

        WebSession admin = adminWeb();
        WebSession.Page csv = admin.get("/admin/payouts/batches/" + batch + "/export").assertStatus(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        List<String> lines = csv.body().replace("\uFEFF", "").lines().toList();
        assertThat(lines.getFirst()).isEqualTo("Payout,Store,Amount,Currency,Status,Account holder,Account,Reference");
        assertThat(lines).contains(payout + "," + storeName + ",22.50,USD,PENDING,\"Ada, CSV\"," + IBAN_COMPACT + ",");
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'payout.batch.exported' and target_id = ?").param(batch.toString())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(admin.get("/admin/payouts/batches/" + UUID.randomUUID() + "/export").status()).isEqualTo(404);
    }

    @Test
    void ibanCheckDigitsAreChecked() {
        assertThat(BankAccount.validIban(IBAN_COMPACT)).isTrue();
        assertThat(BankAccount.validIban("GB82WEST12345698765432")).isTrue();
        assertThat(BankAccount.validIban("GB82WEST12345698765433")).isFalse();
        assertThat(new BankAccount("Ada", "gb82 west 1234 5698 7654 32").masked()).isEqualTo("•••• 5432");
        assertThatThrownBy(() -> new BankAccount(" ", IBAN)).isInstanceOf(DomainException.class);
    }
}
