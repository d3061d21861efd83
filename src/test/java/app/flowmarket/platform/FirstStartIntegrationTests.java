package app.flowmarket.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.flowmarket.FlowmarketApplication;
import app.flowmarket.support.WebSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The product as a newcomer meets it: the application started as its own process on an empty data
 * directory with its embedded defaults and demo data, the first page loaded the moment the port
 * answers, a second instance on the same directory, Redis killed under it, and SIGTERM.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirstStartIntegrationTests {

    private static final Pattern COUNT = Pattern.compile("<p role=\"status\" class=\"muted\">(No|\\d+) workflows?</p>");
    private static final Pattern POSTGRES_PORT = Pattern.compile("Embedded PostgreSQL running on port (\\d+)");

    @TempDir
    static Path dataDir;

    static App app;
    static String firstPage;

    record App(Process process, int port, Path log) {

        String output() {
            try {
                return Files.readString(log, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        int postgresPort() {
            Matcher m = POSTGRES_PORT.matcher(output());
            assertThat(m.find()).as("PostgreSQL port in the log").isTrue();
            return Integer.parseInt(m.group(1));
        }
    }

    @BeforeAll
    static void startOnAnEmptyDataDirectory() throws Exception {
        int port = freePort();
        app = launch(dataDir, port, "first");
        // the first request is sent the moment the port accepts connections, as an eager person would
        // a start on a busy two-core machine (the whole suite running beside it) can take a few minutes
        await().atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofMillis(50)).until(() -> {
            assertThat(app.process().isAlive()).as("the app is running\n" + app.output()).isTrue();
            return accepts(port);
        });
        firstPage = new WebSession(port).get("/workflows").assertStatus(200).body();
    }

    @AfterAll
    static void stop() {
        if (app != null && app.process().isAlive()) {
            app.process().destroyForcibly();
        }
    }

    @Test
    @Order(1)
    void theFirstPageServedShowsTheWholeDemoCatalogueAndEveryCardCanBePagedThrough() throws Exception {
        long published;
        try (var db = DriverManager.getConnection("jdbc:postgresql://localhost:" + app.postgresPort() + "/postgres", "postgres", "");
             var rs = db.createStatement().executeQuery("select count(*) from workflow where status = 'PUBLISHED'")) {
            rs.next();
            published = rs.getLong(1);
        }
        assertThat(published).isGreaterThan(24);
        assertThat(total(firstPage)).isEqualTo(published);
        assertThat(cards(firstPage)).isEqualTo(24);

        WebSession visitor = new WebSession(app.port());
        long seen = 0;
        List<Integer> perPage = new ArrayList<>();
        for (int page = 1; page <= (published + 23) / 24; page++) {
            String body = visitor.get("/workflows?page=" + page).assertStatus(200).body();
            assertThat(total(body)).isEqualTo(published);
            perPage.add(cards(body));
            seen += cards(body);
        }
        assertThat(seen).as("cards per page " + perPage).isEqualTo(published);
    }

    @Test
    @Order(1)
    void everySearchCountsExactlyTheCardsOneCanPageThrough() {
        WebSession visitor = new WebSession(app.port());
        List<String> searches = List.of("q=slack", "q=openai", "q=google+sheets", "q=report", "q=shopify", "q=e-mail",
                "q=stripe&sort=price-asc", "q=slak", "category=marketing", "price=free", "platform=n8n&q=slack",
                "integration=Slack", "n8n=1", "n8n=2&q=slack", "q=workflow", "q=zzzzqqq");
        for (String search : searches) {
            long total = total(visitor.get("/workflows?" + search).assertStatus(200).body());
            long pages = Math.max(1, (total + 23) / 24);
            long seen = 0;
            for (int page = 1; page <= pages; page++) {
                String body = visitor.get("/workflows?" + search + "&page=" + page).assertStatus(200).body();
                assertThat(total(body)).as("%s, page %d: the same count on every page", search, page).isEqualTo(total);
                int cards = cards(body);
                if (total > 0) {
                    assertThat(cards).as("%s, page %d of %d is not empty", search, page, pages).isBetween(1, 24);
                }
                seen += cards;
            }
            assertThat(seen).as("%s: cards over all %d pages", search, pages).isEqualTo(total);
            assertThat(cards(visitor.get("/workflows?" + search + "&page=" + (pages + 1)).body()))
                    .as("%s: nothing after the last page", search).isZero();
        }
    }

    @Test
    @Order(1)
    void theDemoMarketplaceTellsOneStory() throws SQLException {
        try (var db = DriverManager.getConnection("jdbc:postgresql://localhost:" + app.postgresPort() + "/postgres", "postgres", "");
             var st = db.createStatement()) {
            // every rating is a review (one held for moderation is not counted yet), every review is by a buyer who owns the workflow, written after it went public
            assertThat(single(st, """
                    select count(*) from workflow w where w.rating_count <> (select count(*) from review r where r.workflow_id = w.id and not r.held)
                       or (w.rating_count > 0 and w.rating_avg <> (select round(avg(rating), 2) from review r where r.workflow_id = w.id and not r.held))""")).isZero();
            assertThat(single(st, "select count(*) from review")).isGreaterThan(40);
            assertThat(single(st, """
                    select count(*) from review r where not exists (select 1 from entitlement e
                       where e.buyer_id = r.author_id and e.workflow_id = r.workflow_id and e.revoked_at is null)""")).isZero();
            assertThat(single(st, """
                    select count(*) from review r join workflow w on w.id = r.workflow_id
                    where r.created_at < w.published_at or r.created_at > now()""")).isZero();
            assertThat(single(st, "select count(distinct date_trunc('month', created_at)) from review")).as("reviews spread over months")
                    .isGreaterThanOrEqualTo(6);
            assertThat(single(st, "select count(*) from review_vote v join review r on r.id = v.review_id where v.voter_id = r.author_id")).isZero();
            assertThat(single(st, "select count(*) from review r where helpful_count <> (select count(*) from review_vote v where v.review_id = r.id)")).isZero();
            // stores opened on different days months ago, their listings after that, versions on their own dates
            assertThat(single(st, "select count(*) from store where created_at > now() - interval '60 days'")).isZero();
            assertThat(single(st, "select count(distinct created_at::date) from store")).isEqualTo(single(st, "select count(*) from store"));
            assertThat(single(st, "select count(*) from workflow w join store s on s.id = w.store_id where w.published_at < s.created_at")).isZero();
            assertThat(single(st, "select count(*) from workflow_version v join workflow w on w.id = v.workflow_id where v.created_at > w.updated_at")).isZero();
            // every description its own, none pointing at a Q&A that is not there
            assertThat(single(st, "select count(distinct description_md) from workflow")).isEqualTo(single(st, "select count(*) from workflow"));
            assertThat(single(st, "select count(*) from workflow where description_md ilike '%Q&A%'")).isZero();
            // the "runs on your n8n" filter tells listings apart: some need n8n 2, most run on 1.x
            assertThat(single(st, "select count(*) from workflow where status = 'PUBLISHED' and n8n_minimum >= 2000")).isPositive();
            assertThat(single(st, "select count(*) from workflow where status = 'PUBLISHED' and n8n_minimum between 1 and 1999")).isPositive();
            // the demo buyer owns workflows to review, and their orders were paid through commerce
            assertThat(single(st, """
                    select count(*) from entitlement e join account a on a.id = e.buyer_id where a.email = 'buyer@demo.flowmarket.app'""")).isPositive();
            assertThat(single(st, "select count(*) from purchase_order where status = 'PAID'")).isPositive();
            // the buyers told their country, and some let the sellers have their address (the sales export shows both)
            assertThat(single(st, "select count(*) from purchase_order where status = 'PAID' and total_minor > 0 and buyer_country is null")).as("paid orders").isZero();
            assertThat(single(st, "select count(*) from purchase_order where status = 'PAID' and share_email")).isPositive();
            // this week's buyers used the demo seller's welcome code, and the orders' lines say what it took off
            assertThat(single(st, "select count(*) from order_line where coupon_code = 'WELCOME10' and coupon_discount_minor > 0")).isPositive();
            // the demo seller's own bundle of three paid workflows, and a code for that bundle only
            assertThat(single(st, """
                    select count(*) from bundle b join bundle_item i on i.bundle_id = b.id join coupon c on c.store_id = b.store_id
                    join coupon_workflow cw on cw.coupon_id = c.id and cw.workflow_id = b.id
                    where b.title = 'Lead-to-deal kit' and b.active and c.code = 'KIT15' and not c.whole_store""")).isEqualTo(3);
            // a buyer raised a single licence of the demo seller's to a team licence, and the seller was told of an upgrade, not of a sale
            assertThat(single(st, """
                    select count(*) from order_line u join purchase_order o on o.id = u.order_id and o.status = 'PAID'
                    join order_line l on l.id = u.upgrade_of join store s on s.id = u.store_id join account a on a.id = s.owner_id
                    where a.email = 'seller@demo.flowmarket.app' and u.licence_tier = 'TEAM' and l.ref_id = u.ref_id""")).isEqualTo(1);
            assertThat(single(st, """
                    select count(*) from notification n join account a on a.id = n.recipient_id
                    where a.email = 'seller@demo.flowmarket.app' and n.type = 'LICENCE_UPGRADE'""")).isEqualTo(1);
            // ... in the past, each placed before it was paid, so part of the sellers' money is already payable
            assertThat(single(st, "select count(*) from purchase_order where status = 'PAID' and (paid_at > now() or created_at > paid_at)")).isZero();
            assertThat(single(st, """
                    select count(*) from ledger_entry e join store s on s.id = e.account_id join account a on a.id = s.owner_id
                    where a.email = 'seller@demo.flowmarket.app' and e.entry_type = 'SALE' and e.occurred_at < now() - interval '14 days'""")).isPositive();
            assertThat(single(st, "select count(*) from ledger_entry where entry_type = 'SALE' and occurred_at > now() - interval '14 days'"))
                    .as("and part still held for refunds").isPositive();
            // ... one of them of workflows priced in two currencies, charged in one at the day's rate
            assertThat(single(st, """
                    select count(*) from order_line l join purchase_order o on o.id = l.order_id join account a on a.id = o.buyer_id
                    where a.email = 'buyer@demo.flowmarket.app' and o.status = 'PAID' and l.currency <> o.currency and l.rate <> 1""")).isPositive();
            // a year of history: the demo seller's by day, with the raw events behind it, adding up to its months
            String demoStore = "(select s.id from store s join account a on a.id = s.owner_id where a.email = 'seller@demo.flowmarket.app')";
            assertThat(single(st, "select count(distinct date_trunc('month', day)) from analytics_daily where store_id = " + demoStore))
                    .isGreaterThanOrEqualTo(12);
            assertThat(single(st, "select count(*) from analytics_event where store_id = " + demoStore)).isPositive();
            assertThat(single(st, """
                    select count(*) from (select date_trunc('month', day)::date as month, sum(views) as views from analytics_daily
                                          where store_id = %1$s group by 1) d
                    full join (select month, sum(views) as views from analytics_monthly where store_id = %1$s group by 1) m using (month)
                    where d.views is distinct from m.views""".formatted(demoStore))).as("days add up to months").isZero();
            // ... its days of last summer's sale priced as the engine priced them then, below the list price, and the others at it
            String summerSale = """
                    from analytics_sales_daily d join promotion_workflow pw on pw.workflow_id = d.item_id
                    join promotion p on p.id = pw.promotion_id and p.title = 'Summer sale' join workflow w on w.id = d.item_id
                    where d.sales > 0 and d.day %s (p.starts_at at time zone 'UTC')::date and d.day < (p.ends_at at time zone 'UTC')::date""";
            assertThat(single(st, "select count(*) " + summerSale.formatted(">="))).as("sales during the sale").isPositive();
            assertThat(single(st, "select count(*) " + summerSale.formatted(">=") + " and d.gross_minor >= d.sales * w.price_minor")).isZero();
            assertThat(single(st, "select count(*) " + summerSale.formatted("<") + " and d.gross_minor <> d.sales * w.price_minor")).isZero();
            // ... the other stores' by month, their last weeks' traffic by day (their demo orders are tracked as any), for the platform's figures
            assertThat(single(st, "select count(distinct store_id) from analytics_monthly")).isEqualTo(single(st, "select count(*) from store"));
            assertThat(single(st, "select count(*) from analytics_daily where day < current_date - 40 and views > 0 and store_id <> " + demoStore))
                    .isZero();
            // every store counted once as a new seller of the platform, on the day it opened
            assertThat(single(st, """
                    select count(*) from platform_seller p join store s on s.id = p.store_id
                    where p.opened_on = (s.created_at at time zone 'UTC')::date""")).isEqualTo(single(st, "select count(*) from store"));
            assertThat(single(st, "select sum(new_sellers) from platform_daily")).isEqualTo(single(st, "select count(*) from store"));
            // the moderation queue shows a held review, a question flagged as posted twice and a buyer's report
            assertThat(single(st, "select count(*) from review where held")).isEqualTo(1);
            assertThat(single(st, "select count(*) from moderation_item where status = 'OPEN' and content_type = 'review' and held")).isEqualTo(1);
            assertThat(single(st, "select count(*) from moderation_item where status = 'OPEN' and content_type = 'question' and hits like 'duplicate: %'"))
                    .isEqualTo(1);
            assertThat(single(st, "select count(*) from moderation_report where status = 'OPEN'")).isEqualTo(1);
            // the listing whose file leaks a payment key, and the spammy one, wait held and out of the catalogue
            assertThat(single(st, """
                    select count(*) from workflow w where w.title in ('Failed payment alerts to Slack', '10,000 leads for free') and w.status = 'HELD'
                    and exists (select 1 from moderation_item m where m.content_id = w.id and m.status = 'OPEN' and m.held)""")).isEqualTo(2);
            // a new version of a workflow the demo buyer owns waits held: his library keeps the version before
            assertThat(single(st, """
                    select count(*) from workflow w join workflow_version v on v.workflow_id = w.id and v.held and v.number = 2
                    join entitlement e on e.workflow_id = w.id join account a on a.id = e.buyer_id and a.email = 'buyer@demo.flowmarket.app'
                    where w.slug = 'freshdesk-to-jira-bridge' and w.status = 'HELD'""")).isEqualTo(1);
            assertThat(new WebSession(app.port()).get("/workflows/freshdesk-to-jira-bridge").assertStatus(404).body())
                    .contains("This workflow is under review");
            String slug;
            try (var rs = st.executeQuery("select slug from workflow where rating_count > 0 order by rating_count desc limit 1")) {
                rs.next();
                slug = rs.getString(1);
            }
            String page = new WebSession(app.port()).get("/workflows/" + slug + "/reviews").assertStatus(200).body();
            assertThat(page).contains("Verified purchase").doesNotContain("No reviews yet");
            // sellers writing in French, Spanish and German: their listings and the store owners' own language
            assertThat(single(st, """
                    select count(distinct a.locale) from account a join store s on s.owner_id = a.id where a.locale in ('fr', 'es', 'de')""")).isEqualTo(3);
            String french = new WebSession(app.port()).get("/workflows/relances-de-factures-impayees-par-e-mail?lang=fr").assertStatus(200).body();
            assertThat(french).contains("Comment ça marche").contains("Atelier Flux").contains(">Finance et comptabilité</a>");
            assertThat(new WebSession(app.port()).get("/workflows?lang=de&q=Urlaubsantr%C3%A4ge").body())
                    .as("German listings found by German words").contains("/workflows/urlaubsantrage-mit-freigabe");
        }
    }

    private static String text(java.sql.Statement st, String sql) throws SQLException {
        try (var rs = st.executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            return rs.getString(1);
        }
    }

    private static long single(java.sql.Statement st, String sql) throws SQLException {
        try (var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    @Order(2)
    void theDemoAccountsSignInAtOnce() {
        WebSession buyer = new WebSession(app.port()).signIn("buyer@demo.flowmarket.app", "flowmarket-demo");
        assertThat(buyer.get("/library").status()).isEqualTo(200);
        // the demo buyer's sign-in history, with a new device and a new place that were alerted
        assertThat(buyer.get("/settings/security").body()).contains("Lyon, France", "Barcelona, Spain", "New device", "New place");
    }

    @Test
    @Order(2)
    void theDemoSalesAreRefundedAndItsOpenDisputeDecidedThroughTheTestProcessor() throws SQLException {
        String line;
        String open;
        try (var db = DriverManager.getConnection("jdbc:postgresql://localhost:" + app.postgresPort() + "/postgres", "postgres", "");
             var st = db.createStatement()) {
            // every paid demo order is paid at the test processor too, and its two disputes are known there by the orders' ids
            assertThat(single(st, """
                    select count(*) from purchase_order o join payment_checkout c on c.order_id = o.id and c.payment_ref is not null
                    join test_checkout t on t.id = c.checkout_ref and t.status = 'PAID' where o.total_minor > 0 and o.paid_at is not null"""))
                    .isEqualTo(single(st, "select count(*) from purchase_order where total_minor > 0 and paid_at is not null")).isPositive();
            assertThat(single(st, """
                    select count(*) from purchase_order o join payment_checkout c on c.order_id = o.id
                    join test_dispute d on d.checkout_id = c.checkout_ref and d.id = o.dispute_ref and d.status = o.dispute_status""")).isEqualTo(2);
            open = text(st, "select dispute_ref from purchase_order where dispute_status = 'OPEN'");
            // a paid sale of the demo seller that no dispute touches
            line = text(st, """
                    select l.id from order_line l join purchase_order o on o.id = l.order_id and o.status = 'PAID' and o.dispute_ref is null
                    join store s on s.id = l.store_id join account a on a.id = s.owner_id and a.email = 'seller@demo.flowmarket.app'
                    where l.status = 'ACTIVE' and l.net_minor > 0 order by o.paid_at limit 1""");
        }
        WebSession seller = new WebSession(app.port()).signIn("seller@demo.flowmarket.app", "flowmarket-demo");
        assertThat(seller.post("/seller/sales/" + line + "/refund", Map.of()).assertStatus(302).location()).endsWith("/seller/sales");
        assertThat(seller.get("/seller/sales").assertStatus(200).body()).contains("The refund is done.");
        WebSession admin = new WebSession(app.port()).signIn("admin@demo.flowmarket.app", "flowmarket-demo");
        assertThat(admin.get("/admin/payouts").assertStatus(200).body()).contains("/admin/test-processor/disputes/" + open);
        admin.post("/admin/test-processor/disputes/" + open, Map.of("outcome", "won")).assertStatus(302);
        assertThat(admin.get("/admin/payouts").body()).contains("The test processor closed the dispute");
        // the processor's webhook reaches the shop over HTTP, which gives the seller the money back
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            try (var db = DriverManager.getConnection("jdbc:postgresql://localhost:" + app.postgresPort() + "/postgres", "postgres", "");
                 var st = db.createStatement()) {
                assertThat(text(st, "select dispute_status from purchase_order where dispute_ref = '" + open + "'")).isEqualTo("WON");
                assertThat(text(st, "select status from order_line where id = '" + line + "'")).isEqualTo("REFUNDED");
                assertThat(single(st, """
                        select count(*) from test_refund r join payment_checkout c on c.checkout_ref = r.checkout_id
                        join order_line l on l.order_id = c.order_id where l.id = '%s'""".formatted(line))).isEqualTo(1);
            }
        });
    }

    @Test
    @Order(3)
    void theEmbeddedDatabaseWritesEveryCommitToDisk() throws SQLException {
        try (var db = DriverManager.getConnection("jdbc:postgresql://localhost:" + app.postgresPort() + "/postgres", "postgres", "");
             var st = db.createStatement()) {
            for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                try (var rs = st.executeQuery("show " + setting)) {
                    rs.next();
                    assertThat(rs.getString(1)).as(setting).isEqualTo("on");
                }
            }
        }
    }

    @Test
    @Order(4)
    void aSecondInstanceOnTheSameDataDirectoryIsRefusedInOneSentence() throws Exception {
        App second = launch(dataDir, freePort(), "second");
        assertThat(second.process().waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(second.process().exitValue()).isNotZero();
        String output = second.output();
        assertThat(output).contains("is already in use by another running Flowmarket.");
        assertThat(output).doesNotContain("\tat app.flowmarket", "Exception:");
        assertThat(app.process().isAlive()).isTrue();
    }

    @Test
    @Order(5)
    void aKilledEmbeddedRedisIsStartedAgainAndSessionsSurviveIt() throws Exception {
        WebSession buyer = new WebSession(app.port()).signIn("buyer@demo.flowmarket.app", "flowmarket-demo");
        Thread.sleep(1_500); // Redis writes its append-only file to disk once a second
        long pid = Long.parseLong(Files.readString(dataDir.resolve("redis/redis.pid")).strip());
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();

        await().atMost(Duration.ofSeconds(30)).until(() -> app.output().contains("Embedded Redis is running again"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(buyer.get("/settings").status()).as("still signed in").isEqualTo(200));
    }

    @Test
    @Order(6)
    void sigtermStopsTheAppAndItsServersInOrderWithinTenSeconds() throws Exception {
        long postgresPid = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).strip());
        app.process().destroy(); // SIGTERM
        assertThat(app.process().waitFor(10, TimeUnit.SECONDS)).as("stopped within 10 s\n" + tail(app.output())).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> ProcessHandle.of(postgresPid).map(p -> !p.isAlive()).orElse(true));
        String output = app.output();
        assertThat(output).doesNotContain("destroy method failed", "Unable to shut down Hibernate Search");
    }

    private static long total(String page) {
        Matcher m = COUNT.matcher(page);
        assertThat(m.find()).as("the result count on the page").isTrue();
        return "No".equals(m.group(1)) ? 0 : Long.parseLong(m.group(1));
    }

    private static int cards(String page) {
        return page.split("<article class=\"card\"", -1).length - 1;
    }

    private static String tail(String output) {
        return output.substring(Math.max(0, output.length() - 4000));
    }

    private static App launch(Path dataDir, int port, String name) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = Files.createTempFile("flowmarket-" + name, ".log");
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                FlowmarketApplication.class.getName(),
                "--flowmarket.data-dir=" + dataDir, "--server.port=" + port, "--flowmarket.demo.enabled=true")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new App(process, port, log);
    }

    private static boolean accepts(int port) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
