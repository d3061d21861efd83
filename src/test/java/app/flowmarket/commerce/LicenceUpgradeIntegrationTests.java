package app.flowmarket.commerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.flowmarket.IntegrationTest;
import app.flowmarket.account.AccountManagement;
import app.flowmarket.catalog.SellerFixture;
import app.flowmarket.licensing.Licensing;
import app.flowmarket.shared.AccountId;
import app.flowmarket.shared.LicenceTier;
import app.flowmarket.shared.WorkflowId;
import app.flowmarket.support.Fixtures;
import app.flowmarket.support.Mailbox;
import app.flowmarket.support.Shopper;
import app.flowmarket.support.WebSession;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A licence upgrade after it is paid: the licence page offers it as a plain form, a refund of it lowers the licence again and takes
 * back the seats the lower tier has no room for, and it is revenue but never a second sale of the workflow.
 */
@IntegrationTest
class LicenceUpgradeIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    AccountManagement accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Licensing licensing;

    record Bought(WebSession seller, String workflowId, String title, UUID buyerId, WebSession buyer, String key) {

        String page() {
            return "/library/licences/" + key;
        }
    }

    /** A workflow at 29.00 for one person, 87.00 for a team and 290.00 for a company, bought with a single licence. */
    Bought singleLicence() {
        WebSession seller = SellerFixture.newSeller(port);
        String title = "Upgradable " + Fixtures.uniqueSlug("up");
        Map<String, String> fields = new HashMap<>(Map.of("title", title, "price", "29"));
        fields.putAll(Map.of("teamOffered", "on", "teamPrice", "87", "companyOffered", "on", "companyPrice", "290"));
        String workflowId = SellerFixture.publishedWorkflow(seller, fields);
        String email = Fixtures.uniqueEmail("upgrader");
        UUID buyerId = accounts.createVerified(email, Fixtures.PASSWORD, "Uma Upgrader");
        WebSession buyer = new WebSession(port).signIn(email, Fixtures.PASSWORD);
        Shopper.awaitOrderText(buyer, Shopper.pay(buyer, Shopper.buy(buyer, workflowId), Shopper.GOOD_CARD), "Paid. Thank you");
        String key = jdbc.sql("select l.licence_key from licence l join order_line ol on ol.id = l.order_line_id where ol.ref_id = ?::uuid")
                .param(workflowId).query(String.class).single();
        return new Bought(seller, workflowId, title, buyerId, buyer, key);
    }

    /** Pays an upgrade through the licence page's form and the cart; returns the upgrade's order line. */
    String upgrade(Bought bought, LicenceTier to) {
        bought.buyer().post("/cart/upgrades", Map.of("key", bought.key(), "tier", to.name())).assertStatus(302);
        String order = Shopper.pay(bought.buyer(), Shopper.placeOrder(bought.buyer()), Shopper.GOOD_CARD);
        Shopper.awaitOrderText(bought.buyer(), order, "Paid. Thank you");
        return jdbc.sql("select id::text from order_line where order_id = ?::uuid").param(order.substring("/orders/".length()))
                .query(String.class).single();
    }

    void refund(Bought bought, String lineId) {
        bought.seller().post("/seller/sales/" + lineId + "/refund", Map.of()).assertStatus(302);
    }

    String tier(Bought bought) {
        return jdbc.sql("select tier from licence where licence_key = ?").param(bought.key()).query(String.class).single();
    }

    void give(Bought bought, String email) {
        assertThat(bought.buyer().post(bought.page() + "/seats", Map.of("email", email)).assertStatus(302).location())
                .isEqualTo(bought.page() + "#seats");
    }

    List<String> seats(Bought bought) {
        return jdbc.sql("select s.email from licence_seat s join licence l on l.id = s.licence_id where l.licence_key = ? order by s.assigned_at")
                .param(bought.key()).query(String.class).list();
    }

    UUID member(String email, String name) {
        return accounts.createVerified(email, Fixtures.PASSWORD, name);
    }

    long notifications(UUID recipient, String type) {
        return jdbc.sql("select count(*) from notification where recipient_id = ? and type = ? and link = '/library'").params(recipient, type)
                .query(Long.class).single();
    }

    @Test
    void theLicencePageOffersTheUpgradesAsPlainFormsWithoutScript() {
        Bought bought = singleLicence();

        String page = bought.buyer().get(bought.page()).assertStatus(200).body();
        assertThat(page).contains("<form method=\"post\" action=\"/cart/upgrades\"").contains("name=\"key\" value=\"" + bought.key() + "\"")
                .contains("name=\"tier\" value=\"TEAM\"").contains("name=\"tier\" value=\"COMPANY\"").contains("name=\"_csrf\"")
                .contains("Upgrade to Team (5 seats)").contains("$58")
                .doesNotContain("hx-get=\"/library/licences/" + bought.key() + "/upgrade\"");
        assertThat(page).as("a single licence has no seats panel, but says what a team licence shares")
                .contains("A single-user licence is yours alone").doesNotContain("seats used").doesNotContain("id=\"seats\"");
    }

    @Test
    void refundingAnUpgradeLowersTheLicenceAndTakesBackTheLatestSeatsBeyondTheLowerTier() {
        Bought bought = singleLicence();
        String toTeam = upgrade(bought, LicenceTier.TEAM);
        String oldest = Fixtures.uniqueEmail("oldest");
        UUID oldestId = member(oldest, "Olga Oldest");
        String[] middle = {Fixtures.uniqueEmail("second"), Fixtures.uniqueEmail("third"), Fixtures.uniqueEmail("fourth")};
        give(bought, oldest);
        for (String email : middle) {
            give(bought, email);
        }
        String toCompany = upgrade(bought, LicenceTier.COMPANY);
        String newest = Fixtures.uniqueEmail("newest");
        UUID newestId = member(newest, "Nils Newest");
        give(bought, newest);
        assertThat(tier(bought)).isEqualTo("COMPANY");
        assertThat(bought.buyer().get(bought.page()).body()).contains("6 seats used (unlimited)");

        refund(bought, toCompany);
        assertThat(tier(bought)).as("back to the tier before the refunded upgrade").isEqualTo("TEAM");
        assertThat(seats(bought)).as("a team has five seats: the latest given leaves").containsExactly(oldest, middle[0], middle[1], middle[2]);
        assertThat(bought.buyer().get(bought.page()).body()).contains("Team (5 seats)").contains("5 of 5 seats used").doesNotContain(newest)
                .contains("Upgrade to Company (unlimited seats)");
        await().atMost(Duration.ofSeconds(20)).until(() -> notifications(newestId, "LICENCE_SEAT_TAKEN_BACK") == 1);
        assertThat(notifications(oldestId, "LICENCE_SEAT_TAKEN_BACK")).isZero();
        String workflowTitle = bought.title();
        WebSession newestSession = new WebSession(port).signIn(newest, Fixtures.PASSWORD);
        assertThat(newestSession.get("/notifications").body()).contains("Your seat on the licence for “" + workflowTitle + "” was taken back");
        assertThat(newestSession.get("/library").body()).doesNotContain(workflowTitle);

        refund(bought, toTeam);
        assertThat(tier(bought)).isEqualTo("SINGLE");
        assertThat(seats(bought)).isEmpty();
        await().atMost(Duration.ofSeconds(20)).until(() -> notifications(oldestId, "LICENCE_SEAT_TAKEN_BACK") == 1);
        String page = bought.buyer().get(bought.page()).body();
        assertThat(page).contains("Single user").contains("Valid").contains("Upgrade to Team (5 seats)").doesNotContain("seats used");
        assertThat(licensing.owns(AccountId.of(bought.buyerId()), WorkflowId.of(UUID.fromString(bought.workflowId()))))
                .as("the buyer keeps the licence they bought").isTrue();
    }

    @Test
    void anUpgradeIsRevenueButNoSecondSale() throws Exception {
        Bought bought = singleLicence();
        String toTeam = upgrade(bought, LicenceTier.TEAM);
        String store = jdbc.sql("select store_id::text from workflow where id = ?::uuid").param(bought.workflowId()).query(String.class).single();

        assertThat(jdbc.sql("select sales_count from workflow where id = ?::uuid").param(bought.workflowId()).query(Integer.class).single())
                .as("the workflow was sold once").isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select coalesce(sum(gross_minor), 0) from analytics_sales_daily where store_id = ?::uuid")
                .param(store).query(Long.class).single() == 2900 + 5800);
        assertThat(jdbc.sql("select sum(sales) from analytics_sales_daily where store_id = ?::uuid").param(store).query(Long.class).single())
                .as("the seller's sales").isEqualTo(1);
        assertThat(jdbc.sql("select sum(purchases) from analytics_daily where store_id = ?::uuid").param(store).query(Long.class).single())
                .as("the seller's conversions").isEqualTo(1);
        assertThat(jdbc.sql("select sum(sales) || ' ' || sum(net_minor) from platform_item_daily where item_id = ?::uuid")
                .param(bought.workflowId()).query(String.class).single()).as("the platform's sales and GMV of the workflow").isEqualTo("1 8700");
        assertThat(bought.seller().get("/seller/dashboard?period=7d").body()).contains("$87");
        // the seller is told of an upgrade as one, not of a second sale
        String sellerEmail = jdbc.sql("select a.email from account a join store s on s.owner_id = a.id where s.id = ?::uuid").param(store)
                .query(String.class).single();
        assertThat(Mailbox.awaitMail(sellerEmail, "A buyer upgraded their licence: " + bought.title())).isNotNull();
        assertThat(bought.seller().get("/notifications").body()).contains("Licence upgrade of").contains(bought.title());
        assertThat(jdbc.sql("""
                select string_agg(n.type || ' ' || n.count, ',' order by n.type) from notification n
                join account a on a.id = n.recipient_id where a.email = ? and n.type in ('NEW_SALE', 'LICENCE_UPGRADE')""")
                .param(sellerEmail).query(String.class).single()).isEqualTo("LICENCE_UPGRADE 1,NEW_SALE 1");
        // the accountant's export lists the upgrade as one, beside the sale of the licence it raised
        List<String> exported = bought.seller().get("/seller/sales/export?format=csv").body().lines().toList();
        assertThat(exported).hasSize(3);
        assertThat(exported.get(1)).contains("," + bought.title() + ",workflow,Single user,29.00,");
        assertThat(exported.get(2)).contains("," + bought.title() + ",upgrade,Team (5 seats),58.00,");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bought.seller().getBytes("/seller/sales/export?format=xlsx")))) {
            assertThat(workbook.getSheetAt(0).getRow(1).getCell(3).getStringCellValue()).isEqualTo("workflow");
            assertThat(workbook.getSheetAt(0).getRow(2).getCell(3).getStringCellValue()).isEqualTo("upgrade");
            assertThat(workbook.getSheetAt(0).getRow(2).getCell(4).getStringCellValue()).isEqualTo("Team (5 seats)");
        }

        refund(bought, toTeam);
        assertThat(jdbc.sql("select sales_count from workflow where id = ?::uuid").param(bought.workflowId()).query(Integer.class).single())
                .as("nor is its refund a sale taken back").isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select coalesce(sum(refunded_minor), 0) from analytics_sales_daily where store_id = ?::uuid")
                .param(store).query(Long.class).single() == 5800);
        assertThat(jdbc.sql("select sum(refunds) from analytics_sales_daily where store_id = ?::uuid").param(store).query(Long.class).single())
                .isZero();
    }

    @Test
    void refundingThePurchaseEndsTheAccessEvenWhileItsUpgradeStaysPaid() {
        Bought bought = singleLicence();
        upgrade(bought, LicenceTier.TEAM);
        String version = jdbc.sql("select id::text from workflow_version where workflow_id = ?::uuid order by number desc limit 1")
                .param(bought.workflowId()).query(String.class).single();
        bought.buyer().get("/library/download/" + version).assertStatus(200);

        String purchase = jdbc.sql("select id::text from order_line where ref_id = ?::uuid and upgrade_of is null")
                .param(bought.workflowId()).query(String.class).single();
        refund(bought, purchase);

        assertThat(bought.buyer().get("/library/download/" + version).status()).as("the upgrade gives no access of its own").isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from entitlement where buyer_id = ? and workflow_id = ?::uuid and revoked_at is null")
                .params(bought.buyerId(), bought.workflowId()).query(Long.class).single()).isZero();
    }
}
