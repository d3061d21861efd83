package app.flowmarket.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import app.flowmarket.IntegrationTest;
import app.flowmarket.account.AccountManagement;
import app.flowmarket.catalog.SellerFixture;
import app.flowmarket.support.Fixtures;
import app.flowmarket.support.Shopper;
import app.flowmarket.support.WebSession;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The journeys a visitor and a buyer walk through the catalogue, on a phone and on a desktop, in Chromium. */
@IntegrationTest
class CatalogueJourneyBrowserTests extends BrowserTest {

    static final int PHONE_HEIGHT = 844;

    @LocalServerPort
    int port;

    @Autowired
    AccountManagement accounts;

    @Autowired
    JdbcClient jdbc;

    String base() {
        return "http://localhost:" + port;
    }

    BrowserContext phone() {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(390, PHONE_HEIGHT).setIsMobile(true).setHasTouch(true)
                .setDeviceScaleFactor(2));
    }

    BrowserContext desktop() {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
    }

    String slug(String workflowId) {
        return jdbc.sql("select slug from workflow where id = ?::uuid").param(workflowId).query(String.class).single();
    }

    @Test
    void aVisitorOnAPhoneSeesResultsFirstWithTheFiltersBehindOneButtonCountingTheActiveOnes() {
        WebSession seller = SellerFixture.newSeller(port);
        String word = Fixtures.uniqueSlug("phonebrowse").replace("-", "");
        for (int i = 0; i < 3; i++) {
            SellerFixture.publishedWorkflow(seller, Map.of("title", "Phone " + word + " " + i, "summary", "Found on a phone " + word));
        }

        try (BrowserContext context = phone()) {
            Page page = context.newPage();
            page.navigate(base() + "/workflows?q=" + word + "&platform=n8n&price=free");
            Locator button = page.locator("#filter-panel > summary");
            assertThat(button).isVisible();
            assertThat(button).hasText("Filters (2)");
            assertThat(page.locator("#facets")).isHidden();
            assertThat(page.locator("form.filters")).isHidden();
            BoundingBox firstCard = page.locator("article.card").first().boundingBox();
            assertThat(firstCard.y).as("the first result starts on the first screen").isLessThan(PHONE_HEIGHT - 100);

            button.click();
            assertThat(page.locator("#filter-panel")).hasAttribute("open", "");
            assertThat(page.locator("#facets")).isVisible();
            assertThat(page.locator("#facets")).containsText("Works with");

            // a changed filter reloads the results in place and the button's count follows
            page.locator("#price").selectOption("");
            assertThat(button).hasText("Filters (1)");
            assertThat(page).hasURL(java.util.regex.Pattern.compile("price=(&|$)"));
        }
        try (BrowserContext context = desktop()) {
            Page page = context.newPage();
            page.navigate(base() + "/workflows?q=" + word + "&platform=n8n");
            assertThat(page.locator("#filter-panel > summary")).isHidden();
            assertThat(page.locator("#facets")).isVisible();
            assertThat(page.locator("form.filters")).isVisible();
            // apps come as icons with their proper names, in the order the workflow uses them
            assertThat(page.locator("article.card").first().getByRole(AriaRole.LIST)).hasAccessibleName("Apps, in the order the workflow uses them");
        }
    }

    @Test
    void onAPhoneTheBuyBoxComesRightAfterTheSummaryAndDocksAtTheBottomWhileScrolling() {
        WebSession seller = SellerFixture.newSeller(port);
        String description = "## How it works\n\n" + "A long step that explains what the workflow does.\n\n".repeat(60);
        String workflowId = SellerFixture.publishedWorkflow(seller, Map.of("title", "Bought on a phone " + Fixtures.uniqueSlug("bp"),
                "price", "19", "description", description));

        try (BrowserContext context = phone()) {
            Page page = context.newPage();
            page.navigate(base() + "/workflows/" + slug(workflowId));
            Locator buy = page.locator("#buy");
            Locator addToCart = buy.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add to cart"));
            assertThat(addToCart).isVisible();
            double buyTop = buy.boundingBox().y;
            assertThat(buyTop).as("buy box on the first screen").isLessThan(PHONE_HEIGHT);
            assertThat(buyTop).as("after the summary").isGreaterThan(page.locator(".workflow-intro .lead").boundingBox().y);
            assertThat(buyTop).as("before the description").isLessThan(page.locator(".prose").boundingBox().y);

            page.locator("#versions-h").scrollIntoViewIfNeeded();
            assertThat(buy).hasClass(java.util.regex.Pattern.compile("docked"));
            BoundingBox docked = addToCart.boundingBox();
            assertThat(docked.y + docked.height).as("the button stays on screen, at the bottom").isLessThanOrEqualTo(PHONE_HEIGHT)
                    .isGreaterThan(PHONE_HEIGHT - 120);

            page.evaluate("window.scrollTo(0, 0)");
            assertThat(buy).not().hasClass(java.util.regex.Pattern.compile("docked"));
            addToCart.click();
            assertThat(page.locator("h1")).hasText("Your cart");
        }
    }

    @Test
    void screenshotsOpenInALightboxDrivenByTheKeyboardAndBySwiping() throws IOException {
        WebSession seller = SellerFixture.newSeller(port);
        String workflowId = SellerFixture.publishedWorkflow(seller, "Pictured " + Fixtures.uniqueSlug("pic"), "n8n", "0");
        for (Color color : List.of(Color.RED, Color.GREEN, Color.BLUE)) {
            seller.postMultipart("/seller/workflows/" + workflowId + "/screenshots", Map.of(), "image", "shot.png", png(color))
                    .assertStatus(302);
        }

        try (BrowserContext context = desktop()) {
            Page page = context.newPage();
            page.navigate(base() + "/workflows/" + slug(workflowId));
            Locator shots = page.locator("a.shot");
            assertThat(shots).hasCount(3);
            assertThat(shots.first()).hasAttribute("href", java.util.regex.Pattern.compile("^/media/"));
            Locator dialog = page.locator("dialog.lightbox");
            Locator caption = dialog.locator("figcaption");

            shots.first().focus();
            page.keyboard().press("Enter");
            assertThat(dialog).isVisible();
            assertThat(caption).hasText("Screenshot 1 of 3");
            assertThat(page.locator(":focus")).hasAccessibleName("Close");
            page.keyboard().press("ArrowRight");
            assertThat(caption).hasText("Screenshot 2 of 3");
            page.keyboard().press("ArrowLeft");
            page.keyboard().press("ArrowLeft");
            assertThat(caption).hasText("Screenshot 3 of 3");
            assertThat(dialog.locator("img").getAttribute("src")).endsWith(shots.nth(2).getAttribute("href"));
            for (int i = 0; i < 5; i++) {
                page.keyboard().press("Tab");
                assertThat((Boolean) page.evaluate("document.querySelector('dialog.lightbox').contains(document.activeElement)"))
                        .as("focus stays in the lightbox").isTrue();
            }
            page.keyboard().press("Escape");
            assertThat(dialog).isHidden();
            assertThat(shots.first()).isFocused();
        }
        try (BrowserContext context = phone()) {
            Page page = context.newPage();
            page.navigate(base() + "/workflows/" + slug(workflowId));
            page.locator("a.shot").first().click();
            Locator caption = page.locator("dialog.lightbox figcaption");
            assertThat(caption).hasText("Screenshot 1 of 3");
            // a finger swiping left across the picture
            Locator picture = page.locator("dialog.lightbox img");
            picture.dispatchEvent("pointerdown", Map.of("clientX", 300, "clientY", 400, "pointerType", "touch", "isPrimary", true));
            picture.dispatchEvent("pointerup", Map.of("clientX", 60, "clientY", 410, "pointerType", "touch", "isPrimary", true));
            assertThat(caption).hasText("Screenshot 2 of 3");
            picture.dispatchEvent("pointerdown", Map.of("clientX", 60, "clientY", 400, "pointerType", "touch", "isPrimary", true));
            picture.dispatchEvent("pointerup", Map.of("clientX", 330, "clientY", 390, "pointerType", "touch", "isPrimary", true));
            assertThat(caption).hasText("Screenshot 1 of 3");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Close")).click();
            assertThat(page.locator("dialog.lightbox")).isHidden();
        }
    }

    @Test
    void aBuyerWritesFixesEditsAndDeletesAReviewWithoutLeavingTheWorkflowPage() {
        WebSession seller = SellerFixture.newSeller(port);
        String workflowId = SellerFixture.publishedWorkflow(seller, "Reviewed in place " + Fixtures.uniqueSlug("rip"), "n8n", "0");
        String email = Fixtures.uniqueEmail("reviewer");
        accounts.createVerified(email, Fixtures.PASSWORD, "Rita Reviewer");
        WebSession buyer = new WebSession(port).signIn(email, Fixtures.PASSWORD);
        // a free workflow goes straight into the library
        assertThat(Shopper.buy(buyer, workflowId)).isEqualTo("/library");
        String url = base() + "/workflows/" + slug(workflowId);

        try (BrowserContext context = desktop()) {
            context.addCookies(List.of(new Cookie("SESSION", buyer.sessionCookie()).setDomain("localhost").setPath("/")));
            Page page = context.newPage();
            page.onDialog(dialog -> dialog.accept());
            page.navigate(url);
            Locator reviews = page.locator("#reviews");
            assertThat(reviews).containsText("Write a review");

            page.getByLabel("Rating").selectOption("4");
            page.getByLabel("Your review").fill("  a");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save review")).click();
            assertThat(reviews.locator(".error-box")).hasText("Write between 3 and 5,000 characters.");
            assertThat(page.getByLabel("Your review")).hasValue("  a");
            assertThat(page).hasURL(url);

            page.getByLabel("Your review").fill("Ran on the first try.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save review")).click();
            assertThat(reviews.locator(".flash")).hasText("Your review is saved.");
            Locator mine = reviews.locator("article.review.mine");
            assertThat(mine).containsText("Ran on the first try.");
            assertThat(mine.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Helpful"))).hasCount(0);
            assertThat(mine.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Report abuse"))).hasCount(0);

            mine.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Edit")).click();
            assertThat(page.getByLabel("Your review")).hasValue("Ran on the first try.");
            page.getByLabel("Your review").fill("Ran on the first try, and every day since.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Update review")).click();
            assertThat(reviews.locator(".flash")).hasText("Your review is saved.");
            assertThat(mine).containsText("every day since");

            mine.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete")).click();
            assertThat(reviews.locator(".flash")).hasText("Your review is deleted.");
            assertThat(reviews.locator("article.review")).hasCount(0);
            assertThat(page).hasURL(url);
        }
        assertThat(jdbc.sql("select rating_count from workflow where id = ?::uuid").param(workflowId).query(Integer.class).single()).isZero();
    }

    static byte[] png(Color color) throws IOException {
        BufferedImage image = new BufferedImage(640, 400, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(color);
        graphics.fillRect(0, 0, 640, 400);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
