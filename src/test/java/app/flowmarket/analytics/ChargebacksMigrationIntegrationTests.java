package app.flowmarket.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import app.flowmarket.IntegrationTest;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Disputes lost before the live writers counted them in everyone's figures are counted by the migration as those writers
 * do: run on a schema of its own, up to the version before it, with old orders in it.
 */
@IntegrationTest
class ChargebacksMigrationIntegrationTests {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Test
    void disputesLostBeforeAreCountedLikeRefundsOnceInTheSellersAndThePlatformsFigures() throws SQLException {
        String schema = "old_chargebacks_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Flyway.configure().dataSource(dataSource).schemas(schema).createSchemas(true).locations("classpath:db/migration").target("55").load().migrate();

        UUID store = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        UUID sold = UUID.randomUUID();
        UUID upgraded = UUID.randomUUID();
        UUID refundedBefore = UUID.randomUUID();
        UUID wonItem = UUID.randomUUID();
        UUID countedItem = UUID.randomUUID();
        UUID lost = UUID.randomUUID();
        UUID won = UUID.randomUUID();
        UUID counted = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            // one transaction whose settings end with it: the connection goes back to the pool the other tests share as it was
            connection.setAutoCommit(false);
            // the orders without the accounts, stores and workflows around them
            sql.execute("set local session_replication_role = replica");
            sql.execute("set local search_path to " + schema);
            // sold on 2 March 2025; the lost dispute closed on 4 March, the won one too; one lost after V55, counted live then
            sql.execute("""
                    insert into purchase_order (id, buyer_id, status, currency, subtotal_minor, discount_minor, total_minor, fee_minor,
                                                idempotency_key, created_at, paid_at, dispute_ref, dispute_status, dispute_closed_at)
                    values ('%s', gen_random_uuid(), 'CHARGED_BACK', 'USD', 4500, 0, 4500, 450, 'a', '2025-03-02 09:00Z', '2025-03-02 09:00Z',
                            'dp_lost', 'LOST', '2025-03-04 23:30Z'),
                           ('%s', gen_random_uuid(), 'PAID', 'USD', 2000, 0, 2000, 200, 'b', '2025-03-02 09:00Z', '2025-03-02 09:00Z',
                            'dp_won', 'WON', '2025-03-04 10:00Z'),
                           ('%s', gen_random_uuid(), 'CHARGED_BACK', 'USD', 900, 0, 900, 90, 'c', '2025-03-02 09:00Z', '2025-03-02 09:00Z',
                            'dp_counted', 'LOST', '2025-03-05 10:00Z')""".formatted(lost, won, counted));
            sql.execute("""
                    insert into order_line (id, order_id, position, kind, ref_id, title, store_id, list_minor, net_minor, fee_minor, seller_minor,
                                            workflow_ids, status, refunded_at, currency, charged_minor, rate, upgrade_of)
                    values (gen_random_uuid(), '%1$s', 0, 'WORKFLOW', '%2$s', 'Sold', '%3$s', 3000, 3000, 300, 2700, '', 'ACTIVE', null, 'USD', 3000, 1, null),
                           (gen_random_uuid(), '%1$s', 1, 'WORKFLOW', '%4$s', 'Upgraded', '%3$s', 500, 500, 50, 450, '', 'ACTIVE', null, 'USD', 500, 1,
                            gen_random_uuid()),
                           (gen_random_uuid(), '%1$s', 2, 'WORKFLOW', '%5$s', 'Refunded', '%3$s', 1000, 1000, 100, 900, '', 'REFUNDED',
                            '2025-03-03 10:00Z', 'USD', 1000, 1, null),
                           (gen_random_uuid(), '%6$s', 0, 'WORKFLOW', '%7$s', 'Won', '%3$s', 2000, 2000, 200, 1800, '', 'ACTIVE', null, 'USD', 2000, 1, null),
                           (gen_random_uuid(), '%8$s', 0, 'WORKFLOW', '%9$s', 'Counted', '%10$s', 900, 900, 90, 810, '', 'ACTIVE', null, 'USD', 900, 1, null)"""
                    .formatted(lost, sold, store, upgraded, refundedBefore, won, wonItem, counted, countedItem, other));
            // the purchase of the first line came from LinkedIn; the others were not tracked
            sql.execute("""
                    insert into analytics_event (occurred_at, day, kind, store_id, item_id, visitor, source, referrer, campaign, order_id)
                    values ('2025-03-02 09:00Z', '2025-03-02', 'PURCHASE', '%s', '%s', 'v1', 'SOCIAL', 'linkedin', 'launch', '%s')"""
                    .formatted(store, sold, lost));
            // the day's figures already hold another refund; the dispute lost after V55 was counted by the platform's listener
            sql.execute("insert into platform_sales_daily (day, currency, refunds, refunded_minor, refunded_fee_minor) values ('2025-03-04', 'USD', 2, 800, 80)");
            sql.execute("insert into platform_chargeback (order_id, item_id, day) values ('%s', '%s', '2025-03-05')".formatted(counted, countedItem));
            connection.commit();
        }

        Flyway.configure().dataSource(dataSource).schemas(schema).locations("classpath:db/migration").target("56").load().migrate();

        assertThat(jdbc.sql("""
                select item_id || ' ' || day || ' ' || source || ' ' || referrer || ' ' || campaign || ' ' || coalesce(visitor, '-')
                from %s.analytics_event where kind = 'CHARGEBACK' order by occurred_at, item_id""".formatted(schema)).query(String.class).list())
                .as("each line of a lost dispute, under its purchase's source, on the day it closed (UTC)")
                .containsExactlyInAnyOrder(sold + " 2025-03-04 SOCIAL linkedin launch v1", upgraded + " 2025-03-04 DIRECT   -",
                        countedItem + " 2025-03-05 DIRECT   -");
        for (String table : new String[] {"analytics_sales_daily", "analytics_sales_monthly"}) {
            assertThat(jdbc.sql("""
                    select item_id || ' ' || source || ' ' || sales || ' ' || refunds || ' ' || refunded_minor || ' ' || refunded_seller_minor
                    from %s.%s where store_id = ?""".formatted(schema, table)).param(store).query(String.class).list())
                    .as(table + ": an upgrade brings money back but was no sale")
                    .containsExactlyInAnyOrder(sold + " SOCIAL 0 1 3000 2700", upgraded + " DIRECT 0 0 500 450");
        }
        assertThat(jdbc.sql("select refunds || ' ' || refunded_minor || ' ' || refunded_fee_minor from %s.platform_sales_daily where day = '2025-03-04'"
                .formatted(schema)).query(String.class).single()).isEqualTo("3 4300 430");
        assertThat(jdbc.sql("select count(*) from %s.platform_sales_daily where day = '2025-03-05'".formatted(schema)).query(Long.class).single())
                .as("the dispute the platform counted already is not counted again").isZero();
        assertThat(jdbc.sql("select item_id || ' ' || day || ' ' || sales || ' ' || net_minor from %s.platform_item_daily".formatted(schema))
                .query(String.class).list()).containsExactlyInAnyOrder(sold + " 2025-03-04 0 -3000", upgraded + " 2025-03-04 0 -500");
        assertThat(jdbc.sql("select item_id || ' ' || month || ' ' || net_minor from %s.platform_item_monthly".formatted(schema))
                .query(String.class).list()).containsExactlyInAnyOrder(sold + " 2025-03-01 -3000", upgraded + " 2025-03-01 -500");
        assertThat(jdbc.sql("select count(*) from %s.platform_chargeback".formatted(schema)).query(Long.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("select version from %s.platform_closed_version".formatted(schema)).query(Long.class).single())
                .as("kept lists and stored counts are void").isOne();
        jdbc.sql("drop schema " + schema + " cascade").update();
    }
}
