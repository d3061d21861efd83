package app.flowmarket.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import app.flowmarket.IntegrationTest;
import app.flowmarket.analytics.AnalyticsHistory;
import app.flowmarket.analytics.TrafficSource.Channel;
import app.flowmarket.catalog.SellerFixture;
import app.flowmarket.shared.Money;
import app.flowmarket.support.Fixtures;
import app.flowmarket.support.WebSession;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The seller dashboard's charts, drawn by the chart library in Chromium, on a desktop and on a phone. */
@IntegrationTest
class DashboardBrowserTests extends BrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    AnalyticsHistory history;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theOverviewChartsRenderWithTheirDataTablesOnADesktopAndAPhone() {
        WebSession seller = SellerFixture.newSeller(port);
        String marker = Fixtures.uniqueSlug("chart");
        String workflowId = SellerFixture.publishedWorkflow(seller, "Charted " + marker, "n8n", "12");
        UUID storeId = jdbc.sql("select store_id from workflow where id = ?::uuid").param(workflowId).query(UUID.class).single();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<AnalyticsHistory.Day> days = new ArrayList<>();
        Money zero = Money.of(0, "USD");
        for (int d = 1; d <= 20; d++) {
            days.add(new AnalyticsHistory.Day(storeId, today.minusDays(d), UUID.fromString(workflowId), Channel.SEARCH, "google", 40 + d, 30,
                    4, 3, 2, 0, Money.of(2400, "USD"), Money.of(240, "USD"), Money.of(2160, "USD"), zero, zero));
            days.add(new AnalyticsHistory.Day(storeId, today.minusDays(d), UUID.fromString(workflowId), Channel.SOCIAL, "reddit", 10, 9,
                    1, 0, 0, 0, zero, zero, zero, zero, zero));
        }
        history.importDays(days);

        for (int width : new int[] {1280, 375}) {
            try (BrowserContext context = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                    .setViewportSize(width, 900))) {
                context.addCookies(List.of(new Cookie("SESSION", seller.sessionCookie()).setDomain("localhost").setPath("/")));
                Page page = context.newPage();
                List<String> errors = new ArrayList<>();
                page.onPageError(errors::add);
                page.navigate("http://localhost:" + port + "/seller/dashboard?period=30d");
                assertThat(page.locator("h1")).hasText("Dashboard");
                assertThat(page.locator(".chart[data-rendered] svg")).hasCount(5);
                // the revenue line has a point for every day; the funnel shows its four steps
                assertThat(page.locator(".chart").first().locator("svg")).isVisible();
                assertThat(page.locator(".chart").first().locator("svg path").count()).isGreaterThan(20);
                assertThat(page.locator(".chart-card", new Page.LocatorOptions().setHasText("Funnel")).locator("svg text")
                        .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Purchases"))).hasCount(1);
                assertThat(page.locator(".kpi").first()).containsText("$480");
                // on a phone the 30 day labels are thinned out so that the few shown stay readable
                int every = Integer.parseInt(page.locator(".chart").first().getAttribute("data-label-every"));
                if (width == 375) {
                    assertThat(every).as("one date label in every n at 375 px").isGreaterThanOrEqualTo(5);
                } else {
                    assertThat(every).as("one date label in every n at 1280 px").isLessThanOrEqualTo(3);
                }
                page.getByText("Show the numbers as a table").first().click();
                assertThat(page.locator(".chart-card").first().locator("table")).isVisible();
                Object overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth");
                assertThat(((Number) overflow).intValue()).as("horizontal scroll at " + width + " px").isLessThanOrEqualTo(0);
                assertThat(errors).isEmpty();
            }
        }
    }
}
