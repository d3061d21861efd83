package app.flowmarket.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import app.flowmarket.IntegrationTest;
import app.flowmarket.support.Fixtures;
import app.flowmarket.support.Mailbox;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A new seller's first day, clicked through in Chromium. */
@IntegrationTest
class SellerJourneyBrowserTests extends BrowserTest {

    @LocalServerPort
    int port;

    @Test
    void aNewSellerSignsUpOpensAStoreAndPublishesAWorkflowFoundInTheCatalogue() throws Exception {
        String base = "http://localhost:" + port;
        String email = Fixtures.uniqueEmail("browser");
        String storeSlug = Fixtures.uniqueSlug("clicky");
        String title = "Browser made " + storeSlug;
        Path file = Files.createTempFile("workflow", ".json");
        Files.write(file, Fixtures.n8nWorkflow(title));

        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate(base + "/");
            page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                    new Page.GetByRoleOptions().setName("Sign up")).first().click();
            page.getByLabel("Name").fill("Bea Browser");
            page.getByLabel("E-mail").fill(email);
            page.getByLabel("Password").fill(Fixtures.PASSWORD);
            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account")).click();
            assertThat(page.locator("h1")).hasText("Check your inbox");

            page.navigate(base + Mailbox.link(Mailbox.awaitMail(email, "Confirm"), "/verify-email"));
            assertThat(page.locator("h1")).hasText("Address confirmed");

            page.navigate(base + "/login");
            page.getByLabel("E-mail").fill(email);
            page.getByLabel("Password").fill(Fixtures.PASSWORD);
            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            page.waitForURL(base + "/");

            // "Start selling" lives in the account menu
            page.locator(".account-menu summary").click();
            page.locator(".account-menu").getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                    new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Start selling")).click();
            page.getByLabel("Store name").fill("Clicky Flows");
            page.getByLabel("Web address").fill(storeSlug);
            page.getByLabel("About the store").fill("Workflows made with **care**.");
            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open store")).click();
            assertThat(page.locator(".flash")).containsText("Your store is open");

            page.getByRole(com.microsoft.playwright.options.AriaRole.LINK, new Page.GetByRoleOptions().setName("New workflow")).click();
            page.getByLabel("Title").fill(title);
            page.getByLabel("Short summary").fill("Sends every new lead to Slack and logs it.");
            page.getByLabel("Description").fill("## How it works\n\nIt just does.");
            page.getByLabel("Price", new Page.GetByLabelOptions().setExact(true)).fill("12");
            page.getByLabel("Workflow file").setInputFiles(file);
            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create draft")).click();
            assertThat(page.locator(".flash")).containsText("Your draft is saved");

            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish")).first().click();
            assertThat(page.locator(".flash")).containsText("The workflow is published");

            // a visitor finds it by searching, through the htmx-powered filters
            Page visitor = browser.newContext().newPage();
            visitor.navigate(base + "/workflows");
            visitor.getByLabel("Search workflows").last().fill(storeSlug);
            visitor.getByLabel("Search workflows").last().press("Enter");
            assertThat(visitor.locator("#results")).containsText(title);
            visitor.getByRole(com.microsoft.playwright.options.AriaRole.LINK, new Page.GetByRoleOptions().setName(title)).click();
            assertThat(visitor.locator("h1")).hasText(title);
            assertThat(visitor.locator(".app-chain")).containsText("Slack");
            assertThat(visitor.getByText("Clicky Flows")).isVisible();
            visitor.context().close();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void theSiteWorksAtPhoneWidthWithTheMenuBehindAToggle() {
        try (BrowserContext context = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(375, 740))) {
            Page page = context.newPage();
            page.navigate("http://localhost:" + port + "/");
            assertThat(page.locator("#site-nav")).isHidden();
            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Menu")).click();
            assertThat(page.locator("#site-nav")).isVisible();
            Object overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth");
            assertThat(overflow).isEqualTo(false);
        }
    }
}
