package app.flowmarket.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.flowmarket.IntegrationTest;
import app.flowmarket.account.AccountManagement;
import app.flowmarket.catalog.SellerFixture;
import app.flowmarket.commerce.OrderManagement;
import app.flowmarket.shared.OrderId;
import app.flowmarket.support.Fixtures;
import app.flowmarket.support.Shopper;
import app.flowmarket.shared.Money;
import app.flowmarket.support.WebSession;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class SellerDashboardIntegrationTests {

    static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TrackingBuffer buffer;

    @Autowired
    AccountManagement accounts;

    @Autowired
    OrderManagement orders;

    @Autowired
    SellerStats stats;

    @Test
    void aVisitFromLinkedInThatEndsInAPurchaseShowsInTheFunnelSourcesAndRevenue() {
        WebSession seller = SellerFixture.newSeller(port);
        String marker = Fixtures.uniqueSlug("dash");
        String workflowId = SellerFixture.publishedWorkflow(seller, "Funnel " + marker, "n8n", "25");
        String slug = slugOf(workflowId);

        String email = Fixtures.uniqueEmail("funnel");
        accounts.createVerified(email, Fixtures.PASSWORD, "Fiona Funnel");
        WebSession buyer = new WebSession(port).header("User-Agent", FIREFOX).from("203.0.113.7");
        buyer.get("/workflows/" + slug + "?utm_source=linkedin&utm_medium=social&utm_campaign=launch").assertStatus(200);
        buyer.signIn(email, Fixtures.PASSWORD);
        buyer.header("Referer", "http://localhost:" + port + "/workflows/" + slug);
        Shopper.addToCart(buyer, "WORKFLOW", workflowId);
        // the buyer tells their country and lets the seller have their address, on the checkout page
        assertThat(buyer.get("/checkout").assertStatus(200).body()).contains("name=\"country\"").contains("name=\"shareEmail\"");
        String paymentPage = buyer.post("/checkout", Map.of("country", "fr", "shareEmail", "true")).assertStatus(302).location();
        String orderPath = Shopper.pay(buyer, paymentPage, Shopper.GOOD_CARD);
        Shopper.awaitOrderText(buyer, orderPath, "Paid. Thank you");
        // a crawler and a person who asked not to be tracked read the page too: neither counts
        new WebSession(port).header("User-Agent", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")
                .get("/workflows/" + slug).assertStatus(200);
        new WebSession(port).header("User-Agent", FIREFOX).header("DNT", "1").get("/workflows/" + slug).assertStatus(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> {
            buffer.flush();
            return seller.get("/seller/dashboard?period=7d").body().contains("$25");
        });
        String dashboard = seller.get("/seller/dashboard?period=7d").body();
        assertThat(funnelRow(dashboard, "Page views")).contains("<td>1</td>");
        assertThat(funnelRow(dashboard, "Added to cart")).contains("<td>1</td>");
        assertThat(funnelRow(dashboard, "Checkouts started")).contains("<td>1</td>");
        assertThat(funnelRow(dashboard, "Purchases")).contains("<td>1</td>").contains("100 %");
        // the cart, the checkout and the purchase happened on internal pages, yet belong to the visit from LinkedIn
        assertThat(row(dashboard, "Social networks")).contains("<td>1</td><td>1</td><td>1</td><td>$25</td>");
        assertThat(row(dashboard, "linkedin")).contains("Social networks");
        assertThat(row(dashboard, "Funnel " + marker)).contains("$25");
        assertThat(jdbc.sql("select campaign from analytics_event where kind = 'PURCHASE' and item_id = ?::uuid").param(workflowId)
                .query(String.class).single()).isEqualTo("launch");

        String item = seller.get("/seller/dashboard/items/" + workflowId + "?period=30d").assertStatus(200).body();
        assertThat(item).contains("Dashboard: Funnel " + marker).contains("$25");
    }

    @Test
    void theRollupsAddUpToTheRawEventsTheyWereMadeFrom() {
        WebSession seller = SellerFixture.newSeller(port);
        String marker = Fixtures.uniqueSlug("roll");
        String first = SellerFixture.publishedWorkflow(seller, "Rolled " + marker, "n8n", "10");
        String second = SellerFixture.publishedWorkflow(seller, "Rolled too " + marker, "n8n", "0");
        String storeSlug = jdbc.sql("select s.slug from store s join workflow w on w.store_id = s.id where w.id = ?::uuid").param(first)
                .query(String.class).single();
        List<String> referrers = List.of("https://www.google.com/", "https://t.co/abc", "https://news.ycombinator.com/item?id=1", "");
        for (int visitor = 0; visitor < 12; visitor++) {
            WebSession browser = new WebSession(port).header("User-Agent", FIREFOX).from("198.51.100." + (visitor % 5));
            String referrer = referrers.get(visitor % referrers.size());
            if (!referrer.isEmpty()) {
                browser.header("Referer", referrer);
            }
            browser.get("/workflows/" + slugOf(visitor % 3 == 0 ? second : first)).assertStatus(200);
            browser.get("/stores/" + storeSlug).assertStatus(200);
            if (visitor % 4 == 0) {
                Shopper.addToCart(browser, "WORKFLOW", first);
            }
        }
        String store = jdbc.sql("select store_id::text from workflow where id = ?::uuid").param(first).query(String.class).single();
        // a view is queued once its page has gone out, so the last ones may reach the queue a moment after the browser has them
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            buffer.flush();
            return jdbc.sql("select count(*) from analytics_event where store_id = ?::uuid and kind = 'VIEW'").param(store)
                    .query(Long.class).single() == 24;
        });
        var raw = jdbc.sql("""
                select item_id::text || source || referrer || kind as k, count(*) from analytics_event where store_id = ?::uuid
                group by 1 order by 1""").param(store).query((rs, n) -> rs.getString(1) + "=" + rs.getLong(2)).list();
        var rolled = jdbc.sql("""
                select k, n from (
                  select item_id::text || source || referrer || 'VIEW' k, sum(views) n from analytics_daily where store_id = ?::uuid group by 1
                  union all select item_id::text || source || referrer || 'CART', sum(carts) from analytics_daily where store_id = ?::uuid group by 1
                ) t where n > 0 order by 1""").params(store, store).query((rs, n) -> rs.getString(1) + "=" + rs.getLong(2)).list();
        assertThat(raw).hasSizeGreaterThan(5).isEqualTo(rolled);
        long views = jdbc.sql("select count(*) from analytics_event where store_id = ?::uuid and kind = 'VIEW'").param(store).query(Long.class).single();
        assertThat(views).isEqualTo(24);
        // unique visitors: five addresses (one browser each) per page, whatever the number of their views
        long distinct = jdbc.sql("select count(distinct (item_id, visitor)) from analytics_event where store_id = ?::uuid and kind = 'VIEW'")
                .param(store).query(Long.class).single();
        assertThat(jdbc.sql("select sum(visitors) from analytics_daily where store_id = ?::uuid").param(store).query(Long.class).single())
                .isEqualTo(distinct);
        assertThat(jdbc.sql("select count(*) from information_schema.columns where table_name like 'analytics%' and column_name ~ 'ip|address'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void aSellerSeesOnlyTheirOwnStoreAndCannotOpenAnotherStoresWorkflow() {
        WebSession owner = SellerFixture.newSeller(port);
        String marker = Fixtures.uniqueSlug("own");
        String theirs = SellerFixture.publishedWorkflow(owner, "Private numbers " + marker, "n8n", "40");
        WebSession viewer = new WebSession(port).header("User-Agent", FIREFOX).from("192.0.2.44");
        viewer.get("/workflows/" + slugOf(theirs)).assertStatus(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            buffer.flush();
            return owner.get("/seller/dashboard").body().contains("Private numbers " + marker);
        });

        WebSession other = SellerFixture.newSeller(port);
        WebSession.Page probe = other.get("/seller/dashboard/items/" + theirs);
        assertThat(probe.status()).isEqualTo(404);
        assertThat(probe.body()).doesNotContain("Private numbers");
        assertThat(other.get("/seller/dashboard?period=12m").assertStatus(200).body()).doesNotContain("Private numbers " + marker);
        assertThat(other.get("/seller/dashboard/export?format=csv&period=12m").body()).doesNotContain("Private numbers");
        assertThat(other.get("/seller/sales/export?format=csv").body()).doesNotContain("Private numbers");
        // signed out: the sign-in page, not the numbers
        assertThat(new WebSession(port).get("/seller/dashboard").status()).isEqualTo(302);
    }

    @Test
    void badPeriodsAndFormatsGetAClearErrorPage() {
        WebSession seller = SellerFixture.newSeller(port);
        assertThat(seller.get("/seller/dashboard?period=forever").assertStatus(400).body()).contains("choose one of the list");
        assertThat(seller.get("/seller/dashboard?period=custom&from=2026-05-01&to=2026-04-01").assertStatus(400).body())
                .contains("ends before it starts");
        assertThat(seller.get("/seller/dashboard?period=custom&from=yesterday&to=2026-04-01").assertStatus(400).body())
                .contains("choose one of the list");
        assertThat(seller.get("/seller/dashboard?period=custom&from=1900-01-01&to=2026-04-01").assertStatus(400).body())
                .contains("ten years at most");
        assertThat(seller.get("/seller/sales/export?format=pdf").assertStatus(400).body()).contains("csv or xlsx");
        assertThat(seller.get("/seller/dashboard/items/not-a-uuid").status()).isEqualTo(404);
        assertThat(seller.get("/seller/dashboard?period=custom&from=2026-01-01&to=2026-01-31").assertStatus(200).body())
                .contains("Nothing in this period yet.");
    }

    @Test
    void salesExportsMatchTheSalesAsCsvAndAsExcel() throws Exception {
        WebSession seller = SellerFixture.newSeller(port);
        String marker = Fixtures.uniqueSlug("exp");
        String workflowId = SellerFixture.publishedWorkflow(seller, "Exported " + marker, "n8n", "19.50");
        String email = Fixtures.uniqueEmail("exporter");
        accounts.createVerified(email, Fixtures.PASSWORD, "Erin Export");
        WebSession buyer = new WebSession(port).signIn(email, Fixtures.PASSWORD);
        Shopper.addToCart(buyer, "WORKFLOW", workflowId);
        // the buyer tells their country and lets the seller have their address, on the checkout page
        assertThat(buyer.get("/checkout").assertStatus(200).body()).contains("name=\"country\"").contains("name=\"shareEmail\"");
        String paymentPage = buyer.post("/checkout", Map.of("country", "fr", "shareEmail", "true")).assertStatus(302).location();
        String orderPath = Shopper.pay(buyer, paymentPage, Shopper.GOOD_CARD);
        Shopper.awaitOrderText(buyer, orderPath, "Paid. Thank you");
        String quiet = Fixtures.uniqueEmail("quiet");
        accounts.createVerified(quiet, Fixtures.PASSWORD, "Quinn Quiet");
        WebSession quietBuyer = new WebSession(port).signIn(quiet, Fixtures.PASSWORD);
        Shopper.addToCart(quietBuyer, "WORKFLOW", workflowId);
        Shopper.awaitOrderText(quietBuyer, Shopper.pay(quietBuyer, Shopper.placeOrder(quietBuyer), Shopper.GOOD_CARD), "Paid. Thank you");
        long number = jdbc.sql("select number from purchase_order where id = ?::uuid").param(orderPath.substring("/orders/".length()))
                .query(Long.class).single();
        var line = jdbc.sql("select fee_minor, seller_minor from order_line where order_id = ?::uuid").param(orderPath.substring("/orders/".length()))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();

        WebSession.Page csv = seller.get("/seller/sales/export?format=csv");
        assertThat(csv.assertStatus(200).headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment").contains(".csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("\uFEFFDate,Order,Item,Kind,Licence,List price,Discount,Price paid,Platform fee,Net (your share),"
                + "Currency,Status,Refunded on,Country,Customer e-mail (if shared)");
        assertThat(lines.get(1)).isEqualTo(java.time.LocalDate.now(java.time.ZoneOffset.UTC) + "," + number + ",Exported " + marker
                + ",workflow,Single user,19.50,0.00,19.50," + money(line[0]) + "," + money(line[1]) + ",USD,paid,,FR," + email);
        // a buyer who said nothing: no country, and their address stays theirs
        assertThat(lines.get(2)).endsWith(",USD,paid,,,").doesNotContain(quiet);
        assertThat(seller.get("/seller/sales/export?format=csv&from=2000-01-01&to=2000-12-31").body().lines()).hasSize(1);

        byte[] xlsx = seller.getBytes("/seller/sales/export?format=xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            Row sale = sheet.getRow(1);
            assertThat(sale.getCell(1).getNumericCellValue()).isEqualTo(number);
            assertThat(sale.getCell(2).getStringCellValue()).isEqualTo("Exported " + marker);
            assertThat(sale.getCell(4).getStringCellValue()).isEqualTo("Single user");
            assertThat(sale.getCell(7).getNumericCellValue()).isEqualTo(19.5);
            assertThat(sale.getCell(10).getStringCellValue()).isEqualTo("USD");
            assertThat(sale.getCell(13).getStringCellValue()).isEqualTo("FR");
            assertThat(sale.getCell(14).getStringCellValue()).isEqualTo(email);
        }
        // the same file prepared in the background: its progress, then the download, for this seller only
        String exportPage = seller.post("/seller/sales/exports", Map.of("format", "csv", "from", "", "to", "")).assertStatus(302).location();
        assertThat(exportPage).matches("/seller/sales/exports/[0-9a-f-]{36}");
        assertThat(seller.get(exportPage).assertStatus(200).body()).contains("Sales export").contains("export-status");
        await().atMost(Duration.ofSeconds(30)).until(() -> seller.get(exportPage + "/progress").body().contains("Download the file"));
        assertThat(seller.get(exportPage).body()).contains("Your file is ready (2 lines)");
        WebSession.Page prepared = seller.get(exportPage + "/download");
        assertThat(prepared.assertStatus(200).headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment").contains(".csv");
        assertThat(prepared.body()).isEqualTo(csv.body());
        WebSession stranger = SellerFixture.newSeller(port);
        stranger.get(exportPage).assertStatus(404);
        stranger.get(exportPage + "/download").assertStatus(404);
        new WebSession(port).get(exportPage + "/download").assertStatus(302);

        // the buyers' browsers are not tracked (no browser name), but their checkouts and purchases count: they are in the funnel
        await().atMost(Duration.ofSeconds(20)).until(() -> seller.get("/seller/dashboard/export?format=csv&period=7d").body()
                .contains("Exported " + marker + ",0,0,0,2,2,0,39.00,USD"));
    }

    @Test
    void aLostChargebackCountsLikeARefundInTheSellersFiguresAndAWonOneChangesNothing() {
        WebSession seller = SellerFixture.newSeller(port);
        String marker = Fixtures.uniqueSlug("cb");
        String lost = SellerFixture.publishedWorkflow(seller, "Charged back " + marker, "n8n", "30");
        String won = SellerFixture.publishedWorkflow(seller, "Disputed and won " + marker, "n8n", "12");
        UUID store = jdbc.sql("select store_id from workflow where id = ?::uuid").param(lost).query(UUID.class).single();
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        Period week = new Period(today.minusDays(6), today);
        String email = Fixtures.uniqueEmail("disputer");
        accounts.createVerified(email, Fixtures.PASSWORD, "Dora Dispute");
        WebSession buyer = new WebSession(port).signIn(email, Fixtures.PASSWORD);
        List<String> orderIds = new java.util.ArrayList<>();
        for (String workflow : List.of(lost, won)) {
            Shopper.addToCart(buyer, "WORKFLOW", workflow);
            String orderPath = Shopper.pay(buyer, Shopper.placeOrder(buyer), Shopper.GOOD_CARD);
            Shopper.awaitOrderText(buyer, orderPath, "Paid. Thank you");
            orderIds.add(orderPath.substring("/orders/".length()));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> stats.overview(store, week, "USD", null, 10).current().sales() == 2);

        Instant closed = Instant.now();
        orders.importDispute(OrderId.of(UUID.fromString(orderIds.get(0))), "dp_lost_" + marker, 1500, closed.minusSeconds(600), false, closed);
        orders.importDispute(OrderId.of(UUID.fromString(orderIds.get(1))), "dp_won_" + marker, 1500, closed.minusSeconds(600), true, closed);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from event_publication where completion_date is null and event_type like '%OrderDisputeClosed%'")
                .query(Long.class).single() == 0);

        // the figures are what the raw data come to: the sales, the refunds and charged back lines, what stayed paid
        SellerStats.Totals totals = stats.overview(store, week, "USD", null, 10).current();
        assertThat(totals.sales()).isEqualTo(jdbc.sql("select count(*) from analytics_event where store_id = ? and kind = 'PURCHASE'")
                .param(store).query(Long.class).single()).isEqualTo(2);
        assertThat(totals.refunds()).isEqualTo(jdbc.sql("select count(*) from analytics_event where store_id = ? and kind in ('REFUND', 'CHARGEBACK')")
                .param(store).query(Long.class).single()).isEqualTo(1);
        long stayedPaid = jdbc.sql("""
                select sum(l.net_minor) from order_line l join purchase_order o on o.id = l.order_id
                where l.store_id = ? and l.status <> 'REFUNDED' and o.dispute_status is distinct from 'LOST'""").param(store)
                .query(Long.class).single();
        assertThat(totals.revenue()).isEqualTo(Money.of(stayedPaid, "USD")).isEqualTo(Money.of(1200, "USD"));
        assertThat(jdbc.sql("select day from analytics_sales_daily where store_id = ? and item_id = ?::uuid and refunds = 1")
                .params(store, lost).query(java.time.LocalDate.class).single()).as("on the day the dispute closed")
                .isEqualTo(java.time.LocalDate.ofInstant(closed, java.time.ZoneOffset.UTC));

        // what the seller sees: the page, and its export, per workflow
        String dashboard = seller.get("/seller/dashboard?period=7d").assertStatus(200).body();
        assertThat(row(dashboard, "Charged back " + marker)).doesNotContain("$30");
        assertThat(row(dashboard, "Disputed and won " + marker)).contains("$12");
        List<String> export = seller.get("/seller/dashboard/export?format=csv&period=7d").body().lines().toList();
        assertThat(export).anySatisfy(line -> assertThat(line).contains("Charged back " + marker).endsWith(",1,1,0.00,USD"))
                .anySatisfy(line -> assertThat(line).contains("Disputed and won " + marker).endsWith(",1,0,12.00,USD"));
    }

    private String slugOf(String workflowId) {
        return jdbc.sql("select slug from workflow where id = ?::uuid").param(workflowId).query(String.class).single();
    }

    private static String money(long minor) {
        return java.math.BigDecimal.valueOf(minor, 2).toPlainString();
    }

    /** The table row whose header cell holds the text. */
    private static String row(String html, String header) {
        int at = html.indexOf(">" + header + "<");
        assertThat(at).as("a row for " + header).isPositive();
        return html.substring(html.lastIndexOf("<tr", at), html.indexOf("</tr>", at)).replaceAll(">\\s+<", "><");
    }

    private static String funnelRow(String html, String step) {
        return row(html, step);
    }
}
