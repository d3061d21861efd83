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
import app.flowmarket.commerce.OrderDisputeClosed;
import app.flowmarket.commerce.OrderLineRefunded;
import app.flowmarket.commerce.OrderPaid;
import app.flowmarket.commerce.Sellable;
import app.flowmarket.currency.RatesFixture;
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

    @Autowired
    org.springframework.context.ApplicationContext context;

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

    @Test
    void aLostChargebackCountsLikeARefundOnceAndAWonOneNotAtAll() {
        Period week = new Period(LocalDate.of(2005, 5, 9), LocalDate.of(2005, 5, 15));
        AccountId ann = AccountId.of(UUID.randomUUID());
        Orders orders = new Orders();
        OrderPaid lost = orders.order(at(week.from()), ann, usd(4000), usd(1500));
        OrderPaid won = orders.order(at(week.from()), ann, usd(2500));
        orders.paid.forEach(writer::purchased);
        PlatformStats.Totals paid = stats.totals(week);

        Instant closed = at(week.from().plusDays(3));
        OrderDisputeClosed lostDispute = new OrderDisputeClosed(lost.orderId(), lost.orderNumber(), ann, "dp_lost", lost.lines(),
                usd(1500), false, closed);
        writer.chargedBack(lostDispute);
        // the processor's webhook told twice, or the event delivered again: once
        writer.chargedBack(lostDispute);
        writer.chargedBack(new OrderDisputeClosed(won.orderId(), won.orderNumber(), ann, "dp_won", won.lines(), usd(1500), true, closed));

        // what a refund of both lines of the lost one would have done, line by line (decision 53: the fee goes back too)
        Orders refunded = new Orders();
        refunded.refund(lost, 0, closed);
        refunded.refund(lost, 1, closed);
        assertThat(jdbc.sql("select count(*) from platform_chargeback where order_id in (?, ?)")
                .params(lost.orderId().value(), won.orderId().value()).query(Long.class).single()).isEqualTo(2);
        // and in each seller's figures, on the day it closed: a refund of what was paid and of the seller's share of it
        for (OrderPaid.Line line : lost.lines()) {
            assertThat(jdbc.sql("""
                    select day || ' ' || sum(refunds) || ' ' || sum(refunded_minor) || ' ' || sum(refunded_seller_minor) from analytics_sales_daily
                    where store_id = ? and item_id = ? and refunds > 0 group by day""").params(line.storeId().value(), line.refId())
                    .query(String.class).single())
                    .isEqualTo(week.from().plusDays(3) + " 1 " + line.net().minor() + " " + line.sellerShare().minor());
        }
        assertThat(jdbc.sql("select coalesce(sum(refunds), 0) from analytics_sales_monthly where item_id = ?")
                .param(won.lines().get(0).refId()).query(Long.class).single()).as("a dispute won takes nothing back").isZero();
        PlatformStats.Totals after = stats.totals(week);
        assertThat(after.refunds()).isEqualTo(paid.refunds() + 2);
        assertThat(after.refunded()).isEqualTo(new Money(refunded.usdRefunded, USD)).isEqualTo(usd(5500));
        assertThat(after.refundedFees()).isEqualTo(new Money(refunded.usdRefundedFees, USD));
        assertThat(after.netRevenue()).isEqualTo(new Money(paid.fees().minor() - refunded.usdRefundedFees, USD));
        assertThat(after.gmv()).as("what was sold stays sold").isEqualTo(paid.gmv());
        assertThat(stats.topItems(week, 10)).extracting(PlatformStats.Ranked::id, r -> r.net().minor())
                .as("the charged back lines sold nothing in the end; the one whose dispute was won keeps its sale")
                .contains(org.assertj.core.groups.Tuple.tuple(won.lines().get(0).refId(), 2500L))
                .doesNotContain(org.assertj.core.groups.Tuple.tuple(lost.lines().get(0).refId(), 4000L));
        assertThat(jdbc.sql("select sum(net_minor) from platform_item_daily where item_id in (?, ?)")
                .params(lost.lines().get(0).refId(), lost.lines().get(1).refId()).query(Long.class).single()).isZero();
    }

    @Test
    void storedActiveCountsAreTheDistinctCountsOfTheirDaysAndFollowLateWrites() {
        LocalDate day = LocalDate.of(2006, 2, 10);
        List<UUID> people = new ArrayList<>();
        List<AnalyticsHistory.Activity> activity = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            UUID person = UUID.randomUUID();
            people.add(person);
            // each active on a few days spread over the month before the day
            for (int d = i % 5; d < 40; d += 3 + i % 7) {
                activity.add(new AnalyticsHistory.Activity(day.minusDays(d), person));
            }
        }
        history.importActivity(activity);
        for (LocalDate d : List.of(day, day.minusDays(6), day.minusDays(25))) {
            assertThat(stats.activeOn(d)).isEqualTo(distinctActive(d));
            assertThat(stats.activeOn(d)).as("read again, from the stored counts").isEqualTo(distinctActive(d));
        }
        assertThat(jdbc.sql("select count(*) from platform_active_window where day = ?").param(day).query(Long.class).single()).isOne();

        // a day told later (an import) is counted in the days after it that were stored before
        history.importActivity(List.of(new AnalyticsHistory.Activity(day.minusDays(2), UUID.randomUUID()),
                new AnalyticsHistory.Activity(day.minusDays(20), UUID.randomUUID())));
        assertThat(stats.activeOn(day)).isEqualTo(distinctActive(day));
        assertThat(stats.activeOn(day.minusDays(6))).isEqualTo(distinctActive(day.minusDays(6)));

        // and an erased account is no longer in them
        jdbc.sql("update platform_closed_version set version = version + 1").update();
        PlatformStats.Active before = stats.activeOn(day);
        jdbc.sql("delete from platform_active_day where account_id = ?").param(people.get(0)).update();
        jdbc.sql("update platform_closed_version set version = version + 1").update();
        assertThat(stats.activeOn(day)).isEqualTo(distinctActive(day)).isNotEqualTo(before);

        // today: the day's rows and each account's last active day come to the same distinct counts
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        history.importActivity(List.of(new AnalyticsHistory.Activity(today, people.get(1)), new AnalyticsHistory.Activity(today.minusDays(3),
                people.get(2)), new AnalyticsHistory.Activity(today.minusDays(12), people.get(3))));
        assertThat(stats.activeOn(today)).isEqualTo(distinctActive(today));
        assertThat(jdbc.sql("select count(*) from platform_account_last l where last_day <> (select max(day) from platform_active_day a"
                + " where a.account_id = l.account_id)").query(Long.class).single()).as("each account's last day is its last row").isZero();
    }

    @Test
    void theTopListsOfAPeriodEndingTodayAreWhatTheRawRowsComeTo() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Period month = new Period(today.minusDays(29), today);
        Period year = new Period(today.minusMonths(12).plusDays(1), today);
        // 400 items of 40 stores over 45 days in two currencies (more than a kept list holds), entered as the writers would
        String run = UUID.randomUUID().toString();
        jdbc.sql("""
                insert into platform_item_daily (day, item_id, currency, store_id, sales, net_minor)
                select :today::date - d, md5('top-item-' || :run || '-' || i)::uuid, (array['USD','EUR'])[1 + (i + d) % 2],
                       md5('top-store-' || :run || '-' || (i % 40))::uuid, 1 + (i + d) % 3, (1 + (i + d) % 3) * (500 + (i * 37 + d * 11) % 3000)
                from generate_series(1, 45) d cross join generate_series(1, 400) i where (i + d) % 4 = 0""")
                .param("today", today).param("run", run).update();
        jdbc.sql("""
                insert into platform_item_monthly (month, item_id, currency, store_id, sales, net_minor)
                select date_trunc('month', day)::date, item_id, currency, min(store_id::text)::uuid, sum(sales), sum(net_minor)
                from platform_item_daily where item_id in (select md5('top-item-' || :run || '-' || i)::uuid from generate_series(1, 400) i)
                group by 1, 2, 3""")
                .param("run", run).update();
        jdbc.sql("insert into platform_sales_daily (day, currency) values (?, 'EUR'), (?, 'USD') on conflict do nothing")
                .params(today.minusDays(1), today.minusDays(1)).update();
        jdbc.sql("update platform_closed_version set version = version + 1").update();

        for (Period period : List.of(month, year)) {
            assertThat(stats.topItems(period, 10)).isEqualTo(rawTop("item_id", period, 10));
            assertThat(stats.topStores(period, 10)).isEqualTo(rawTop("store_id", period, 10));
            assertThat(stats.topItems(period, 10)).as("again, from the kept list").isEqualTo(rawTop("item_id", period, 10));
        }
        assertThat(jdbc.sql("select count(*) from platform_top where kind = 'I' and from_day = ? and to_day = ? and threshold_minor is not null")
                .params(month.from(), today.minusDays(1)).query(Long.class).single()).as("a kept list that leaves ids out").isOne();

        // today an item that was not kept sells enough to lead, and one that was kept is refunded
        UUID leader = jdbc.sql("""
                select item_id from platform_item_daily where day between ? and ? and item_id not in (select id from platform_top_entry where kind = 'I')
                group by item_id having sum(sales) > 0 order by sum(net_minor) desc limit 1""")
                .params(month.from(), today.minusDays(1)).query(UUID.class).single();
        UUID kept = stats.topItems(month, 1).get(0).id();
        UUID keptStore = stats.topItems(month, 1).get(0).storeId();
        OrderPaid.Line sale = new OrderPaid.Line(UUID.randomUUID(), Sellable.Kind.WORKFLOW, leader, "Line", StoreId.of(storeOf(leader)), List.of(),
                usd(900_000), usd(90_000), usd(810_000), usd(900_000), BigDecimal.ONE);
        writer.purchased(new OrderPaid(OrderId.of(UUID.randomUUID()), 1, AccountId.of(UUID.randomUUID()), List.of(sale), usd(900_000),
                Instant.now(), today));
        jdbc.sql("insert into platform_item_daily (day, item_id, currency, store_id, sales, net_minor) values (?, ?, 'USD', ?, 0, -700000)")
                .params(today, kept, keptStore).update();
        for (Period period : List.of(month, year)) {
            assertThat(stats.topItems(period, 10)).isEqualTo(rawTop("item_id", period, 10));
            assertThat(stats.topStores(period, 10)).isEqualTo(rawTop("store_id", period, 10));
        }
        assertThat(stats.topItems(month, 1).get(0).id()).isEqualTo(leader);

        // a sale told late, on a closed day, is in the lists at once
        UUID late = UUID.randomUUID();
        OrderPaid.Line lateSale = new OrderPaid.Line(UUID.randomUUID(), Sellable.Kind.WORKFLOW, late, "Line", StoreId.of(UUID.randomUUID()),
                List.of(), usd(2_000_000), usd(200_000), usd(1_800_000), usd(2_000_000), BigDecimal.ONE);
        writer.purchased(new OrderPaid(OrderId.of(UUID.randomUUID()), 2, AccountId.of(UUID.randomUUID()), List.of(lateSale), usd(2_000_000),
                at(today.minusDays(3)), today.minusDays(3)));
        assertThat(stats.topItems(month, 10)).isEqualTo(rawTop("item_id", month, 10));
        assertThat(stats.topItems(month, 1).get(0).id()).isEqualTo(late);
        assertThat(stats.topStores(year, 10)).isEqualTo(rawTop("store_id", year, 10));
    }

    @Test
    void afterARateChangeTheOfferedPeriodsListsAreKeptAgainWithoutAPageAsking() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Period month = new Period(today.minusDays(29), today);
        // pounds and dollars sold on closed days, so that the pound's rate ranks them
        String run = UUID.randomUUID().toString();
        jdbc.sql("""
                insert into platform_item_daily (day, item_id, currency, store_id, sales, net_minor)
                select :today::date - d, md5('rate-item-' || :run || '-' || i)::uuid, (array['USD','GBP'])[1 + i % 2],
                       md5('rate-store-' || :run || '-' || (i % 7))::uuid, 1, 1000 + i * 13
                from generate_series(1, 3) d cross join generate_series(1, 30) i""")
                .param("today", today).param("run", run).update();
        jdbc.sql("insert into platform_sales_daily (day, currency) values (?, 'GBP'), (?, 'USD') on conflict do nothing")
                .params(today.minusDays(1), today.minusDays(1)).update();
        stats.topItems(month, 10);
        String ranked = jdbc.sql("select rates from platform_top where kind = 'I' and from_day = ? and to_day = ?")
                .params(month.from(), today.minusDays(1)).query(String.class).single();

        RatesFixture rates = new RatesFixture(context);
        LocalDate day = rates.storeChanged("GBP", new BigDecimal("1.01"));
        try {
            // every period the page offers, stores and workflows, ranked again at the new rates and current
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                    select count(*) from platform_top where to_day = ? and rates <> ? and from_day in (?, ?, ?, ?)
                      and version = (select version from platform_closed_version)""")
                    .params(today.minusDays(1), ranked, today.minusDays(6), today.minusDays(29), today.minusDays(89),
                            today.minusMonths(12).plusDays(1))
                    .query(Long.class).single() == 8);
            assertThat(stats.topItems(month, 10)).isEqualTo(rawTop("item_id", month, 10));
            assertThat(stats.topStores(month, 10)).isEqualTo(rawTop("store_id", month, 10));
        } finally {
            rates.remove(day);
        }
    }

    private UUID storeOf(UUID item) {
        return jdbc.sql("select min(store_id::text)::uuid from platform_item_daily where item_id = ?").param(item).query(UUID.class).single();
    }

    /** The top list as the daily rows alone give it: each id's sums per currency converted at the day's rates, then added up. */
    private List<PlatformStats.Ranked> rawTop(String id, Period period, int limit) {
        Currency to = stats.currency();
        java.util.Map<UUID, long[]> totals = new java.util.HashMap<>();
        java.util.Map<UUID, UUID> stores = new java.util.HashMap<>();
        jdbc.sql("select " + id + ", min(store_id::text)::uuid, currency, sum(sales), sum(net_minor) from platform_item_daily"
                        + " where day between ? and ? group by 1, 3")
                .params(period.from(), period.to())
                .query(rs -> {
                    UUID key = rs.getObject(1, UUID.class);
                    UUID store = rs.getObject(2, UUID.class);
                    stores.merge(key, store, (a, b) -> a.toString().compareTo(b.toString()) <= 0 ? a : b);
                    long[] t = totals.computeIfAbsent(key, k -> new long[2]);
                    t[0] += rs.getLong(4);
                    long net = rs.getLong(5);
                    t[1] += net == 0 ? 0 : converter.convert(Money.of(net, rs.getString(3)), to).map(Money::minor).orElse(0L);
                });
        return totals.entrySet().stream().filter(e -> e.getValue()[0] > 0)
                .map(e -> new PlatformStats.Ranked(e.getKey(), stores.get(e.getKey()), e.getValue()[0], new Money(e.getValue()[1], to)))
                .sorted(java.util.Comparator.comparingLong((PlatformStats.Ranked r) -> r.net().minor()).reversed()
                        .thenComparing(java.util.Comparator.comparingLong(PlatformStats.Ranked::sales).reversed())
                        .thenComparing(PlatformStats.Ranked::id))
                .limit(limit).toList();
    }

    /** The distinct accounts of the day, the seven days and the thirty days ending with it, counted from the rows. */
    private PlatformStats.Active distinctActive(LocalDate day) {
        return jdbc.sql("""
                select count(*) filter (where day = ?), count(distinct account_id) filter (where day > ?), count(distinct account_id)
                from platform_active_day where day between ? and ?""")
                .params(day, day.minusDays(7), day.minusDays(29), day)
                .query((rs, n) -> new PlatformStats.Active(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
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
