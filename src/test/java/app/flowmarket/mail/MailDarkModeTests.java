package app.flowmarket.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.ColorScheme;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A mail reads well in a light and in a dark mail app: shown in Chromium with each colour scheme. */
class MailDarkModeTests {

    static Playwright playwright;
    static Browser browser;

    static final Email MAIL = new Email("ada@example.com", "Your order", "Hello Ada,",
            List.of("Thank you for your order."), "See your order", "https://flowmarket.example/orders/1",
            "Flowmarket, the workflow marketplace", "https://flowmarket.example/unsubscribe", "Unsubscribe");

    @BeforeAll
    static void launch() {
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        String configured = System.getenv("CHROME_BIN");
        Path chromium = configured != null && !configured.isBlank() ? Path.of(configured)
                : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome").stream().map(Path::of)
                .filter(Files::isExecutable).findFirst().orElseThrow(() -> new IllegalStateException("No Chromium found: set CHROME_BIN"));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(chromium).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage")));
    }

    @AfterAll
    static void close() {
        browser.close();
        playwright.close();
    }

    private Map<String, String> colours(ColorScheme scheme) {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setColorScheme(scheme))) {
            Page page = context.newPage();
            page.setContent(MAIL.html());
            @SuppressWarnings("unchecked")
            Map<String, String> colours = (Map<String, String>) page.evaluate("""
                    () => {
                      const style = (selector) => getComputedStyle(document.querySelector(selector));
                      return {background: style('.mail').backgroundColor, text: style('.mail').color, brand: style('.brand').color,
                              muted: style('.muted').color, link: style('a:not(.action)').color,
                              action: style('a.action').color, actionBackground: style('a.action').backgroundColor};
                    }""");
            return colours;
        }
    }

    @Test
    void aDarkMailAppShowsLightTextOnADarkBackground() {
        assertThat(MAIL.html()).contains("<meta name=\"color-scheme\" content=\"light dark\">").contains("@media (prefers-color-scheme: dark)");
        Map<String, String> dark = colours(ColorScheme.DARK);
        assertThat(dark).containsEntry("background", "rgb(15, 17, 23)").containsEntry("text", "rgb(230, 232, 238)")
                .containsEntry("brand", "rgb(164, 139, 255)").containsEntry("muted", "rgb(154, 163, 181)")
                .containsEntry("link", "rgb(180, 160, 255)").containsEntry("action", "rgb(255, 255, 255)");
    }

    @Test
    void aLightMailAppShowsDarkTextOnWhite() {
        Map<String, String> light = colours(ColorScheme.LIGHT);
        assertThat(light).containsEntry("background", "rgb(255, 255, 255)").containsEntry("text", "rgb(27, 31, 36)")
                .containsEntry("brand", "rgb(90, 62, 214)").containsEntry("action", "rgb(255, 255, 255)")
                .containsEntry("actionBackground", "rgb(90, 62, 214)");
    }
}
