package app.flowmarket.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import app.flowmarket.IntegrationTest;
import app.flowmarket.account.AccountManagement;
import app.flowmarket.support.Fixtures;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The guided tour a new buyer meets on their first sign-in: skipped for good, taken again from the help menu, resumed, in Chromium. */
@IntegrationTest
class OnboardingTourBrowserTests extends BrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountManagement accounts;

    @Autowired
    JdbcClient jdbc;

    String base() {
        return "http://localhost:" + port;
    }

    private Page signIn(BrowserContext context, String email) {
        Page page = context.newPage();
        page.navigate(base() + "/login");
        page.getByLabel("E-mail").fill(email);
        page.getByLabel("Password").fill(Fixtures.PASSWORD);
        page.waitForResponse(response -> response.url().equals(base() + "/tour"),
                () -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click());
        return page;
    }

    private String status(String email) {
        return jdbc.sql("select t.status || ':' || t.step from onboarding_tour t join account a on a.id = t.account_id where lower(a.email) = lower(?)")
                .param(email).query(String.class).optional().orElse("none");
    }

    @Test
    void theTourGreetsANewBuyerOnceIsSkippedWithEscapeAndIsTakenAgainFromTheHelpMenu() {
        String email = Fixtures.uniqueEmail("tour-buyer");
        accounts.createVerified(email, Fixtures.PASSWORD, "Tina Tour");
        try (BrowserContext context = chromiumBrowser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800))) {
            Page page = signIn(context, email);
            var popover = page.locator(".driver-popover");
            assertThat(popover).isVisible();
            assertThat(popover.locator(".driver-popover-title")).hasText("Welcome to Flowmarket");
            assertThat(popover.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Next"))).isFocused();

            // the keyboard moves on, and the step reached is kept
            page.keyboard().press("Enter");
            assertThat(popover.locator(".driver-popover-title")).hasText("Search");
            assertThat(page.locator("#header-q")).hasClass(java.util.regex.Pattern.compile("driver-active-element"));
            org.awaitility.Awaitility.await().until(() -> status(email).equals("STARTED:1"));

            // Esc skips it, for good
            page.keyboard().press("Escape");
            assertThat(popover).hasCount(0);
            org.awaitility.Awaitility.await().until(() -> status(email).startsWith("SKIPPED"));
        }
        try (BrowserContext context = chromiumBrowser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800))) {
            Page page = signIn(context, email);
            page.waitForLoadState();
            assertThat(page.locator(".driver-popover")).hasCount(0);

            // the help menu brings it back from its first step
            page.locator("#help-menu > summary").click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Take the tour again")).click();
            assertThat(page.locator(".driver-popover .driver-popover-title")).hasText("Welcome to Flowmarket");
            assertThat(status(email)).isEqualTo("STARTED:0");
        }
    }

    @Test
    void aTourLeftHalfWayResumesAtItsStepAndWalksToTheNextPage() {
        String email = Fixtures.uniqueEmail("tour-resume");
        UUID id = accounts.createVerified(email, Fixtures.PASSWORD, "Rae Resume");
        jdbc.sql("insert into onboarding_tour (account_id, tour, status, step, updated_at) values (?, 'buyer', 'STARTED', 1, now())").param(id).update();
        try (BrowserContext context = chromiumBrowser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844).setIsMobile(true))) {
            Page page = signIn(context, email);
            var title = page.locator(".driver-popover .driver-popover-title");
            assertThat(title).hasText("Search");
            var saves = new java.util.concurrent.CopyOnWriteArrayList<Integer>();
            page.onResponse(response -> {
                if (response.url().equals(base() + "/tour/step")) {
                    saves.add(response.status());
                }
            });
            page.locator(".driver-popover").getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Next")).click();
            page.waitForURL(base() + "/workflows");
            // the step reached is saved before the tour walks on to the page it belongs to
            assertThat(status(email)).as("the step saved (the saves were answered " + saves + ")").isEqualTo("STARTED:2");
            assertThat(title).hasText("Compare");
        }
    }
}
