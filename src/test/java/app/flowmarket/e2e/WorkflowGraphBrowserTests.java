package app.flowmarket.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import app.flowmarket.IntegrationTest;
import app.flowmarket.catalog.SellerFixture;
import app.flowmarket.support.WebSession;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The workflow graph on a workflow page: drawn, moved and zoomed with the keyboard, each node telling its type. */
@IntegrationTest
class WorkflowGraphBrowserTests extends BrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aVisitorSeesTheGraphsNodesAndReadsANodesTypeByFocusingItWithTheKeyboard() {
        WebSession seller = SellerFixture.newSeller(port);
        String id = SellerFixture.publishedWorkflow(seller, Map.of("title", "Graph of a workflow", "price", "12"));
        String slug = jdbc.sql("select slug from workflow where id = ?::uuid").param(id).query(String.class).single();

        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
            Page page = context.newPage();
            page.navigate("http://localhost:" + port + "/workflows/" + slug);
            // drawn as it comes near the screen
            page.locator(".flow-graph").scrollIntoViewIfNeeded();
            Locator nodes = page.locator(".flow-graph .graph-node");
            assertThat(nodes).hasCount(3);
            assertThat(page.locator(".flow-graph")).containsText("Send to Slack");

            Locator canvas = page.locator(".graph-canvas");
            canvas.focus();
            String before = page.locator(".graph-viewport").getAttribute("transform");
            page.keyboard().press("+");
            page.keyboard().press("ArrowLeft");
            assertThat(page.locator(".graph-viewport").getAttribute("transform")).isNotEqualTo(before);

            page.keyboard().press("Tab");
            page.keyboard().press("Tab");
            Locator focused = page.locator(".graph-node:focus");
            assertThat(focused).hasAttribute("aria-label", java.util.regex.Pattern.compile("Send to Slack"));
            Locator tip = page.locator(".graph-tip");
            assertThat(tip).isVisible();
            assertThat(tip).containsText("n8n-nodes-base.slack");
            assertThat(tip).containsText("Slack");
            // the focus is visible: the node's frame is drawn thicker in the focus colour
            assertThat(focused.locator(".graph-node-box").evaluate("e => getComputedStyle(e).strokeWidth")).isEqualTo("4px");
        }

        try (BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844).setIsMobile(true)
                .setHasTouch(true))) {
            Page page = phone.newPage();
            page.navigate("http://localhost:" + port + "/workflows/" + slug);
            page.locator(".flow-graph").scrollIntoViewIfNeeded();
            assertThat(page.locator(".flow-graph .graph-node")).hasCount(3);
            double width = page.locator(".graph-canvas").boundingBox().width;
            assertThat(width).isLessThanOrEqualTo(390);
            assertThat((Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
        }
    }
}
