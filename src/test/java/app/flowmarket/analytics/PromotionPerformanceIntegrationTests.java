package app.flowmarket.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import app.flowmarket.IntegrationTest;
import app.flowmarket.catalog.SellerFixture;
import app.flowmarket.commerce.Promotions;
import app.flowmarket.shared.AccountId;
import app.flowmarket.shared.Money;
import app.flowmarket.support.Fixtures;
import app.flowmarket.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dashboard's promotions table reads what sold while a promotion ran from the rollups its charts read, so a sale
 * known only from the imported history (as the demo's last summer) counts there as in the revenue chart.
 */
@IntegrationTest
class PromotionPerformanceIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Promotions promotions;

    @Autowired
    AnalyticsHistory history;

    @Test
    void aPromotionKnownOnlyFromTheHistoryShowsWhatSoldWhileItRanAsTheChartsDo() {
        WebSession seller = SellerFixture.newSeller(port);
        String title = "Historic " + Fixtures.uniqueSlug("h");
        UUID workflow = UUID.fromString(SellerFixture.publishedWorkflow(seller, title, "n8n", "40"));
        UUID store = jdbc.sql("select store_id from workflow where id = ?").param(workflow).query(UUID.class).single();
        UUID owner = jdbc.sql("select owner_id from store where id = ?").param(store).query(UUID.class).single();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate start = today.minusDays(130);
        String promotion = "Old sale " + Fixtures.uniqueWord();
        Instant startsAt = start.atStartOfDay(ZoneOffset.UTC).toInstant();
        promotions.create(AccountId.of(owner), new Promotions.PromotionForm(promotion, 25, null, List.of(workflow), startsAt,
                startsAt.plus(Duration.ofDays(10))));

        // ten days before it at $40 (1 sale a day), its ten days at $30 (3 a day), and ten days after at $40 again (2 a day)
        List<AnalyticsHistory.Day> days = new ArrayList<>();
        for (int i = -10; i < 20; i++) {
            int sold = i < 0 ? 1 : i < 10 ? 3 : 2;
            Money each = Money.of(i >= 0 && i < 10 ? 3000 : 4000, "USD");
            days.add(new AnalyticsHistory.Day(store, start.plusDays(i), workflow, TrafficSource.Channel.SEARCH, "google", 50, 40, 10, 5,
                    sold, 0, times(each, sold), times(Money.of(each.minor() / 10, "USD"), sold), times(Money.of(each.minor() * 9 / 10, "USD"), sold),
                    Money.of(0, "USD"), Money.of(0, "USD")));
        }
        history.importDays(days);
        assertThat(jdbc.sql("select count(*) from order_line where ref_id = ?").param(workflow).query(Long.class).single())
                .as("no order: the history only").isZero();

        // what the charts read for its days: the sales rollups of its workflow
        long sold = jdbc.sql("select sum(sales) from analytics_sales_daily where item_id = ? and day between ? and ?")
                .params(workflow, start, start.plusDays(9)).query(Long.class).single();
        long revenue = jdbc.sql("select sum(gross_minor - refunded_minor) from analytics_sales_daily where item_id = ? and day between ? and ?")
                .params(workflow, start, start.plusDays(9)).query(Long.class).single();
        assertThat(sold).isEqualTo(30);
        assertThat(revenue).isEqualTo(90_000);

        String page = seller.get("/seller/dashboard?period=12m").assertStatus(200).body();
        assertThat(page).contains(promotion)
                // its sales, their revenue, and what 25 % took off the list price of what they brought ($900 is 75 % of $1,200)
                .contains("data-label=\"Sales\">30</td><td data-label=\"Revenue\">$900</td><td data-label=\"Discount given\">$300</td>")
                .contains("30 sold since it started, 10 in as many days before");
    }

    private static Money times(Money money, int count) {
        return Money.of(money.minor() * count, money.currency().getCurrencyCode());
    }
}
