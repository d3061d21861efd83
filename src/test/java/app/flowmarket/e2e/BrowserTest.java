package app.flowmarket.e2e;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Route;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Real Chromium (Debian's package, found through CHROME_BIN or the PATH) driven by Playwright,
 * which never downloads a browser of its own here.
 */
abstract class BrowserTest {

    static Playwright playwright;
    /** The browser itself: a new person signing in meets the guided tour. */
    static Browser chromiumBrowser;
    /** The same browser whose pages answer that the guided tour is done, so it covers nothing a test looks at. */
    static Browser browser;

    @BeforeAll
    static void launchBrowser() {
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        chromiumBrowser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(chromium())
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
        browser = (Browser) Proxy.newProxyInstance(Browser.class.getClassLoader(), new Class<?>[] {Browser.class}, (proxy, method, args) -> {
            Object result;
            try {
                result = method.invoke(chromiumBrowser, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (result instanceof BrowserContext context) {
                tourDone(context);
            } else if (result instanceof Page page) {
                tourDone(page.context());
            }
            return result;
        });
    }

    private static void tourDone(BrowserContext context) {
        context.route("**/tour", route -> route.fulfill(new Route.FulfillOptions().setStatus(200)
                .setContentType("application/json").setBody("{\"pending\":false}")));
    }

    @AfterAll
    static void closeBrowser() {
        if (chromiumBrowser != null) {
            chromiumBrowser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    static Path chromium() {
        String configured = System.getenv("CHROME_BIN");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        throw new IllegalStateException("No Chromium found: install Debian's chromium package or set CHROME_BIN");
    }
}
