package app.flowmarket.e2e;

import java.util.Map;

import app.flowmarket.IntegrationTest;
import app.flowmarket.account.AccountManagement;
import app.flowmarket.shared.AccountId;
import app.flowmarket.shared.CurrentUser;
import app.flowmarket.store.StoreManagement;
import app.flowmarket.support.Fixtures;
import app.flowmarket.support.Shopper;
import app.flowmarket.support.WebSession;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The bell updates live (server-sent events) when a sale happens elsewhere. */
@IntegrationTest
class NotificationBellBrowserTests extends BrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountManagement accounts;

    @Autowired
    StoreManagement stores;

    @Test
    void theBellCountsANewSaleWithoutReloadingThePage() {
        String base = "http://localhost:" + port;
        String sellerEmail = Fixtures.uniqueEmail("bell-seller");
        CurrentUser seller = accounts.find(accounts.createVerified(sellerEmail, Fixtures.PASSWORD, "Bell Seller")).orElseThrow();
        stores.open(AccountId.of(seller.id()), new StoreManagement.StoreProfile("Bell Store", Fixtures.uniqueSlug("bell"), "", null, null, null));
        WebSession sellerHttp = new WebSession(port).signIn(sellerEmail, Fixtures.PASSWORD);
        String workflowId = app.flowmarket.catalog.SellerFixture.publishedWorkflow(sellerHttp, "Bell ringer " + Fixtures.uniqueSlug("r"), "n8n", "0");

        try (BrowserContext context = browser.newContext()) {
            // the seller's own browser, known from signing in before: a new device would ring the bell with a security alert
            context.addCookies(java.util.List.of(new com.microsoft.playwright.options.Cookie("flowmarket-device", sellerHttp.cookie("flowmarket-device"))
                    .setDomain("localhost").setPath("/login")));
            Page page = context.newPage();
            page.navigate(base + "/login");
            page.getByLabel("E-mail").fill(sellerEmail);
            page.getByLabel("Password").fill(Fixtures.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            page.waitForURL(base + "/");
            assertThat(page.locator(".bell-count")).isHidden();

            // a buyer, elsewhere, gets the free workflow
            String buyerEmail = Fixtures.uniqueEmail("bell-buyer");
            accounts.createVerified(buyerEmail, Fixtures.PASSWORD, "Bell Buyer");
            WebSession buyer = new WebSession(port).signIn(buyerEmail, Fixtures.PASSWORD);
            Shopper.buy(buyer, workflowId);

            assertThat(page.locator(".bell-count")).hasText("1", new LocatorAssertions.HasTextOptions().setTimeout(20_000));
            page.locator(".bell summary").click();
            assertThat(page.locator(".bell-menu")).containsText("New sale of");
        }
    }
}
