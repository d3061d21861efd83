package app.flowmarket.commerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import app.flowmarket.IntegrationTest;
import app.flowmarket.account.AccountManagement;
import app.flowmarket.catalog.SellerFixture;
import app.flowmarket.shared.Money;
import app.flowmarket.shared.StoreId;
import app.flowmarket.support.Fixtures;
import app.flowmarket.support.Shopper;
import app.flowmarket.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A seller sees on their dashboard what their coupons and promotions brought and cost, from the orders they priced. */
@IntegrationTest
class DiscountPerformanceIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    AccountManagement accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DiscountPerformance performance;

    WebSession buyer() {
        String email = Fixtures.uniqueEmail("discount");
        accounts.createVerified(email, Fixtures.PASSWORD, "Dina Discount");
        return new WebSession(port).signIn(email, Fixtures.PASSWORD);
    }

    static String minute(LocalDateTime at) {
        return at.truncatedTo(ChronoUnit.MINUTES).toString();
    }

    @Test
    void couponsAndPromotionsCountTheOrdersTheyPricedTheirRevenueAndWhatTheyTookOff() {
        WebSession seller = SellerFixture.newSeller(port);
        String couponed = SellerFixture.publishedWorkflow(seller, "Couponed " + Fixtures.uniqueSlug("d"), "n8n", "40");
        String promoted = SellerFixture.publishedWorkflow(seller, "Promoted " + Fixtures.uniqueSlug("d"), "n8n", "25");
        String code = "SAVE" + Fixtures.uniqueWord().toUpperCase().replaceAll("[^A-Z0-9]", "");
        Map<String, String> coupon = new HashMap<>(Map.of("kind", "percent", "scope", "store", "startsOn", "", "endsOn", "",
                "maxUses", "10", "minimum", "", "code", code, "value", "25"));
        seller.post("/seller/coupons", coupon).assertStatus(302);
        String unused = code + "X";
        coupon.put("code", unused);
        seller.post("/seller/coupons", coupon).assertStatus(302);
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        String promotion = "Flash sale " + Fixtures.uniqueWord();
        seller.post("/seller/promotions", Map.of("title", promotion, "kind", "percent", "value", "20", "workflowIds", promoted,
                "startsAt", minute(now.minusHours(1)), "endsAt", minute(now.plusDays(3)))).assertStatus(302);

        // one buyer with the code ($40 - 25 % = $30); one at the promotion's price ($25 - 20 % = $20); one without either
        WebSession first = buyer();
        Shopper.addToCart(first, "WORKFLOW", couponed);
        first.get("/cart?code=" + code).assertStatus(302);
        Shopper.pay(first, Shopper.placeOrder(first), Shopper.GOOD_CARD);
        WebSession second = buyer();
        Shopper.addToCart(second, "WORKFLOW", promoted);
        Shopper.pay(second, Shopper.placeOrder(second), Shopper.GOOD_CARD);
        WebSession third = buyer();
        Shopper.addToCart(third, "WORKFLOW", couponed);
        Shopper.pay(third, Shopper.placeOrder(third), Shopper.GOOD_CARD);

        UUID store = jdbc.sql("select store_id from workflow where id = ?::uuid").param(couponed).query(UUID.class).single();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        DiscountPerformance.Report report = performance.ofStore(StoreId.of(store), today.minusDays(6), today);

        assertThat(report.coupons()).extracting(DiscountPerformance.CouponRow::code).containsExactly(code, unused);
        DiscountPerformance.CouponRow used = report.coupons().get(0);
        assertThat(used.orders()).isEqualTo(1);
        assertThat(used.revenue().minor()).isEqualTo(3000);
        assertThat(used.discount().minor()).isEqualTo(1000);
        assertThat(used.usesAllTime()).isEqualTo(1);
        assertThat(used.maxUses()).isEqualTo(10);
        assertThat(report.coupons().get(1).orders()).isZero();

        assertThat(report.promotions()).hasSize(1);
        DiscountPerformance.PromotionRow sale = report.promotions().get(0);
        assertThat(sale.title()).isEqualTo(promotion);
        assertThat(sale.workflowIds()).containsExactly(UUID.fromString(promoted));
        assertThat(sale.lastDay()).isEqualTo(today);
        // what it took off a line that brought $20 at 20 % off
        assertThat(sale.discountOn(1, Money.of(2000, "USD")).minor()).isEqualTo(500);

        // a period before any of it: the coupons were not usable yet, the promotion had not started
        DiscountPerformance.Report earlier = performance.ofStore(StoreId.of(store), today.minusDays(60), today.minusDays(30));
        assertThat(earlier.isEmpty()).isTrue();

        // what the promotion sold is read from the rollups the charts read, kept up as the orders are paid
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select coalesce(sum(sales), 0) from analytics_sales_daily where item_id = ?::uuid")
                .param(promoted).query(Long.class).single() == 1);
        String dashboard = seller.get("/seller/dashboard?period=7d").assertStatus(200).body();
        assertThat(dashboard).contains("Coupons and promotions").contains(code).contains(promotion)
                .containsPattern("data-label=\"Orders\">1</td><td data-label=\"Revenue\">\\$30</td><td data-label=\"Discount given\">\\$10</td>")
                .contains("data-label=\"Sales\">1</td><td data-label=\"Revenue\">$20</td><td data-label=\"Discount given\">$5</td>")
                .contains("1 sold since it started, 0 in as many days before");
        assertThat(SellerFixture.newSeller(port).get("/seller/dashboard?period=7d").assertStatus(200).body())
                .contains("No coupon was usable in this period.").doesNotContain(code).doesNotContain(promotion);
    }
}
