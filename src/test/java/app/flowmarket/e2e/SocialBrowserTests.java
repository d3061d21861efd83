package app.flowmarket.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import app.flowmarket.IntegrationTest;
import app.flowmarket.catalog.SellerFixture;
import app.flowmarket.support.Fixtures;
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

/** Copying a workflow's link and comparing workflows through the tray, in Chromium. */
@IntegrationTest
class SocialBrowserTests extends BrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    String base() {
        return "http://localhost:" + port;
    }

    String slug(String workflowId) {
        return jdbc.sql("select slug from workflow where id = ?::uuid").param(workflowId).query(String.class).single();
    }

    /** Scrolls the card's checkbox to the middle of the screen, as a person would, clear of the tray and the header. */
    static void tick(Page page, String slug) {
        Locator box = page.locator("input[data-compare='" + slug + "']");
        box.evaluate("box => box.scrollIntoView({block: 'center'})");
        box.check();
    }

    @Test
    void copyLinkPutsTheTaggedLinkOnTheClipboardAndSaysSo() {
        WebSession seller = SellerFixture.newSeller(port);
        String slug = slug(SellerFixture.publishedWorkflow(seller, "Copied " + Fixtures.uniqueSlug("cp"), "n8n", "0"));
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
            context.grantPermissions(List.of("clipboard-read", "clipboard-write"), new BrowserContext.GrantPermissionsOptions().setOrigin(base()));
            Page page = context.newPage();
            page.navigate(base() + "/workflows/" + slug);
            Locator copy = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Copy link"));
            copy.focus();
            page.keyboard().press("Enter");
            assertThat(page.locator(".share-status")).hasText("Link copied");
            String copied = (String) page.evaluate("() => navigator.clipboard.readText()");
            assertThat(copied).isEqualTo(base() + "/workflows/" + slug
                    + "?utm_medium=social&utm_campaign=share&utm_content=workflow&ref=share-workflow&utm_source=link");
        }
    }

    @Test
    void theTrayTakesThreeWorkflowsRefusesAFourthAndOpensTheComparisonOnAPhone() {
        WebSession seller = SellerFixture.newSeller(port);
        String word = Fixtures.uniqueSlug("cmp").replace("-", "");
        List<String> slugs = new java.util.ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            slugs.add(slug(SellerFixture.publishedWorkflow(seller, "Tray " + word + " " + i, "n8n", String.valueOf(i * 3))));
        }
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844).setIsMobile(true)
                .setHasTouch(true))) {
            Page page = context.newPage();
            page.navigate(base() + "/workflows/" + slugs.get(0));
            Locator tray = page.locator("#compare-tray");
            assertThat(tray).isHidden();
            page.locator("input[data-compare='" + slugs.get(0) + "']").check();
            assertThat(tray).isVisible();
            assertThat(tray.locator(".compare-tray-items li")).hasCount(1);

            page.navigate(base() + "/workflows?q=" + word);
            for (int i = 1; i <= 2; i++) {
                tick(page, slugs.get(i));
            }
            assertThat(page.locator("input[data-compare='" + slugs.get(0) + "']")).isChecked();
            assertThat(tray.locator(".compare-tray-items li")).hasCount(3);
            Locator fourth = page.locator("input[data-compare='" + slugs.get(3) + "']");
            fourth.evaluate("box => box.scrollIntoView({block: 'center'})");
            fourth.click();
            assertThat(tray.locator(".compare-tray-status")).hasText("You can compare at most 3 workflows at a time: remove one first.");
            assertThat(page.locator("input[data-compare='" + slugs.get(3) + "']")).not().isChecked();
            assertThat(tray.locator(".compare-tray-items li")).hasCount(3);

            tray.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Compare now")).click();
            assertThat(page).hasURL(java.util.regex.Pattern.compile("/compare\\?w="));
            Locator table = page.locator(".compare-table");
            assertThat(table.locator("thead th")).hasCount(4);
            assertThat(table.locator("tr.differs").first()).containsText("Price");
            // on a phone the columns scroll sideways inside their box, the page itself does not
            Locator scroller = page.locator(".compare-scroll");
            assertThat((Boolean) scroller.evaluate("el => el.scrollWidth > el.clientWidth")).isTrue();
            assertThat((Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
        }
    }
}
