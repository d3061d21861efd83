package app.flowmarket.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import app.flowmarket.IntegrationTest;
import app.flowmarket.account.AccountManagement;
import app.flowmarket.catalog.SellerFixture;
import app.flowmarket.shared.CurrencyConverter;
import app.flowmarket.shared.Money;
import app.flowmarket.support.Fixtures;
import app.flowmarket.support.WebSession;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A buyer gets a free workflow in one click, and pays for a cart of workflows priced in two other currencies, in Chromium. */
@IntegrationTest
class BuyingJourneyBrowserTests extends BrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountManagement accounts;

    @Autowired
    CurrencyConverter converter;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aVisitorSignsInAndGetsAFreeWorkflowInOneClickWithoutCartOrPayment() {
        String base = "http://localhost:" + port;
        WebSession seller = SellerFixture.newSeller(port);
        String title = "Free in Chromium " + Fixtures.uniqueSlug("g");
        String slug = slugOf(SellerFixture.publishedWorkflow(seller, title, "n8n", "0"));
        String email = Fixtures.uniqueEmail("free-getter");
        accounts.createVerified(email, Fixtures.PASSWORD, "Fran Free");

        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate(base + "/workflows/" + slug);
            Page.GetByRoleOptions getItFree = new Page.GetByRoleOptions().setName("Get it free");
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add to cart"))).hasCount(0);
            page.getByRole(AriaRole.LINK, getItFree).click();

            // signing in brings the visitor back to the one button that adds it
            page.getByLabel("E-mail").fill(email);
            page.getByLabel("Password").fill(Fixtures.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            assertThat(page.locator("h1")).hasText("Get " + title + " for free");
            page.getByRole(AriaRole.BUTTON, getItFree).click();

            assertThat(page.locator("h1")).hasText("Your library");
            assertThat(page.locator(".flash")).hasText(title + " is now in your library.");
            assertThat(page.locator("main")).not().containsText("Paid");
            page.navigate(base + "/workflows/" + slug);
            assertThat(page.locator(".buy-box")).containsText("You own this workflow");
            page.navigate(base + "/cart");
            assertThat(page.locator("main")).containsText("Your cart is empty.");
        }
    }

    @Test
    void aBuyerPaysForEuroAndPoundWorkflowsInDollarsAndEachSellerIsCreditedInTheirOwnCurrency() {
        String base = "http://localhost:" + port;
        WebSession euroSeller = SellerFixture.newSeller(port);
        WebSession poundSeller = SellerFixture.newSeller(port);
        String euroTitle = "Euro flow " + Fixtures.uniqueSlug("e");
        String poundTitle = "Pound flow " + Fixtures.uniqueSlug("p");
        String euroSlug = slugOf(SellerFixture.publishedWorkflow(euroSeller, Map.of("title", euroTitle, "price", "19.00", "currency", "EUR")));
        String poundSlug = slugOf(SellerFixture.publishedWorkflow(poundSeller, Map.of("title", poundTitle, "price", "10.00", "currency", "GBP")));
        String email = Fixtures.uniqueEmail("mixed-buyer");
        accounts.createVerified(email, Fixtures.PASSWORD, "Max Mixed");
        Currency usd = Currency.getInstance("USD");
        Money euros = converter.convert(Money.of(1900, "EUR"), usd).orElseThrow();
        Money pounds = converter.convert(Money.of(1000, "GBP"), usd).orElseThrow();
        Money total = new Money(euros.minor() + pounds.minor(), usd);

        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("en-US"))) {
            Page page = context.newPage();
            page.navigate(base + "/login");
            page.getByLabel("E-mail").fill(email);
            page.getByLabel("Password").fill(Fixtures.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();

            // an American browser sees dollars first, the seller's own price beside them
            page.navigate(base + "/workflows/" + euroSlug);
            assertThat(page.locator(".buy-box .price")).containsText(euros.format(Locale.US));
            assertThat(page.locator(".buy-box .price")).containsText("€19");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add to cart")).click();
            assertThat(page.locator(".flash")).containsText("Added to your cart");
            page.navigate(base + "/workflows/" + poundSlug);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add to cart")).click();
            assertThat(page.locator(".flash")).containsText("Added to your cart");
            assertThat(page.locator("main")).containsText(euroTitle);
            assertThat(page.locator("main")).containsText(poundTitle);

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Check out")).click();
            assertThat(page.locator("h1")).hasText("Checkout");
            assertThat(page.locator(".summary-lines")).containsText("seller’s price €19");
            assertThat(page.locator(".summary-lines")).containsText("seller’s price £10");
            assertThat(page.locator(".rates-note")).containsText("1 EUR = ");
            assertThat(page.locator(".rates-note")).containsText("1 GBP = ");
            assertThat(page.locator("main .price")).containsText(total.format(Locale.US));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue to payment")).click();

            assertThat(page.locator("h1")).hasText("Test payment");
            page.getByLabel("Card number").fill("4242 4242 4242 4242");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pay " + total.format(Locale.US))).click();
            assertThat(page.locator("#order-status")).containsText("Paid. Thank you",
                    new LocatorAssertions.ContainsTextOptions().setTimeout(20_000));
            assertThat(page.locator("main")).containsText("1 EUR = ");
        }

        // the buyer paid dollars; each seller's sale is in the ledger in the seller's own currency
        List<String> sales = jdbc.sql("""
                select e.amount_minor || ' ' || e.currency from ledger_entry e join order_line l on l.id = e.order_line_id
                join purchase_order o on o.id = l.order_id join account a on a.id = o.buyer_id
                where a.email = ? and e.account_type = 'SELLER' and e.entry_type = 'SALE' order by e.currency""")
                .param(email).query(String.class).list();
        assertThat(sales).containsExactly("1710 EUR", "900 GBP");
        assertThat(jdbc.sql("select o.total_minor || ' ' || o.currency from purchase_order o join account a on a.id = o.buyer_id where a.email = ?")
                .param(email).query(String.class).single()).isEqualTo(total.minor() + " USD");
    }

    private String slugOf(String workflowId) {
        return jdbc.sql("select slug from workflow where id = ?::uuid").param(workflowId).query(String.class).single();
    }
}
