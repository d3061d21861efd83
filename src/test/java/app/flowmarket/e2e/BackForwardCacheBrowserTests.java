package app.flowmarket.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import app.flowmarket.IntegrationTest;
import app.flowmarket.account.AccountManagement;
import app.flowmarket.catalog.SellerFixture;
import app.flowmarket.support.Fixtures;
import app.flowmarket.support.WebSession;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.WaitUntilState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** "Back" to a visitor's workflow page shows it from Chromium's back/forward cache, with forms that still work. */
@IntegrationTest
class BackForwardCacheBrowserTests extends BrowserTest {

    /** Chromium as people run it: the test driver turns the back/forward cache off unless told not to. */
    static Browser withBackForwardCache;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountManagement accounts;

    String title;
    String workflow;
    String store;

    @BeforeAll
    static void launchWithBackForwardCache() {
        withBackForwardCache = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(chromium())
                .setHeadless(true)
                .setIgnoreDefaultArgs(List.of("--disable-back-forward-cache"))
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run")));
    }

    @AfterAll
    static void closeIt() {
        if (withBackForwardCache != null) {
            withBackForwardCache.close();
        }
    }

    @BeforeEach
    void aWorkflowForSale() {
        WebSession seller = SellerFixture.newSeller(port);
        title = "Back and forth " + Fixtures.uniqueSlug("bf");
        String id = SellerFixture.publishedWorkflow(seller, title, "n8n", "9");
        workflow = "/workflows/" + jdbc.sql("select slug from workflow where id = ?::uuid").param(id).query(String.class).single();
        store = "/stores/" + jdbc.sql("select s.slug from store s join workflow w on w.store_id = s.id where w.id = ?::uuid").param(id)
                .query(String.class).single();
    }

    String base() {
        return "http://localhost:" + port;
    }

    /** Marks the page in memory: a page loaded again has no mark, one brought back from the cache has it and was shown "persisted". */
    private static void mark(Page page) {
        page.evaluate("() => { window.leftHere = true; window.broughtBack = false;"
                + " addEventListener('pageshow', (event) => { window.broughtBack = event.persisted; }); }");
    }

    @Test
    void backToAWorkflowPageShowsItFromTheCacheAndItsAddToCartStillWorks() {
        try (BrowserContext context = withBackForwardCache.newContext()) {
            Page page = context.newPage();
            // every part of the page has arrived (Chrome keeps no copy of a page left with a request still open)
            page.navigate(base() + workflow, new Page.NavigateOptions().setWaitUntil(WaitUntilState.NETWORKIDLE));
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add to cart"))).isVisible();
            mark(page);

            page.locator(".byline a[href='" + store + "']").click();
            page.waitForURL(base() + store);
            page.goBack(new Page.GoBackOptions().setWaitUntil(WaitUntilState.COMMIT));
            page.waitForFunction("() => window.broughtBack === true");
            assertThat(page.evaluate("() => window.leftHere")).as("the very page that was left, not a new load").isEqualTo(true);

            // the form kept its CSRF token, and the token is still good
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add to cart")).click();
            page.waitForURL(base() + "/cart");
            assertThat(page.locator("main")).containsText(title);
        }
    }

    @Test
    void aPageBroughtBackAfterSigningInElsewhereIsLoadedAgainForThePersonSignedIn() {
        signInElsewhereThenGoBack(withBackForwardCache);
    }

    @Test
    void aCopyTheBrowserKeptIsLoadedAgainToo() {
        // without the back/forward cache, "Back" shows the copy in the browser's HTTP cache, without asking the server
        signInElsewhereThenGoBack(chromiumBrowser);
    }

    private void signInElsewhereThenGoBack(Browser chromium) {
        String email = Fixtures.uniqueEmail("back-forth");
        accounts.createVerified(email, Fixtures.PASSWORD, "Bertha Back");
        try (BrowserContext context = chromium.newContext()) {
            Page page = context.newPage();
            page.navigate(base() + workflow);
            mark(page);
            page.navigate(base() + store);

            Page other = context.newPage();
            other.navigate(base() + "/login");
            other.getByLabel("E-mail").fill(email);
            other.getByLabel("Password").fill(Fixtures.PASSWORD);
            other.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            other.waitForURL(base() + "/");

            page.bringToFront();
            page.goBack(new Page.GoBackOptions().setWaitUntil(WaitUntilState.COMMIT));
            page.waitForURL(base() + workflow);
            // the visitor's copy (signed out, with a token that no longer works) gives way to a fresh page
            page.waitForFunction("() => window.leftHere === undefined && document.querySelector('.account-menu') !== null");
            assertThat(page.locator(".site-nav")).not().containsText("Sign in");
        }
    }
}
