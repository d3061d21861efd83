package app.flowmarket.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import app.flowmarket.IntegrationTest;
import app.flowmarket.account.AccountManagement;
import app.flowmarket.shared.CurrentUser;
import app.flowmarket.support.Fixtures;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** One header that holds at every width and for every role, with an account menu that works by keyboard. */
@IntegrationTest
class HeaderBrowserTests extends BrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountManagement accounts;

    private Page signIn(BrowserContext context, String email) {
        String base = "http://localhost:" + port;
        Page page = context.newPage();
        page.navigate(base + "/login");
        page.getByLabel("E-mail").fill(email);
        page.getByLabel("Password").fill(Fixtures.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL(base + "/");
        return page;
    }

    @Test
    void onADesktopTheHeaderIsOneRowForAnAdminWithAWideSearchBoxAndAKeyboardAccountMenu() {
        String email = Fixtures.uniqueEmail("header-admin");
        accounts.createVerified(email, Fixtures.PASSWORD, "Ada Lovelace-Byron", CurrentUser.ADMIN);
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800))) {
            Page page = signIn(context, email);
            var header = page.locator(".header-row").boundingBox();
            assertThat(header.height).as("one row").isLessThan(80);
            assertThat(page.locator("#header-q").boundingBox().width).as("search box width").isGreaterThan(250);
            assertThat(page.locator(".header-bell summary")).hasAttribute("title", "Notifications");

            // the account menu opens and closes with the keyboard and holds the admin entry
            page.locator(".account-menu summary").focus();
            page.keyboard().press("Enter");
            var menu = page.locator(".account-menu");
            assertThat(menu.getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Admin").setExact(true))).isVisible();
            assertThat(menu.getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Orders").setExact(true))).isVisible();
            assertThat(menu.getByText("Start selling")).hasCount(0);
            var dropdown = page.locator(".account-menu .dropdown").boundingBox();
            assertThat(dropdown.x + dropdown.width).as("the menu stays inside the window").isLessThanOrEqualTo(1280);
            page.keyboard().press("Escape");
            assertThat(page.locator(".account-menu .dropdown")).isHidden();

            page.locator(".account-menu summary").click();
            menu.getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Admin").setExact(true)).click();
            page.waitForURL("http://localhost:" + port + "/admin");
            assertThat(page.locator("h1")).hasText("Admin");
            assertThat(page.locator(".area-nav a[aria-current=page]")).hasText("Admin");
        }
    }

    @Test
    void onAPhoneTheMenuButtonOpensEveryAccountLinkBelowTheSearch() {
        String email = Fixtures.uniqueEmail("header-phone");
        accounts.createVerified(email, Fixtures.PASSWORD, "Pat Phone");
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844).setIsMobile(true))) {
            Page page = signIn(context, email);
            assertThat(page.locator("#site-nav")).isHidden();
            assertThat(page.locator("#header-q")).isVisible();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Menu")).click();
            var nav = page.locator("#site-nav");
            for (String link : new String[] {"Library", "Orders", "Following", "Saved searches", "Settings", "Start selling"}) {
                assertThat(nav.getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName(link).setExact(true))).isVisible();
            }
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))).isVisible();
            // nothing sticks out sideways
            assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
        }
    }

    @Test
    void theThemeSwitchRepaintsAtOnceByKeyboardAndTheChoiceHoldsOnTheNextPage() {
        String base = "http://localhost:" + port;
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800)
                .setColorScheme(com.microsoft.playwright.options.ColorScheme.DARK))) {
            Page page = context.newPage();
            page.navigate(base + "/workflows");
            assertThat(page.locator("html")).hasAttribute("data-theme", "system");
            assertThat(background(page)).as("the device asks for dark").isEqualTo("rgb(15, 17, 23)");

            page.locator(".theme-menu summary").focus();
            page.keyboard().press("Enter");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Light").setExact(true)).focus();
            page.keyboard().press("Enter");
            assertThat(page.locator("html")).hasAttribute("data-theme", "light");
            assertThat(background(page)).isEqualTo("rgb(246, 247, 251)");
            assertThat(page.locator(".theme-menu .dropdown")).isHidden();

            page.waitForCondition(() -> context.cookies().stream().anyMatch(c -> c.name.equals("flowmarket-theme") && c.value.equals("light")));
            page.navigate(base + "/");
            assertThat(page.locator("html")).hasAttribute("data-theme", "light");
            assertThat(background(page)).as("painted light from the server, no script needed").isEqualTo("rgb(246, 247, 251)");
        }
        try (BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
                .setColorScheme(com.microsoft.playwright.options.ColorScheme.LIGHT))) {
            Page page = phone.newPage();
            page.navigate(base + "/");
            var header = page.locator(".header-row").boundingBox();
            var menu = page.locator(".theme-menu summary").boundingBox();
            assertThat(menu.x + menu.width).as("the switch fits on a phone's header").isLessThanOrEqualTo(390);
            assertThat(menu.y).isLessThan(header.y + 64);
            assertThat(background(page)).isEqualTo("rgb(246, 247, 251)");
        }
    }

    private static String background(Page page) {
        return (String) page.evaluate("getComputedStyle(document.body).backgroundColor");
    }
}
