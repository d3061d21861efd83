package app.flowmarket.bench;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import app.flowmarket.IntegrationTest;
import app.flowmarket.account.AccountManagement;
import app.flowmarket.analytics.Period;
import app.flowmarket.analytics.SellerStats;
import app.flowmarket.shared.AccountId;
import app.flowmarket.shared.CurrentUser;
import app.flowmarket.store.StoreManagement;
import app.flowmarket.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark, not a test (not run by {@code ./mvnw verify}): a store with a year of 10M tracked events
 * (1M of them purchases) and 1M sold order lines. Measures the dashboard's queries on the rollups and the
 * whole dashboard page, then streams the 1M-line sales export as CSV and as Excel while sampling the heap.
 * Run with {@code bench/dashboard.sh}; {@code -Dbench.events} and {@code -Dbench.sales} change the sizes.
 */
@IntegrationTest
class DashboardBenchmark {

    static final long EVENTS = Long.getLong("bench.events", 10_000_000L);
    static final long SALES = Long.getLong("bench.sales", 1_000_000L);
    static final int WORKFLOWS = 50;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountManagement accounts;

    @Autowired
    StoreManagement stores;

    @Autowired
    SellerStats stats;

    @Test
    void dashboardAndExportsAtAYearOfData() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String email = "bench-seller-" + tag + "@example.test";
        CurrentUser owner = accounts.find(accounts.createVerified(email, "bench-password-123", "Bench Seller")).orElseThrow();
        stores.open(AccountId.of(owner.id()), new StoreManagement.StoreProfile("Bench " + tag, "bench-" + tag, "", null, null, null));
        UUID storeId = stores.findByOwner(AccountId.of(owner.id())).orElseThrow().id();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        long started = System.currentTimeMillis();
        // loaded as a bulk load is: the raw events' indexes made again once the rows are in, not kept up row by row
        List<String> eventIndexes = jdbc.sql("select indexname, indexdef from pg_indexes where tablename = 'analytics_event' and indexdef not like '%UNIQUE%'")
                .query((rs, n) -> rs.getString(1) + "\n" + rs.getString(2)).list();
        eventIndexes.forEach(index -> jdbc.sql("drop index " + index.split("\n")[0]).update());
        // raw events: a year, 50 workflows, six sources; 1 in 10 a purchase, visitors a third of the events
        jdbc.sql("""
                insert into analytics_event (occurred_at, day, kind, store_id, item_id, visitor, source, referrer)
                select d::timestamptz + interval '1 second' * (i % 86400), d, k, :store, w, left(md5((i / 3650)::text || d), 22), s, r
                from generate_series(1, :n) i
                cross join lateral (select (:today::date - (i % 365)::int) d,
                    ('00000000-0000-4000-8000-' || lpad(((i / 365) % :w)::text, 12, '0'))::uuid w,
                    case when i % 10 = 0 then 'PURCHASE' when i % 10 = 1 then 'CHECKOUT' when i % 10 in (2, 3) then 'CART' else 'VIEW' end k,
                    (array['SEARCH','SOCIAL','DIRECT','EMAIL','OTHER','INTERNAL'])[1 + (i / 7) % 6] s,
                    (array['google','linkedin','','newsletter','blog.example.com',''])[1 + (i / 7) % 6] r) x""")
                .param("store", storeId).param("n", EVENTS).param("today", today).param("w", WORKFLOWS).update();
        eventIndexes.forEach(index -> jdbc.sql(index.split("\n")[1]).update());
        long raw = System.currentTimeMillis();
        // the rollups the writer keeps up to date as events come in, made here in one pass
        jdbc.sql("""
                insert into analytics_daily (store_id, day, item_id, source, referrer, views, visitors, carts, checkouts, purchases)
                select store_id, day, item_id, source, referrer, count(*) filter (where kind = 'VIEW'),
                       count(distinct visitor) filter (where kind = 'VIEW'), count(*) filter (where kind = 'CART'),
                       count(*) filter (where kind = 'CHECKOUT'), count(*) filter (where kind = 'PURCHASE')
                from analytics_event where store_id = :store group by 1, 2, 3, 4, 5""").param("store", storeId).update();
        jdbc.sql("""
                insert into analytics_sales_daily (store_id, day, item_id, source, currency, sales, gross_minor, fee_minor, seller_minor)
                select store_id, day, item_id, source, 'USD', count(*), count(*) * 2900, count(*) * 290, count(*) * 2610
                from analytics_event where store_id = :store and kind = 'PURCHASE' group by 1, 2, 3, 4""").param("store", storeId).update();
        // and their months, as the writer adds to them in the same transactions
        jdbc.sql("""
                insert into analytics_monthly (store_id, month, item_id, source, referrer, views, visitors, carts, checkouts, purchases)
                select store_id, date_trunc('month', day)::date, item_id, source, referrer, sum(views), sum(visitors), sum(carts),
                       sum(checkouts), sum(purchases)
                from analytics_daily where store_id = :store group by 1, 2, 3, 4, 5""").param("store", storeId).update();
        jdbc.sql("""
                insert into analytics_sales_monthly (store_id, month, item_id, source, currency, sales, gross_minor, fee_minor, seller_minor)
                select store_id, date_trunc('month', day)::date, item_id, source, currency, sum(sales), sum(gross_minor), sum(fee_minor),
                       sum(seller_minor)
                from analytics_sales_daily where store_id = :store group by 1, 2, 3, 4, 5""").param("store", storeId).update();
        jdbc.sql("analyze analytics_daily").update();
        jdbc.sql("analyze analytics_sales_daily").update();
        jdbc.sql("analyze analytics_monthly").update();
        jdbc.sql("analyze analytics_sales_monthly").update();
        long rolled = System.currentTimeMillis();
        long rollupRows = jdbc.sql("select count(*) from analytics_daily where store_id = ?").param(storeId).query(Long.class).single();
        System.out.printf("dashboard-bench data: %,d events in %,d ms, rolled up into %,d rows in %,d ms%n", EVENTS, raw - started,
                rollupRows, rolled - raw);

        for (String key : List.of("30d", "90d", "12m")) {
            Period period = switch (key) {
                case "30d" -> new Period(today.minusDays(29), today);
                case "90d" -> new Period(today.minusDays(89), today);
                default -> new Period(today.minusMonths(12).plusDays(1), today);
            };
            long[] times = new long[25];
            for (int run = 0; run < times.length; run++) {
                long t0 = System.nanoTime();
                stats.overview(storeId, period, "USD", null, 10);
                times[run] = (System.nanoTime() - t0) / 1_000_000;
            }
            long[] measured = Arrays.copyOfRange(times, 5, times.length);
            Arrays.sort(measured);
            System.out.printf("dashboard-bench queries period=%s: median %d ms, max %d ms (the page's figures: 2 statements)%n", key,
                    measured[measured.length / 2], measured[measured.length - 1]);
        }
        WebSession seller = new WebSession(port).signIn(email, "bench-password-123");
        long[] pages = new long[10];
        for (int run = 0; run < pages.length; run++) {
            long t0 = System.nanoTime();
            seller.get("/seller/dashboard?period=12m").assertStatus(200);
            pages[run] = (System.nanoTime() - t0) / 1_000_000;
        }
        long[] measuredPages = Arrays.copyOfRange(pages, 3, pages.length);
        Arrays.sort(measuredPages);
        System.out.printf("dashboard-bench page /seller/dashboard?period=12m: median %d ms, max %d ms%n",
                measuredPages[measuredPages.length / 2], measuredPages[measuredPages.length - 1]);

        // 1M sold lines: one order each, for the accountant's export
        long t0 = System.currentTimeMillis();
        jdbc.sql("""
                insert into purchase_order (id, buyer_id, status, currency, subtotal_minor, discount_minor, total_minor, fee_minor,
                                            idempotency_key, created_at, paid_at)
                select gen_random_uuid(), :buyer, 'PAID', 'USD', 2900, 0, 2900, 290, 'bench-' || i,
                       now() - interval '1 minute' * i / 3, now() - interval '1 minute' * i / 3
                from generate_series(1, :n) i""").param("buyer", owner.id()).param("n", SALES).update();
        jdbc.sql("""
                insert into order_line (id, order_id, position, kind, ref_id, title, store_id, list_minor, net_minor, fee_minor, seller_minor,
                                        workflow_ids, status, currency, charged_minor, rate)
                select gen_random_uuid(), o.id, 0, 'WORKFLOW', gen_random_uuid(), 'Bench workflow ' || (o.created_at::time), :store,
                       2900, 2900, 290, 2610, '', 'ACTIVE', o.currency, 2900, 1
                from purchase_order o where o.buyer_id = :buyer""").param("store", storeId).param("buyer", owner.id()).update();
        System.out.printf("dashboard-bench data: %,d sold lines in %,d ms%n", SALES, System.currentTimeMillis() - t0);
        String session = seller.sessionCookie();
        for (String format : List.of("csv", "xlsx")) {
            System.gc();
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            long before = memory.getHeapMemoryUsage().getUsed();
            AtomicLong peak = new AtomicLong(before);
            AtomicBoolean running = new AtomicBoolean(true);
            Thread sampler = Thread.ofPlatform().daemon().start(() -> {
                while (running.get()) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            long e0 = System.currentTimeMillis();
            HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/seller/sales/export?format=" + format))
                    .header("Cookie", "SESSION=" + session).build(), HttpResponse.BodyHandlers.ofInputStream());
            long bytes = 0;
            try (InputStream body = response.body()) {
                byte[] buffer = new byte[64 * 1024];
                for (int read; (read = body.read(buffer)) > 0; ) {
                    bytes += read;
                }
            }
            running.set(false);
            sampler.join();
            System.out.printf("dashboard-bench export %s of %,d lines: %,d ms, %,d bytes, heap in use before %,d MB, at most %,d MB during%n",
                    format, SALES, System.currentTimeMillis() - e0, bytes, before / (1 << 20), peak.get() / (1 << 20));
        }
    }
}
