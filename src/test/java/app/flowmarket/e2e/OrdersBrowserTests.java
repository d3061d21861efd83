package app.flowmarket.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;

import app.flowmarket.IntegrationTest;
import app.flowmarket.account.AccountManagement;
import app.flowmarket.catalog.SellerFixture;
import app.flowmarket.support.Fixtures;
import app.flowmarket.support.WebSession;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The buyer's orders in Chromium: every order's status, and a pending one paid or cancelled from the list. */
@IntegrationTest
class OrdersBrowserTests extends BrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountManagement accounts;

    @Autowired
    JdbcClient jdbc;

    String slugOf(String workflowId) {
        return jdbc.sql("select slug from workflow where id = ?::uuid").param(workflowId).query(String.class).single();
    }

    void checkOut(Page page, String base, String slug) {
        page.navigate(base + "/workflows/" + slug);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add to cart")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Check out")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue to payment")).click();
        assertThat(page.locator("h1")).hasText("Test payment");
    }

    @Test
    void theOrderListShowsEachStatusAndAPendingOrderCanBePaidOrCancelledFromIt() {
        String base = "http://localhost:" + port;
        WebSession seller = SellerFixture.newSeller(port);
        String paid = SellerFixture.publishedWorkflow(seller, "Listed paid " + Fixtures.uniqueSlug("p"), "n8n", "8");
        String pending = SellerFixture.publishedWorkflow(seller, "Listed pending " + Fixtures.uniqueSlug("q"), "n8n", "6");
        String email = Fixtures.uniqueEmail("orders-browser");
        accounts.createVerified(email, Fixtures.PASSWORD, "Olivia Orders");

        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate(base + "/login");
            page.getByLabel("E-mail").fill(email);
            page.getByLabel("Password").fill(Fixtures.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();

            checkOut(page, base, slugOf(paid));
            page.getByLabel("Card number").fill("4242 4242 4242 4242");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pay $8")).click();
            assertThat(page.locator("#order-status")).containsText("Paid. Thank you", new LocatorAssertions.ContainsTextOptions().setTimeout(20_000));

            checkOut(page, base, slugOf(pending));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Cancel and go back")).click();
            assertThat(page.locator("#order-status")).containsText("This order is waiting for your payment");

            page.navigate(base + "/orders");
            Locator rows = page.locator("tbody tr");
            assertThat(rows).hasCount(2);
            assertThat(rows.nth(0).locator("td").nth(3)).hasText("Pending");
            assertThat(rows.nth(1).locator("td").nth(3)).hasText("Paid");
            assertThat(rows.nth(1).getByRole(AriaRole.BUTTON)).hasCount(0);

            rows.nth(0).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Pattern.compile("^Pay now"))).click();
            assertThat(page.locator("h1")).hasText("Test payment");
            assertThat(page.locator("main")).containsText("$6");

            page.navigate(base + "/orders");
            page.locator("tbody tr").nth(0).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Pattern.compile("^Cancel"))).click();
            assertThat(page.getByText("Your order was cancelled. Nothing was charged.")).isVisible();
            assertThat(page.locator("tbody tr").nth(0).locator("td").nth(3)).hasText("Cancelled");
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Pay now")))).hasCount(0);

            page.navigate(base + "/orders?lang=fr");
            assertThat(page.locator("tbody tr").nth(0).locator("td").nth(3)).hasText("Annulée");
            assertThat(page.locator("tbody tr").nth(1).locator("td").nth(3)).hasText("Payée");
        }
    }
}
