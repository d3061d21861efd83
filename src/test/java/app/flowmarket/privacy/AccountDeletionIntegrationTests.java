package app.flowmarket.privacy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.flowmarket.IntegrationTest;
import app.flowmarket.account.AccountManagement;
import app.flowmarket.catalog.CatalogManagement;
import app.flowmarket.newsletter.Newsletter;
import app.flowmarket.shared.WorkflowId;
import app.flowmarket.store.StoreManagement;
import app.flowmarket.support.Fixtures;
import app.flowmarket.support.Mailbox;
import app.flowmarket.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Settings → Privacy → "Delete my account": re-authentication, a grace period that signing in can cancel, then erasure. */
@IntegrationTest
class AccountDeletionIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    AccountManagement accounts;

    @Autowired
    CatalogManagement catalog;

    @Autowired
    StoreManagement stores;

    @Autowired
    Newsletter newsletter;

    @Autowired
    JdbcClient jdbc;

    UUID accountId(String email) {
        return jdbc.sql("select id from account where email = ?").param(email).query(UUID.class).single();
    }

    /** The grace period is over: the deletion is due now (as it would be 14 days later). */
    void graceIsOver(UUID accountId) {
        jdbc.sql("update privacy_deletion set due_at = now() - interval '1 minute', next_attempt_at = now() - interval '1 minute' where account_id = ?")
                .param(accountId).update();
    }

    void awaitDeleted(UUID accountId) {
        await().atMost(Duration.ofSeconds(60)).until(() -> "DONE".equals(jdbc.sql("select status from privacy_deletion where account_id = ?")
                .param(accountId).query(String.class).optional().orElse("")));
    }

    /** Every text column of every table that holds the text, as "table.column". */
    List<String> columnsHolding(String text) {
        List<String> found = new ArrayList<>();
        List<Map<String, Object>> columns = jdbc.sql("""
                select table_name, column_name from information_schema.columns
                where table_schema = current_schema() and data_type in ('text', 'character varying', 'json', 'jsonb', 'character')""")
                .query().listOfRows();
        for (Map<String, Object> column : columns) {
            String table = (String) column.get("table_name");
            String name = (String) column.get("column_name");
            long count = jdbc.sql("select count(*) from \"" + table + "\" where position(lower(?) in lower(\"" + name + "\"::text)) > 0")
                    .param(text).query(Long.class).single();
            if (count > 0) {
                found.add(table + "." + name);
            }
        }
        return found;
    }

    @Test
    void thePageSaysWhatIsDeletedAndWhatIsKeptAndAsksForThePassword() {
        String email = Fixtures.uniqueEmail("summary");
        accounts.createVerified(email, Fixtures.PASSWORD, "Summary");
        WebSession browser = new WebSession(port).signIn(email, Fixtures.PASSWORD);

        String page = browser.get("/settings/privacy").assertStatus(200).body();
        assertThat(page).contains("Delete my account", "Your e-mail address, name, password and roles",
                "Orders, invoices and the ledger", "Your reviews, signed “Deleted user”");

        WebSession.Page wrong = browser.post("/settings/privacy/delete", Map.of("password", "not-it"));
        assertThat(wrong.status()).isEqualTo(200);
        assertThat(wrong.body()).contains("Your current password is not correct.");
        assertThat(jdbc.sql("select count(*) from privacy_deletion where account_id = ?").param(accountId(email)).query(Long.class).single()).isZero();
        assertThat(browser.get("/settings").status()).isEqualTo(200);
    }

    @Test
    void afterTheGracePeriodNoPersonalDataIsLeftInAnyTableWhileInvoicesRemain() {
        EveryFeatureUser user = EveryFeatureUser.create(port, accounts, catalog, stores, newsletter);
        UUID id = accountId(user.email());
        // a password change leaves an event naming the address in the publication log
        String password = "orchid-Granite-lantern-52";
        user.browser().post("/settings/password", Map.of("currentPassword", Fixtures.PASSWORD, "newPassword", password)).assertStatus(302);
        WebSession other = new WebSession(port).signIn(user.email(), password);
        EveryFeatureUser.exportAndAwait(user.browser());
        long orders = jdbc.sql("select count(*) from purchase_order where buyer_id = ?").param(id).query(Long.class).single();
        assertThat(orders).isPositive();

        WebSession.Page requested = user.browser().post("/settings/privacy/delete", Map.of("password", password)).assertStatus(302);
        assertThat(requested.location()).isEqualTo("/");
        assertThat(user.browser().get("/").body()).contains("Your account will be deleted on");
        // every session ended at once, this one and the others
        assertThat(user.browser().get("/settings").status()).isEqualTo(302);
        await().untilAsserted(() -> assertThat(other.get("/settings").status()).isEqualTo(302));
        Mailbox.awaitMail(user.email(), "Your Flowmarket account will be deleted");

        graceIsOver(id);
        awaitDeleted(id);

        assertThat(columnsHolding(user.email())).isEmpty();
        assertThat(columnsHolding(user.name())).isEmpty();
        // invoices and the ledger stay, pointing at an anonymous account
        assertThat(jdbc.sql("select count(*) from purchase_order where buyer_id = ?").param(id).query(Long.class).single()).isEqualTo(orders);
        assertThat(jdbc.sql("select count(*) from ledger_entry l join purchase_order o on o.id = l.order_id where o.buyer_id = ?")
                .param(id).query(Long.class).single()).isPositive();
        assertThat(accounts.find(id).orElseThrow().displayName()).isEqualTo("Deleted user");
        // the review stays, signed "Deleted user"
        assertThat(new WebSession(port).get("/workflows/" + user.workflowSlug() + "/reviews").body()).contains(user.reviewText(), "Deleted user");
        // nobody signs in with the old address and password
        WebSession.Page signIn = new WebSession(port).post("/login", Map.of("email", user.email(), "password", password));
        assertThat(signIn.location()).startsWith("/login?error");
        // the last mail went out before the address was forgotten
        Mailbox.awaitMail(user.email(), "Your Flowmarket account is deleted");
    }

    @Test
    void signingInDuringTheGracePeriodOffersToCancel() {
        String email = Fixtures.uniqueEmail("changed-mind");
        accounts.createVerified(email, Fixtures.PASSWORD, "Changed Mind");
        WebSession browser = new WebSession(port).signIn(email, Fixtures.PASSWORD);
        browser.post("/settings/privacy/delete", Map.of("password", Fixtures.PASSWORD)).assertStatus(302);

        WebSession back = new WebSession(port).signIn(email, Fixtures.PASSWORD);
        WebSession.Page first = back.get("/");
        assertThat(first.location()).isEqualTo("/settings/privacy");
        assertThat(back.get("/settings/privacy").body()).contains("Your account will be deleted on", "Cancel the deletion and keep my account");
        // asked once: the person may go on browsing
        assertThat(back.get("/").status()).isEqualTo(200);

        back.post("/settings/privacy/delete/cancel", Map.of()).assertStatus(302);

        assertThat(back.get("/settings/privacy").body()).contains("Your account will not be deleted.");
        graceIsOver(accountId(email));
        assertThat(jdbc.sql("select status from privacy_deletion where account_id = ?").param(accountId(email)).query(String.class).single())
                .isEqualTo("CANCELLED");
        Mailbox.awaitMail(email, "Your Flowmarket account will not be deleted");
        assertThat(accounts.find(accountId(email)).orElseThrow().email()).isEqualTo(email);
    }

    @Test
    void aDeletionThatStoppedHalfwayResumesWithThePartsNotYetDone() {
        EveryFeatureUser user = EveryFeatureUser.create(port, accounts, catalog, stores, newsletter);
        UUID id = accountId(user.email());
        user.browser().post("/settings/privacy/delete", Map.of("password", Fixtures.PASSWORD)).assertStatus(302);
        // as left by a node that died after erasing two parts
        jdbc.sql("update privacy_deletion set status = 'ERASING', steps_done = 'orders,follows,' where account_id = ?").param(id).update();
        jdbc.sql("delete from store_follow where follower_id = ?").param(id).update();

        graceIsOver(id);
        awaitDeleted(id);

        assertThat(columnsHolding(user.email())).isEmpty();
        assertThat(jdbc.sql("select count(*) from search_history where account_id = ?").param(id).query(Long.class).single()).isZero();
    }

    @Test
    void aDeletedSellersWorkflowsAreUnlistedAndBuyersKeepWhatTheyBought() {
        EveryFeatureUser buyer = EveryFeatureUser.create(port, accounts, catalog, stores, newsletter);
        UUID workflowId = catalog.purchasableBySlug(buyer.workflowSlug()).orElseThrow().id();
        buyer.seller().post("/settings/privacy/delete", Map.of("password", Fixtures.PASSWORD)).assertStatus(302);
        UUID sellerId = stores.findBySlug(buyer.storeSlug()).orElseThrow().ownerId();

        graceIsOver(sellerId);
        awaitDeleted(sellerId);

        assertThat(catalog.purchasable(WorkflowId.of(workflowId)).orElseThrow().published()).isFalse();
        assertThat(buyer.browser().get("/library").body()).contains("Invoice sync " + buyer.searchWord());
    }
}
