package app.flowmarket.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import app.flowmarket.IntegrationTest;
import app.flowmarket.account.AccountManagement;
import app.flowmarket.catalog.SellerFixture;
import app.flowmarket.support.Fixtures;
import app.flowmarket.support.Mailbox;
import app.flowmarket.support.Shopper;
import app.flowmarket.support.WebSession;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A seller refunds a sale and archives a workflow — each asks first, in a dialog, and says what will happen —
 * with and without JavaScript; and a refused new listing keeps its file for the retry. In Chromium.
 */
@IntegrationTest
class SellerConfirmationsBrowserTests extends BrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountManagement accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void refundAsksInADialogSayingWhatHappensAndCancellingChangesNothing() {
        String sellerEmail = Fixtures.uniqueEmail("refunder");
        WebSession seller = seller(sellerEmail);
        String title = "Refundable " + Fixtures.uniqueSlug("r");
        String workflowId = SellerFixture.publishedWorkflow(seller, title, "n8n", "12.50");
        WebSession buyer = new WebSession(port);
        String buyerEmail = Fixtures.uniqueEmail("refunded");
        accounts.createVerified(buyerEmail, Fixtures.PASSWORD, "Rita Refund");
        buyer.signIn(buyerEmail, Fixtures.PASSWORD);
        Shopper.awaitOrderText(buyer, Shopper.pay(buyer, Shopper.buy(buyer, workflowId), Shopper.GOOD_CARD), "Paid. Thank you");

        try (BrowserContext context = signedIn(sellerEmail, true)) {
            Page page = context.pages().get(0);
            page.navigate("http://localhost:" + port + "/seller/sales");
            Locator refund = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Refund " + title + " to Rita Refund"));
            refund.click();
            Locator dialog = page.getByRole(AriaRole.DIALOG);
            assertThat(dialog).isVisible();
            assertThat(dialog.locator("h2")).hasText("Refund “" + title + "” to Rita Refund?");
            assertThat(dialog).containsText("The buyer gets back $12.50");
            assertThat(dialog).containsText("Their access to the workflow ends");
            assertThat(dialog).containsText("A refund cannot be undone.");
            dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel")).click();
            assertThat(dialog).isHidden();
            assertThat(lineStatus(workflowId)).isEqualTo("ACTIVE");

            refund.click();
            assertThat(dialog).isVisible();
            page.keyboard().press("Escape");
            assertThat(dialog).isHidden();
            refund.click();
            dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Refund $12.50")).click();
            assertThat(page.locator(".flash")).containsText("The refund is done.");
            assertThat(lineStatus(workflowId)).isEqualTo("REFUNDED");
            assertThat(page.locator("main table")).containsText("Refunded");
        }
    }

    @Test
    void archiveAsksOnItsOwnPageWithoutJavaScriptThenArchives() {
        String sellerEmail = Fixtures.uniqueEmail("archiver");
        WebSession seller = seller(sellerEmail);
        String title = "Archivable " + Fixtures.uniqueSlug("a");
        String workflowId = SellerFixture.publishedWorkflow(seller, title, "n8n", "5");

        try (BrowserContext context = signedIn(sellerEmail, false)) {
            Page page = context.pages().get(0);
            page.navigate("http://localhost:" + port + "/seller/workflows");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Archive " + title)).click();
            assertThat(page.locator("h1")).hasText("Archive “" + title + "”?");
            assertThat(page.locator("main")).containsText("People who already have it keep it in their library");
            assertThat(jdbc.sql("select status from workflow where id = ?::uuid").param(workflowId).query(String.class).single())
                    .isEqualTo("PUBLISHED");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Archive it")).click();
            assertThat(page.locator(".flash")).containsText("The workflow is archived");
            assertThat(jdbc.sql("select status from workflow where id = ?::uuid").param(workflowId).query(String.class).single())
                    .isEqualTo("ARCHIVED");
        }
    }

    @Test
    void aRefusedNewListingKeepsItsFileAndTheRetryNeedsNoNewChoice() throws Exception {
        String sellerEmail = Fixtures.uniqueEmail("retrier");
        seller(sellerEmail);
        String title = "Kept file " + Fixtures.uniqueSlug("k");
        Path file = Files.createTempFile("kept", ".json");
        Files.write(file, Fixtures.n8nWorkflow(title));
        try (BrowserContext context = signedIn(sellerEmail, true)) {
            Page page = context.pages().get(0);
            page.navigate("http://localhost:" + port + "/seller/workflows/new");
            page.getByLabel("Title").fill(title);
            page.getByLabel("Short summary").fill("Keeps what was chosen.");
            page.getByLabel("Price", new Page.GetByLabelOptions().setExact(true)).fill("twelve");
            page.getByLabel("Workflow file").setInputFiles(file);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create draft")).click();

            assertThat(page.locator(".form-error")).isVisible();
            assertThat(page.locator("#file-kept")).containsText("Your file " + file.getFileName() + " (1 KB) is kept");
            page.getByLabel("Price", new Page.GetByLabelOptions().setExact(true)).fill("12");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create draft")).click();
            assertThat(page.locator(".flash")).containsText("Your draft is saved");
            List<String> titles = jdbc.sql("select w.title from workflow w join workflow_version v on v.workflow_id = w.id where w.title = ?")
                    .param(title).query(String.class).list();
            assertThat(titles).containsExactly(title);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private WebSession seller(String email) {
        WebSession browser = new WebSession(port);
        browser.post("/signup", java.util.Map.of("displayName", "Seller", "email", email, "password", Fixtures.PASSWORD)).assertStatus(200);
        browser.get(Mailbox.link(Mailbox.awaitMail(email, "Confirm"), "/verify-email")).assertStatus(200);
        browser.signIn(email, Fixtures.PASSWORD);
        browser.post("/stores/new", java.util.Map.of("name", "Store " + email.substring(0, 12), "slug", Fixtures.uniqueSlug("store"), "bio", ""))
                .assertStatus(302);
        return browser;
    }

    private BrowserContext signedIn(String email, boolean javaScript) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setJavaScriptEnabled(javaScript));
        Page page = context.newPage();
        page.navigate("http://localhost:" + port + "/login");
        page.getByLabel("E-mail").fill(email);
        page.getByLabel("Password").fill(Fixtures.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL("http://localhost:" + port + "/");
        return context;
    }

    private String lineStatus(String workflowId) {
        return jdbc.sql("select status from order_line where kind = 'WORKFLOW' and ref_id = ?::uuid")
                .param(workflowId).query(String.class).single();
    }
}
