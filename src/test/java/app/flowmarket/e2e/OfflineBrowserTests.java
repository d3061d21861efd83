package app.flowmarket.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

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

/** Flowmarket installs as an app and keeps the public pages a person has read for reading without a network, in Chromium. */
@IntegrationTest
class OfflineBrowserTests extends BrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountManagement accounts;

    @Autowired
    JdbcClient jdbc;

    String base() {
        return "http://localhost:" + port;
    }

    private String publishedWorkflow(WebSession seller, String title) {
        String id = SellerFixture.publishedWorkflow(seller, title, "n8n", "0");
        return jdbc.sql("select slug from workflow where id = ?::uuid").param(id).query(String.class).single();
    }

    private static void waitForTheWorker(Page page) {
        // installing precaches the site's assets: slow on a busy machine
        page.waitForFunction("() => navigator.serviceWorker.controller !== null", null,
                new Page.WaitForFunctionOptions().setTimeout(90_000));
    }

    @Test
    void aWorkflowPageReadOnceOpensOfflineAndAnUnreadPageShowsTheOfflinePage() {
        WebSession seller = SellerFixture.newSeller(port);
        String read = publishedWorkflow(seller, "Read offline " + Fixtures.uniqueSlug("r"));
        String unread = publishedWorkflow(seller, "Never opened " + Fixtures.uniqueSlug("u"));
        try (BrowserContext context = chromiumBrowser.newContext()) {
            Page page = context.newPage();
            page.navigate(base() + "/workflows/" + read);
            waitForTheWorker(page);
            // the page that installed the worker is kept too, without a second visit (after a fetch of its own, so a
            // fragment it loaded may be kept first: wait for the page itself)
            page.waitForFunction("async () => !!(await (await caches.open('flowmarket-pages')).match(location.href))");
            String heading = page.locator("h1").innerText();

            context.setOffline(true);
            page.reload();
            assertThat(page.locator("h1")).hasText(heading);
            assertThat(page.locator("link[rel=stylesheet]")).hasCount(1);
            assertThat(page.evaluate("() => getComputedStyle(document.body).display")).as("the style sheet came from the cache").isEqualTo("flex");

            page.navigate(base() + "/workflows/" + unread);
            assertThat(page.locator("h1")).hasText("You are offline");
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Try again"))).isVisible();

            context.setOffline(false);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Try again")).click();
            assertThat(page.locator("h1")).hasText(page.title().replace(" · Flowmarket", ""));
            assertThat(page.locator("h1")).not().hasText("You are offline");
        }
    }

    @Test
    void privatePagesAreNeverKeptAndAnotherPersonSigningInEmptiesTheKeptPages() {
        WebSession seller = SellerFixture.newSeller(port);
        String slug = publishedWorkflow(seller, "Kept for one person " + Fixtures.uniqueSlug("k"));
        String email = Fixtures.uniqueEmail("offline-reader");
        accounts.createVerified(email, Fixtures.PASSWORD, "Olive Offline");
        try (BrowserContext context = chromiumBrowser.newContext()) {
            Page page = context.newPage();
            page.navigate(base() + "/workflows/" + slug);
            waitForTheWorker(page);
            // wait for the page itself, not for any kept fragment
            page.waitForFunction("async () => !!(await (await caches.open('flowmarket-pages')).match(location.href))");

            page.navigate(base() + "/login");
            page.getByLabel("E-mail").fill(email);
            page.getByLabel("Password").fill(Fixtures.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            page.waitForURL(base() + "/");
            page.navigate(base() + "/cart");
            page.navigate(base() + "/settings");

            @SuppressWarnings("unchecked")
            List<String> kept = (List<String>) page.evaluate(
                    "async () => (await (await caches.open('flowmarket-pages')).keys()).map(r => new URL(r.url).pathname)");
            assertThat(kept).as("the visitor's copy is gone, the signed-in home page kept, nothing private").containsExactly("/");

            context.setOffline(true);
            page.navigate(base() + "/workflows/" + slug);
            assertThat(page.locator("h1")).hasText("You are offline");
            page.navigate(base() + "/settings");
            assertThat(page.locator("h1")).hasText("You are offline");
        }
    }

    @Test
    void theLibraryReadOnceOpensOfflineForItsReaderAndGoesWhenTheReaderSignsOut() {
        WebSession seller = SellerFixture.newSeller(port);
        String title = "Owned offline " + Fixtures.uniqueSlug("o");
        String slug = publishedWorkflow(seller, title);
        String email = Fixtures.uniqueEmail("offline-owner");
        accounts.createVerified(email, Fixtures.PASSWORD, "Otto Owner");
        try (BrowserContext context = chromiumBrowser.newContext()) {
            Page page = context.newPage();
            page.navigate(base() + "/login");
            page.getByLabel("E-mail").fill(email);
            page.getByLabel("Password").fill(Fixtures.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            page.waitForURL(base() + "/");
            waitForTheWorker(page);
            // the guided tour greets a new person: skipped
            page.locator(".driver-popover").waitFor();
            page.keyboard().press("Escape");
            page.navigate(base() + "/library/free/" + slug);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Get it free")).click();
            page.waitForURL(base() + "/library");
            assertThat(page.getByText(title).first()).isVisible();
            page.waitForFunction("async () => (await (await caches.open('flowmarket-pages')).keys()).some(r => new URL(r.url).pathname === '/library')");

            context.setOffline(true);
            page.reload();
            assertThat(page.locator("h1")).hasText("Your library");
            assertThat(page.getByText(title).first()).isVisible();

            context.setOffline(false);
            page.navigate(base() + "/");
            page.locator(".account-menu summary").click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
            page.waitForFunction("async () => !(await (await caches.open('flowmarket-pages')).keys()).some(r => new URL(r.url).pathname === '/library')");
            context.setOffline(true);
            page.navigate(base() + "/library");
            assertThat(page.locator("h1")).hasText("You are offline");
        }
    }

    @Test
    void theManifestMakesTheAppInstallable() {
        try (BrowserContext context = chromiumBrowser.newContext()) {
            Page page = context.newPage();
            page.navigate(base() + "/");
            String href = page.locator("link[rel=manifest]").getAttribute("href");
            var response = page.request().get(base() + href);
            assertThat(response.headers().get("content-type")).startsWith("application/manifest+json");
            @SuppressWarnings("unchecked")
            Map<String, Object> manifest = (Map<String, Object>) page.evaluate("async (url) => (await fetch(url)).json()", href);
            assertThat(manifest).containsEntry("display", "standalone").containsEntry("start_url", "/").containsKeys("name", "theme_color", "background_color");
            @SuppressWarnings("unchecked")
            List<Map<String, String>> icons = (List<Map<String, String>>) manifest.get("icons");
            assertThat(icons).anySatisfy(icon -> assertThat(icon).containsEntry("sizes", "512x512").containsEntry("purpose", "maskable"));
            assertThat(icons).anySatisfy(icon -> assertThat(icon).containsEntry("sizes", "192x192").containsEntry("purpose", "any"));
            for (Map<String, String> icon : icons) {
                assertThat(page.request().get(base() + icon.get("src")).status()).as(icon.get("src")).isEqualTo(200);
            }
            // the richer install dialogue: a screenshot for a computer and one for a phone, each served and labelled
            @SuppressWarnings("unchecked")
            List<Map<String, String>> screenshots = (List<Map<String, String>>) manifest.get("screenshots");
            assertThat(screenshots).extracting(s -> s.get("form_factor")).containsExactlyInAnyOrder("wide", "narrow");
            for (Map<String, String> screenshot : screenshots) {
                var image = page.request().get(base() + screenshot.get("src"));
                assertThat(image.status()).as(screenshot.get("src")).isEqualTo(200);
                assertThat(image.headers().get("content-type")).isEqualTo("image/jpeg");
                assertThat(screenshot.get("label")).isNotBlank();
            }
            waitForTheWorker(page);
            assertThat(page.locator("#install-app")).isHidden();
        }
    }
}
