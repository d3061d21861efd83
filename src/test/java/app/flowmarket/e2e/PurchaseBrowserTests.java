package app.flowmarket.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;

import app.flowmarket.IntegrationTest;
import app.flowmarket.account.AccountManagement;
import app.flowmarket.catalog.SellerFixture;
import app.flowmarket.support.Fixtures;
import app.flowmarket.support.WebSession;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A buyer adds a workflow to the cart, pays with the test card and downloads it, in Chromium. */
@IntegrationTest
class PurchaseBrowserTests extends BrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountManagement accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void addToCartCheckOutWithTheTestCardAndDownload() throws Exception {
        String base = "http://localhost:" + port;
        WebSession seller = SellerFixture.newSeller(port);
        String title = "Bought in Chromium " + Fixtures.uniqueSlug("c");
        String workflowId = SellerFixture.publishedWorkflow(seller, title, "n8n", "12.50");
        String slug = jdbc.sql("select slug from workflow where id = ?::uuid").param(workflowId).query(String.class).single();
        String email = Fixtures.uniqueEmail("chromium-buyer");
        accounts.createVerified(email, Fixtures.PASSWORD, "Chris Chromium");

        try (BrowserContext context = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setAcceptDownloads(true))) {
            Page page = context.newPage();
            // shopping starts signed out: the cart survives signing in
            page.navigate(base + "/workflows/" + slug);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add to cart")).click();
            assertThat(page.locator("h1")).hasText("Your cart");
            assertThat(page.locator("main")).containsText(title);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Check out")).click();

            page.getByLabel("E-mail").fill(email);
            page.getByLabel("Password").fill(Fixtures.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            assertThat(page.locator("h1")).hasText("Checkout");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue to payment")).click();

            assertThat(page.locator("h1")).hasText("Test payment");
            page.getByLabel("Card number").fill("4000 0000 0000 0002");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pay $12.50")).click();
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("Your card was declined.");
            page.getByLabel("Card number").fill("4242 4242 4242 4242");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pay $12.50")).click();

            // the order page polls (htmx) until the processor's webhook confirms the payment
            assertThat(page.locator("#order-status")).containsText("Paid. Thank you",
                    new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(20_000));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Go to your library")).click();
            assertThat(page.locator("main")).containsText(title);

            Download download = page.waitForDownload(() -> page.getByText("Download").first().click());
            String content = Files.readString(download.path());
            assertThat(content).isEqualTo(new String(Fixtures.n8nWorkflow(title)));
            assertThat(download.suggestedFilename()).endsWith(".json");
        }
    }
}
