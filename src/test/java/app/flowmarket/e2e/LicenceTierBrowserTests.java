package app.flowmarket.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import app.flowmarket.IntegrationTest;
import app.flowmarket.account.AccountManagement;
import app.flowmarket.catalog.SellerFixture;
import app.flowmarket.support.Fixtures;
import app.flowmarket.support.WebSession;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A buyer picks the five-seat team licence with the keyboard, applies the store's WELCOME10 code and pays, in Chromium. */
@IntegrationTest
class LicenceTierBrowserTests extends BrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountManagement accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void pickTheTeamLicenceApplyACouponAndBuyAFiveSeatLicence() {
        String base = "http://localhost:" + port;
        WebSession seller = SellerFixture.newSeller(port);
        String title = "Team licence in Chromium " + Fixtures.uniqueSlug("c");
        String workflowId = SellerFixture.publishedWorkflow(seller, Map.of("title", title, "price", "29",
                "teamOffered", "on", "teamPrice", "87", "companyOffered", "on", "companyPrice", "290"));
        Map<String, String> code = new HashMap<>(Map.of("code", "WELCOME10", "value", "10", "kind", "percent", "scope", "store", "startsOn", "",
                "endsOn", "", "maxUses", "", "minimum", ""));
        seller.post("/seller/coupons", code).assertStatus(302);
        String slug = jdbc.sql("select slug from workflow where id = ?::uuid").param(workflowId).query(String.class).single();
        String email = Fixtures.uniqueEmail("team-buyer");
        accounts.createVerified(email, Fixtures.PASSWORD, "Tia Team");

        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate(base + "/login");
            page.getByLabel("E-mail").fill(email);
            page.getByLabel("Password").fill(Fixtures.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            page.waitForURL(base + "/");

            page.navigate(base + "/workflows/" + slug);
            var single = page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName(Pattern.compile("Single user")));
            var team = page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName(Pattern.compile("Team \\(5 seats\\)")));
            assertThat(single).isChecked();
            assertThat(page.locator(".tier-picker")).containsText("$87");
            // the radio group works with the keyboard: the arrow key moves the choice from single to team
            single.focus();
            page.keyboard().press("ArrowDown");
            assertThat(team).isChecked();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add to cart")).click();

            assertThat(page.locator("h1")).hasText("Your cart");
            assertThat(page.locator("main")).containsText("Team licence — 5 seats");
            page.getByLabel("Promo code").fill("welcome10");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply")).click();
            assertThat(page.locator("main")).containsText("Total: $78.30");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Check out")).click();
            assertThat(page.locator("h1")).hasText("Checkout");
            assertThat(page.locator("main")).containsText("Team licence — 5 seats");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue to payment")).click();
            assertThat(page.locator("h1")).hasText("Test payment");
            page.getByLabel("Card number").fill("4242 4242 4242 4242");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pay $78.30")).click();
            assertThat(page.locator("#order-status")).containsText("Paid. Thank you",
                    new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(20_000));
            assertThat(page.locator("main")).containsText("Team licence — 5 seats");
        }
        assertThat(jdbc.sql("""
                select l.tier || ' ' || ol.charged_minor || ' ' || ol.coupon_code from licence l join order_line ol on ol.id = l.order_line_id
                where ol.ref_id = ?::uuid""").param(workflowId).query(String.class).single()).isEqualTo("TEAM 7830 WELCOME10");
    }
}
