package app.flowmarket.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import app.flowmarket.IntegrationTest;
import app.flowmarket.account.AccountManagement;
import app.flowmarket.catalog.CatalogManagement;
import app.flowmarket.newsletter.Newsletter;
import app.flowmarket.shared.CurrentUser;
import app.flowmarket.shared.DomainException;
import app.flowmarket.store.StoreManagement;
import app.flowmarket.support.Fixtures;
import app.flowmarket.support.Mailbox;
import app.flowmarket.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Settings → Privacy → "Export my data": everything about the person, nothing about anyone else. */
@IntegrationTest
class DataExportIntegrationTests {

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
    DataExports exports;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theExportHoldsEveryCategoryOfAPersonWhoUsedEveryFeatureAndNothingAboutOthers() {
        EveryFeatureUser user = EveryFeatureUser.create(port, accounts, catalog, stores, newsletter);
        // someone else who bought and reviewed the same workflow
        EveryFeatureUser other = EveryFeatureUser.create(port, accounts, catalog, stores, newsletter);

        String path = EveryFeatureUser.exportAndAwait(user.browser());
        assertThat(Mailbox.body(Mailbox.awaitMail(user.email(), "Your Flowmarket data is ready"))).contains("/settings/privacy");
        EveryFeatureUser.Download zip = EveryFeatureUser.download(port, user.browser(), path);

        assertThat(zip.status()).isEqualTo(200);
        assertThat(zip.disposition()).startsWith("attachment").contains(".zip");
        assertThat(zip.file("account/profile.json")).contains(user.email(), user.name());
        assertThat(zip.file("account/profile.csv")).startsWith("id,email,display_name");
        assertThat(zip.file("orders/orders.json")).contains("PAID");
        assertThat(zip.file("orders/order-lines.csv")).contains("Invoice sync " + user.searchWord());
        assertThat(zip.file("licences/licences.json")).contains("workflow_id");
        assertThat(zip.file("reviews/reviews.json")).contains(user.reviewText());
        assertThat(zip.file("follows/stores-followed.json")).contains(user.storeSlug());
        assertThat(zip.file("searches/history.json")).contains(user.searchWord());
        assertThat(zip.file("searches/saved-searches.json")).contains("Invoices " + user.searchWord());
        assertThat(zip.file("newsletter/subscription.json")).contains(user.email(), "PENDING");
        assertThat(zip.file("notifications/notifications.json")).contains("SECURITY_ALERT");
        assertThat(zip.file("security/sign-ins.csv").lines().count()).as("header and two sign-ins").isEqualTo(3);
        assertThat(zip.file("security/sessions.json")).contains("Firefox 132");
        assertThat(zip.file("mails/sent-to-you.json")).contains("New sign-in to your Flowmarket account");
        assertThat(zip.file("activity/security-log.json")).contains("auth.sign-in");
        assertThat(zip.files()).containsKeys("README.md", "store/store.json", "workflows/workflows.json", "privacy/exports.json");
        assertThat(zip.file("README.md")).contains("reviews/reviews.json", "security/sign-ins.json");
        // nothing about the other buyer, who bought and reviewed the same workflow
        assertThat(zip.all()).doesNotContain(other.email(), other.name(), other.reviewText());
    }

    @Test
    void aSellersExportHasTheirStoreWorkflowsFilesAndSalesButNotTheirBuyers() {
        EveryFeatureUser buyer = EveryFeatureUser.create(port, accounts, catalog, stores, newsletter);

        String path = EveryFeatureUser.exportAndAwait(buyer.seller());
        EveryFeatureUser.Download zip = EveryFeatureUser.download(port, buyer.seller(), path);

        assertThat(zip.file("store/store.json")).contains(buyer.storeSlug());
        assertThat(zip.file("workflows/workflows.json")).contains(buyer.workflowSlug());
        assertThat(zip.files().keySet()).anyMatch(name -> name.startsWith("workflows/files/" + buyer.workflowSlug() + "/v1-"));
        assertThat(zip.file("orders/sales.csv")).contains("Invoice sync " + buyer.searchWord());
        assertThat(zip.all()).doesNotContain(buyer.email(), buyer.name());
    }

    @Test
    void onlyItsOwnerSignedInCanDownloadAnExport() {
        EveryFeatureUser user = EveryFeatureUser.create(port, accounts, catalog, stores, newsletter);
        String path = EveryFeatureUser.exportAndAwait(user.browser());

        String stranger = Fixtures.uniqueEmail("stranger");
        accounts.createVerified(stranger, Fixtures.PASSWORD, "Stranger");
        WebSession other = new WebSession(port).signIn(stranger, Fixtures.PASSWORD);
        assertThat(EveryFeatureUser.download(port, other, path).status()).isEqualTo(404);
        assertThat(new WebSession(port).get(path).location()).contains("/login");
        assertThat(user.browser().get("/settings/privacy/export/not-an-id").status()).isEqualTo(404);
    }

    @Test
    void anExpiredLinkNoLongerDownloadsAndItsFileIsDeleted() {
        EveryFeatureUser user = EveryFeatureUser.create(port, accounts, catalog, stores, newsletter);
        String path = EveryFeatureUser.exportAndAwait(user.browser());
        String id = path.substring(path.lastIndexOf('/') + 1);

        jdbc.sql("update privacy_export set expires_at = now() - interval '1 minute' where id = ?::uuid").param(id).update();

        assertThat(EveryFeatureUser.download(port, user.browser(), path).status()).isEqualTo(404);
        org.awaitility.Awaitility.await().until(() -> jdbc.sql("select status from privacy_export where id = ?::uuid").param(id)
                .query(String.class).single().equals("EXPIRED"));
        assertThat(jdbc.sql("select blob_key from privacy_export where id = ?::uuid").param(id).query(String.class).optional()).isEmpty();
    }

    @Test
    void oneExportAtATime() {
        String email = Fixtures.uniqueEmail("once");
        CurrentUser user = accounts.find(accounts.createVerified(email, Fixtures.PASSWORD, "Once")).orElseThrow();

        // both asked before the first is even visible to the job
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            exports.request(user.account());
            exports.request(user.account());
        })).isInstanceOf(DomainException.class).hasMessageContaining("privacy.export.already-running");
    }

    @Test
    void thePrivacyPageShowsProgressWhileTheExportIsBuilt() {
        String email = Fixtures.uniqueEmail("progress");
        accounts.createVerified(email, Fixtures.PASSWORD, "Progress");
        WebSession browser = new WebSession(port).signIn(email, Fixtures.PASSWORD);
        CurrentUser user = accounts.find(jdbc.sql("select id from account where email = ?").param(email).query(java.util.UUID.class).single()).orElseThrow();
        // queued for later, so the page shows it waiting
        java.util.UUID id = exports.request(user.account());
        jdbc.sql("update privacy_export set next_attempt_at = now() + interval '1 hour' where id = ?").param(id).update();

        String page = browser.get("/settings/privacy").assertStatus(200).body();
        assertThat(page).contains("Your export is being prepared", "<progress", "hx-get=\"/settings/privacy/export/progress\"")
                .doesNotContain("action=\"/settings/privacy/export\"");
        assertThat(browser.post("/settings/privacy/export", Map.of()).location()).isEqualTo("/settings/privacy");
        assertThat(browser.get("/settings/privacy").body()).contains("An export is already being prepared: one at a time.");
        assertThat(browser.get("/settings/privacy/export/progress").body()).contains("Waiting for its turn");
    }
}
