package app.flowmarket.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import app.flowmarket.IntegrationTest;
import app.flowmarket.account.AccountManagement;
import app.flowmarket.catalog.SellerFixture;
import app.flowmarket.commerce.OrderLineRefunded;
import app.flowmarket.commerce.OrderPaid;
import app.flowmarket.commerce.Sellable;
import app.flowmarket.shared.AccountId;
import app.flowmarket.shared.CurrencyConverter;
import app.flowmarket.shared.Money;
import app.flowmarket.shared.OrderId;
import app.flowmarket.shared.StoreId;
import app.flowmarket.support.Fixtures;
import app.flowmarket.support.Shopper;
import app.flowmarket.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class PlatformAnalyticsIntegrationTests {

    static final Currency USD = Currency.getInstance("USD");

    @LocalServerPort
    int port;

    @Autowired
    AnalyticsWriter writer;

    @Autowired
    AnalyticsHistory history;

    @Autowired
    PlatformStats stats;

    @Autowired
    CurrencyConverter converter;

    @Autowired
    AccountManagement accounts;

    @Autowired
    JdbcClient jdbc;

    /** The orders of a period as commerce would announce them, and what they come to, added up independently. */
    static final class Orders {
        final List<OrderPaid> paid = new ArrayList<>();
        final List<OrderLineRefunded> refunds = new ArrayList<>();
        long usdGross;
        long usdFees;
        long eurGross;
        long eurFees;
        long usdRefunded;
        long usdRefundedFees;
        long charged;

        OrderPaid order(Instant at, AccountId buyer, Money... nets) {
            List<OrderPaid.Line> lines = new ArrayList<>();
            for (Money net : nets) {
                long fee = net.minor() / 5;
                lines.add(new OrderPaid.Line(UUID.randomUUID(), Sellable.Kind.WORKFLOW, UUID.randomUUID(), "Line", StoreId.of(UUID.randomUUID()),
                        List.of(), net, new Money(fee, net.currency()), new Money(net.minor() - fee, net.currency()), net, BigDecimal.ONE));
                if (net.currency().equals(USD)) {
                    usdGross += net.minor();
                    usdFees += fee;
                } else {
                    eurGross += net.minor();
                    eurFees += fee;
                }
            }
            long total = lines.stream().mapToLong(l -> l.net().minor()).sum();
            OrderPaid order = new OrderPaid(OrderId.of(UUID.randomUUID()), paid.size() + 1, buyer, lines, new Money(total, USD), at,
                    LocalDate.ofInstant(at, ZoneOffset.UTC));
            if (total > 0) {
                charged++;
            }
            paid.add(order);
            return order;
        }

        void refund(OrderPaid order, int line, Instant at) {
            OrderPaid.Line refunded = order.lines().get(line);
            usdRefunded += refunded.net().minor();
            usdRefundedFees += refunded.fee().minor();
            refunds.add(new OrderLineRefunded(order.orderId(), order.orderNumber(), order.buyerId(), refunded, false, at));
        }
    }

    @Test
    void theRollupsComeToWhatTheOrdersSayForAPeriodAndThePeriodBefore() {
        Period week = new Period(LocalDate.of(2003, 3, 10), LocalDate.of(2003, 3, 16));
        AccountId ann = AccountId.of(UUID.randomUUID());
        AccountId bob = AccountId.of(UUID.randomUUID());
        AccountId cay = AccountId.of(UUID.randomUUID());

        Orders before = new Orders();
        before.order(at(week.previous().from()), ann, usd(1000));
        before.order(at(week.previous().to()), bob, usd(2500), eur(1200));

        Orders during = new Orders();
        OrderPaid twoLines = during.order(at(week.from()), ann, usd(1999), usd(501));
        during.order(at(week.from().plusDays(2)), cay, eur(4000));
        during.order(at(week.to()), cay, usd(0));
        OrderPaid refundedLater = during.order(at(week.to()), bob, usd(3000));
        during.refund(refundedLater, 0, at(week.to()).plusSeconds(3600));
        // a refund in the period of an order of the period before counts when it was made
        during.refund(before.paid.get(0), 0, at(week.from().plusDays(1)));

        for (Orders orders : List.of(before, during)) {
            orders.paid.forEach(writer::purchased);
            orders.refunds.forEach(writer::refunded);
        }
        // commerce's events may come twice: nothing is counted twice
        writer.purchased(twoLines);
        writer.refunded(during.refunds.get(0));

        PlatformStats.Totals now = stats.totals(week);
        assertThat(now.gmv()).isEqualTo(new Money(during.usdGross + eurInUsd(during.eurGross), USD));
        assertThat(now.fees()).isEqualTo(new Money(during.usdFees + eurInUsd(during.eurFees), USD));
        assertThat(now.refunded()).isEqualTo(new Money(during.usdRefunded, USD));
        assertThat(now.refunds()).isEqualTo(2);
        assertThat(now.netRevenue()).isEqualTo(new Money(during.usdFees + eurInUsd(during.eurFees) - during.usdRefundedFees, USD));
        assertThat(now.orders()).as("the free order is not an order with a value").isEqualTo(during.charged).isEqualTo(3);
        assertThat(now.sales()).isEqualTo(5);
        assertThat(now.averageOrderValue()).isEqualTo(new Money(now.gmv().minor() / 3, USD));
        assertThat(now.newBuyers()).as("Ann and Bob bought before; Cay's first charged order is in the period").isEqualTo(1);
        assertThat(now.purchases()).isEqualTo(5);

        PlatformStats.Totals then = stats.totals(week.previous());
        assertThat(then.gmv()).isEqualTo(new Money(before.usdGross + eurInUsd(before.eurGross), USD));
        assertThat(then.fees()).isEqualTo(new Money(before.usdFees + eurInUsd(before.eurFees), USD));
        assertThat(then.refunded().minor()).isZero();
        assertThat(then.orders()).isEqualTo(2);
        assertThat(then.averageOrderValue()).isEqualTo(new Money(then.gmv().minor() / 2, USD));
        assertThat(then.newBuyers()).isEqualTo(2);

        // the chart's points add up to the totals, and the top list to the items' net sales
        List<PlatformStats.Point> series = stats.series(week);
        assertThat(series).hasSize(7);
        assertThat(series.stream().mapToLong(PlatformStats.Point::orders).sum()).isEqualTo(3);
        assertThat(series.stream().mapToLong(PlatformStats.Point::gmvMinor).sum()).isEqualTo(now.gmv().minor());
        assertThat(stats.topItems(week, 10).get(0).net()).isEqualTo(new Money(eurInUsd(4000), USD));

        // and the admin reads the same on the page, with the change from the week before
        String page = admin().get("/admin/analytics?period=custom&from=2003-03-10&to=2003-03-16").assertStatus(200).body();
        assertThat(page).contains(now.gmv().format(Locale.ENGLISH)).contains(then.gmv().format(Locale.ENGLISH))
                .contains(now.netRevenue().format(Locale.ENGLISH)).contains("more than the period before");
    }

    @Test
    void aPaidOrderAddsWhatItsLinesSayToTodaysFigures() {
        WebSession seller = SellerFixture.newSeller(port);
        String workflowId = SellerFixture.publishedWorkflow(seller, "Platform " + Fixtures.uniqueSlug("gmv"), "n8n", "25");
        Period today = new Period(LocalDate.now(ZoneOffset.UTC), LocalDate.now(ZoneOffset.UTC));
        PlatformStats.Totals before = stats.totals(today);
        String email = Fixtures.uniqueEmail("platform-buyer");
        accounts.createVerified(email, Fixtures.PASSWORD, "Pat Platform");
        WebSession buyer = new WebSession(port).signIn(email, Fixtures.PASSWORD);
        String orderPath = Shopper.pay(buyer, Shopper.buy(buyer, workflowId), Shopper.GOOD_CARD);
        Shopper.awaitOrderText(buyer, orderPath, "Paid. Thank you");
        await().atMost(Duration.ofSeconds(20)).until(() -> stats.totals(today).orders() == before.orders() + 1);
        var line = jdbc.sql("select net_minor, fee_minor from order_line where order_id = ?::uuid")
                .param(orderPath.substring(orderPath.lastIndexOf('/') + 1)).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        PlatformStats.Totals after = stats.totals(today);
        assertThat(line[0]).isEqualTo(2500);
        assertThat(after.gmv().minor() - before.gmv().minor()).isEqualTo(line[0]);
        assertThat(after.fees().minor() - before.fees().minor()).isEqualTo(line[1]);
        assertThat(after.newBuyers() - before.newBuyers()).isEqualTo(1);
    }

    @Test
    void activeAccountsAreCountedOncePerDayWeekAndMonth() {
        LocalDate day = LocalDate.of(2004, 6, 30);
        UUID ann = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        UUID cay = UUID.randomUUID();
        UUID dan = UUID.randomUUID();
        UUID eve = UUID.randomUUID();
        history.importActivity(List.of(
                new AnalyticsHistory.Activity(day, ann), new AnalyticsHistory.Activity(day, bob), new AnalyticsHistory.Activity(day, ann),
                new AnalyticsHistory.Activity(day.minusDays(3), ann), new AnalyticsHistory.Activity(day.minusDays(3), cay),
                new AnalyticsHistory.Activity(day.minusDays(6), dan), new AnalyticsHistory.Activity(day.minusDays(7), eve),
                new AnalyticsHistory.Activity(day.minusDays(29), eve), new AnalyticsHistory.Activity(day.minusDays(30), UUID.randomUUID())));
        // given again (a second import, another node): still once
        history.importActivity(List.of(new AnalyticsHistory.Activity(day, bob)));

        assertThat(stats.activeOn(day)).isEqualTo(new PlatformStats.Active(2, 4, 5));
        assertThat(stats.activeOn(day.minusDays(3))).isEqualTo(new PlatformStats.Active(2, 4, 5));
        PlatformStats.Totals week = stats.totals(new Period(day.minusDays(6), day));
        assertThat(week.activeAccountDays()).isEqualTo(5);
        assertThat(week.averageDailyActive()).isEqualTo(1);

        // live: a signed-in person's requests make them active today, once
        String email = Fixtures.uniqueEmail("active");
        UUID id = accounts.createVerified(email, Fixtures.PASSWORD, "Ada Active");
        WebSession person = new WebSession(port).signIn(email, Fixtures.PASSWORD);
        person.get("/").assertStatus(200);
        person.get("/workflows").assertStatus(200);
        assertThat(jdbc.sql("select count(*) from platform_active_day where account_id = ? and day = ?")
                .params(id, LocalDate.now(ZoneOffset.UTC)).query(Long.class).single()).isEqualTo(1);
        new WebSession(port).get("/").assertStatus(200);
    }

    @Test
    void onlyAdminsSeeThePlatformFiguresAndTheirExport() {
        WebSession seller = SellerFixture.newSeller(port);
        String email = Fixtures.uniqueEmail("not-admin");
        accounts.createVerified(email, Fixtures.PASSWORD, "Nora Notadmin");
        WebSession buyer = new WebSession(port).signIn(email, Fixtures.PASSWORD);
        for (WebSession someone : List.of(seller, buyer)) {
            assertThat(someone.get("/admin/analytics").status()).isEqualTo(403);
            assertThat(someone.get("/admin/analytics?period=12m").status()).isEqualTo(403);
            WebSession.Page export = someone.get("/admin/analytics/export?format=csv&period=12m");
            assertThat(export.status()).isEqualTo(403);
            assertThat(export.body()).doesNotContain("Orders,");
        }
        assertThat(new WebSession(port).get("/admin/analytics").status()).isEqualTo(302);

        WebSession admin = admin();
        assertThat(admin.get("/admin").assertStatus(200).body()).contains("href=\"/admin/analytics\"");
        List<String> csv = admin.get("/admin/analytics/export?format=csv&period=custom&from=2003-03-01&to=2003-03-16").assertStatus(200)
                .body().lines().toList();
        assertThat(csv.get(0)).contains("Day,Orders,Sales,Gross sales (GMV)");
    }

    @Test
    void thePageShowsEachPeriodAndSaysWhatIsWrongWithABadOne() {
        WebSession admin = admin();
        for (String period : List.of("7d", "30d", "90d", "12m", "custom&from=2024-01-01&to=2024-02-29")) {
            String page = admin.get("/admin/analytics?period=" + period).assertStatus(200).body();
            assertThat(page).contains("<h1>Platform analytics</h1>").contains("Daily active accounts").contains("Top workflows");
        }
        assertThat(admin.get("/admin/analytics").assertStatus(200).body()).contains("<option value=\"30d\" selected");
        assertThat(admin.get("/admin/analytics?period=custom&from=2026-05-01&to=2026-04-01").assertStatus(400).body())
                .contains("ends before it starts");
        assertThat(admin.get("/admin/analytics?period=custom&from=someday&to=2026-04-01").assertStatus(400).body())
                .contains("choose one of the list");
        assertThat(admin.get("/admin/analytics?period=custom").assertStatus(400).body()).contains("choose one of the list");
        assertThat(admin.get("/admin/analytics?period=forever").assertStatus(400).body()).contains("choose one of the list");
        assertThat(admin.get("/admin/analytics?period=custom&from=1900-01-01&to=2026-04-01").assertStatus(400).body())
                .contains("ten years at most");
        assertThat(admin.get("/admin/analytics/export?format=pdf").assertStatus(400).body()).contains("csv or xlsx");
    }

    private WebSession admin() {
        String email = Fixtures.uniqueEmail("analytics-admin");
        accounts.createVerified(email, Fixtures.PASSWORD, "Ava Admin", "ADMIN");
        return new WebSession(port).signIn(email, Fixtures.PASSWORD);
    }

    private long eurInUsd(long minor) {
        return minor == 0 ? 0 : converter.convert(Money.of(minor, "EUR"), USD).orElseThrow().minor();
    }

    private static Instant at(LocalDate day) {
        return day.atTime(12, 0).toInstant(ZoneOffset.UTC);
    }

    private static Money usd(long minor) {
        return new Money(minor, USD);
    }

    private static Money eur(long minor) {
        return Money.of(minor, "EUR");
    }
}
