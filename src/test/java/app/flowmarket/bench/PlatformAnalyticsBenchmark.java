package app.flowmarket.bench;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import app.flowmarket.IntegrationTest;
import app.flowmarket.account.AccountManagement;
import app.flowmarket.analytics.Period;
import app.flowmarket.analytics.PlatformStats;
import app.flowmarket.currency.RatesFixture;
import app.flowmarket.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark, not a test (not run by {@code ./mvnw verify}): the admins' platform analytics over two years of
 * rollups (a year shown, the year before for the comparison) of a marketplace of a realistic size: 10,000
 * distinct accounts active a day out of 80,000, 3,000 items selling each day in three currencies. Measures the
 * queries behind one page for 7 days, 30 days, 90 days and 12 months, and the whole page over HTTP. Run with
 * {@code bench/platform-analytics.sh}; {@code -Dbench.dau}, {@code -Dbench.accounts} and {@code -Dbench.items}
 * change the sizes.
 */
@IntegrationTest
class PlatformAnalyticsBenchmark {

    static final int DAYS = 730;
    static final long DAU = Long.getLong("bench.dau", 10_000L);
    static final long ACCOUNTS = Long.getLong("bench.accounts", 80_000L);
    static final long ITEMS = Long.getLong("bench.items", 3_000L);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountManagement accounts;

    @Autowired
    PlatformStats stats;

    @Autowired
    ApplicationContext context;

    @Test
    void platformAnalyticsOverTwoYearsOfRollups() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        long started = System.currentTimeMillis();
        // who was active: each day DAU accounts of the pool, a different slice every day
        jdbc.sql("""
                insert into platform_active_day (day, account_id)
                select :today::date - d, md5(((i * 7919 + d * 104729) % :accounts)::text)::uuid
                from generate_series(0, :days - 1) d cross join generate_series(1, :dau) i
                on conflict do nothing""")
                .param("today", today).param("days", DAYS).param("accounts", ACCOUNTS).param("dau", DAU).update();
        // each account's last active day, as the writers keep it
        jdbc.sql("""
                insert into platform_account_last (account_id, last_day)
                select account_id, max(day) from platform_active_day group by account_id
                on conflict (account_id) do update set last_day = greatest(platform_account_last.last_day, excluded.last_day)""").update();
        long active = System.currentTimeMillis();
        // what sold: ITEMS items a day out of 50,000, of 5,000 stores, in three currencies
        jdbc.sql("""
                insert into platform_item_daily (day, item_id, currency, store_id, sales, net_minor)
                select :today::date - d, md5(('item' || ((i * 31 + d * 977) % 50000))::text)::uuid,
                       (array['USD','EUR','GBP'])[1 + i % 3], md5(('store' || ((i * 31 + d * 977) % 50000) % 5000)::text)::uuid,
                       1 + i % 4, (1 + i % 4) * (900 + (i * 37) % 4000)
                from generate_series(0, :days - 1) d cross join generate_series(1, :items) i
                on conflict do nothing""")
                .param("today", today).param("days", DAYS).param("items", ITEMS).update();
        jdbc.sql("""
                insert into platform_item_monthly (month, item_id, currency, store_id, sales, net_minor)
                select date_trunc('month', day)::date, item_id, currency, min(store_id::text)::uuid, sum(sales), sum(net_minor)
                from platform_item_daily where day > :today::date - :days group by 1, 2, 3
                on conflict do nothing""")
                .param("today", today).param("days", DAYS).update();
        jdbc.sql("""
                insert into platform_sales_daily (day, currency, sales, gross_minor, fee_minor, refunds, refunded_minor, refunded_fee_minor)
                select day, currency, sum(sales), sum(net_minor), sum(net_minor) / 10, sum(sales) / 50, sum(net_minor) / 60, sum(net_minor) / 600
                from platform_item_daily where day > :today::date - :days group by day, currency
                on conflict do nothing""")
                .param("today", today).param("days", DAYS).update();
        jdbc.sql("""
                insert into platform_daily (day, orders, new_buyers, new_sellers, active_accounts, views, purchases)
                select a.day, s.sales * 9 / 10, s.sales / 20, 3, a.n, s.sales * 40, s.sales
                from (select day, count(*) n from platform_active_day where day > :today::date - :days group by day) a
                join (select day, sum(sales) sales from platform_item_daily where day > :today::date - :days group by day) s on s.day = a.day
                on conflict (day) do update set orders = excluded.orders, new_buyers = excluded.new_buyers,
                    active_accounts = excluded.active_accounts, views = excluded.views, purchases = excluded.purchases""")
                .param("today", today).param("days", DAYS).update();
        jdbc.sql("analyze").update();
        long rows = jdbc.sql("select (select count(*) from platform_active_day) + (select count(*) from platform_item_daily)"
                + " + (select count(*) from platform_sales_daily) + (select count(*) from platform_daily)"
                + " + (select count(*) from platform_item_monthly)").query(Long.class).single();
        System.out.printf("platform-bench data: %,d active-day rows in %,d ms, %,d rows in all in %,d ms%n",
                jdbc.sql("select count(*) from platform_active_day").query(Long.class).single(), active - started, rows,
                System.currentTimeMillis() - started);

        for (String key : List.of("7d", "30d", "90d", "12m")) {
            Period period = switch (key) {
                case "7d" -> new Period(today.minusDays(6), today);
                case "30d" -> new Period(today.minusDays(29), today);
                case "90d" -> new Period(today.minusDays(89), today);
                default -> new Period(today.minusMonths(12).plusDays(1), today);
            };
            long[] times = new long[25];
            long[] parts = new long[4];
            for (int run = 0; run < times.length; run++) {
                long t0 = System.nanoTime();
                stats.totals(period);
                stats.totals(period.previous());
                long t1 = System.nanoTime();
                stats.activeOn(period.to());
                stats.activeOn(period.previous().to());
                long t2 = System.nanoTime();
                stats.series(period);
                long t3 = System.nanoTime();
                stats.topStores(period, 10);
                stats.topItems(period, 10);
                long t4 = System.nanoTime();
                times[run] = (t4 - t0) / 1_000_000;
                if (run >= 5) {
                    parts[0] += t1 - t0;
                    parts[1] += t2 - t1;
                    parts[2] += t3 - t2;
                    parts[3] += t4 - t3;
                }
            }
            long[] measured = Arrays.copyOfRange(times, 5, times.length);
            Arrays.sort(measured);
            System.out.printf("platform-bench queries period=%s: median %d ms, max %d ms (mean: totals %d, active %d, series %d, top lists %d ms;"
                            + " first run %d ms)%n",
                    key, measured[measured.length / 2], measured[measured.length - 1], parts[0] / 20_000_000, parts[1] / 20_000_000,
                    parts[2] / 20_000_000, parts[3] / 20_000_000, times[0]);
        }
        String email = "bench-admin-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        accounts.createVerified(email, "bench-password-123", "Bench Admin", "ADMIN");
        WebSession admin = new WebSession(port).signIn(email, "bench-password-123");
        for (String key : List.of("30d", "12m")) {
            long[] pages = new long[10];
            for (int run = 0; run < pages.length; run++) {
                long t0 = System.nanoTime();
                admin.get("/admin/analytics?period=" + key).assertStatus(200);
                pages[run] = (System.nanoTime() - t0) / 1_000_000;
            }
            long[] measuredPages = Arrays.copyOfRange(pages, 3, pages.length);
            Arrays.sort(measuredPages);
            System.out.printf("platform-bench page /admin/analytics?period=%s: median %d ms, max %d ms%n", key,
                    measuredPages[measuredPages.length / 2], measuredPages[measuredPages.length - 1]);
        }

        // the day's rates change (the pound's by 1 %): the kept lists were ranked at the old ones. The first view of each
        // period at once, then after another change the first views twenty seconds later.
        RatesFixture rates = new RatesFixture(context);
        List<LocalDate> stored = new java.util.ArrayList<>();
        try {
            for (int wait : new int[] {0, 20}) {
                stored.add(rates.storeChanged("GBP", new java.math.BigDecimal(wait == 0 ? "1.01" : "0.99")));
                if (wait > 0) {
                    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(wait + 10)).pollDelay(java.time.Duration.ofSeconds(wait))
                            .until(() -> true);
                }
                StringBuilder line = new StringBuilder();
                for (String key : List.of("7d", "30d", "90d", "12m")) {
                    Period period = switch (key) {
                        case "7d" -> new Period(today.minusDays(6), today);
                        case "30d" -> new Period(today.minusDays(29), today);
                        case "90d" -> new Period(today.minusDays(89), today);
                        default -> new Period(today.minusMonths(12).plusDays(1), today);
                    };
                    long t0 = System.nanoTime();
                    stats.totals(period);
                    stats.totals(period.previous());
                    stats.activeOn(period.to());
                    stats.activeOn(period.previous().to());
                    stats.series(period);
                    stats.topStores(period, 10);
                    stats.topItems(period, 10);
                    line.append(" ").append(key).append(" ").append((System.nanoTime() - t0) / 1_000_000).append(" ms");
                }
                System.out.printf("platform-bench first view %d s after a rate change:%s%n", wait, line);
            }
        } finally {
            stored.forEach(rates::remove);
        }
    }
}
