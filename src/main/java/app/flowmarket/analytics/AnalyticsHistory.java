package app.flowmarket.analytics;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import app.flowmarket.shared.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes in a store's past traffic and sales, a day at a time (a migration from another shop, the demo
 * data): the rollups in a few batched statements, and their raw events made by the database itself from
 * the counts (no visitor hashes: those days are over), so both agree as if the events had been tracked.
 */
@Service
public class AnalyticsHistory {

    private final JdbcTemplate jdbc;

    AnalyticsHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One day of one item (null: the store's page) from one source: the funnel's counts, and what the
     * sales and refunds of that day came to (gross paid by buyers, the platform's fee, the seller's share).
     */
    public record Day(UUID storeId, LocalDate day, @Nullable UUID itemId, TrafficSource.Channel channel, String referrer, int views,
                      int visitors, int carts, int checkouts, int purchases, int refunds, Money gross, Money fee, Money sellerShare,
                      Money refunded, Money refundedSellerShare) {
    }

    @Transactional
    public void importDays(List<Day> days) {
        jdbc.batchUpdate("""
                insert into analytics_daily (store_id, day, item_id, source, referrer, views, visitors, carts, checkouts, purchases)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (store_id, day, item_id, source, referrer) do update set
                    views = analytics_daily.views + excluded.views, visitors = analytics_daily.visitors + excluded.visitors,
                    carts = analytics_daily.carts + excluded.carts, checkouts = analytics_daily.checkouts + excluded.checkouts,
                    purchases = analytics_daily.purchases + excluded.purchases""", days, 1000, (ps, d) -> {
            ps.setObject(1, d.storeId());
            ps.setObject(2, d.day());
            ps.setObject(3, item(d));
            ps.setString(4, d.channel().name());
            ps.setString(5, clip(d.referrer()));
            ps.setInt(6, d.views());
            ps.setInt(7, d.visitors());
            ps.setInt(8, d.carts());
            ps.setInt(9, d.checkouts());
            ps.setInt(10, d.purchases());
        });
        List<Day> sold = days.stream().filter(d -> d.purchases() > 0 || d.refunds() > 0).toList();
        jdbc.batchUpdate("""
                insert into analytics_sales_daily (store_id, day, item_id, source, currency, sales, gross_minor, fee_minor, seller_minor,
                                                   refunds, refunded_minor, refunded_seller_minor)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (store_id, day, item_id, source, currency) do update set
                    sales = analytics_sales_daily.sales + excluded.sales,
                    gross_minor = analytics_sales_daily.gross_minor + excluded.gross_minor,
                    fee_minor = analytics_sales_daily.fee_minor + excluded.fee_minor,
                    seller_minor = analytics_sales_daily.seller_minor + excluded.seller_minor,
                    refunds = analytics_sales_daily.refunds + excluded.refunds,
                    refunded_minor = analytics_sales_daily.refunded_minor + excluded.refunded_minor,
                    refunded_seller_minor = analytics_sales_daily.refunded_seller_minor + excluded.refunded_seller_minor""",
                sold, 1000, (ps, d) -> {
                    ps.setObject(1, d.storeId());
                    ps.setObject(2, d.day());
                    ps.setObject(3, item(d));
                    ps.setString(4, d.channel().name());
                    ps.setString(5, d.gross().currency().getCurrencyCode());
                    ps.setInt(6, d.purchases());
                    ps.setLong(7, d.gross().minor());
                    ps.setLong(8, d.fee().minor());
                    ps.setLong(9, d.sellerShare().minor());
                    ps.setInt(10, d.refunds());
                    ps.setLong(11, d.refunded().minor());
                    ps.setLong(12, d.refundedSellerShare().minor());
                });
        // the raw events behind the counts, at a random time of their day, made in the database from the rows just given
        jdbc.batchUpdate("""
                insert into analytics_event (occurred_at, day, kind, store_id, item_id, source, referrer)
                select (?::date + random() * interval '1 day'), ?::date, k.kind, ?, ?, ?, ?
                from (values ('VIEW', ?), ('CART', ?), ('CHECKOUT', ?), ('PURCHASE', ?), ('REFUND', ?)) as k(kind, n)
                cross join lateral generate_series(1, k.n::int)""", days, 1000, (ps, d) -> {
            ps.setObject(1, d.day());
            ps.setObject(2, d.day());
            ps.setObject(3, d.storeId());
            ps.setObject(4, item(d));
            ps.setString(5, d.channel().name());
            ps.setString(6, clip(d.referrer()));
            ps.setInt(7, d.views());
            ps.setInt(8, d.carts());
            ps.setInt(9, d.checkouts());
            ps.setInt(10, d.purchases());
            ps.setInt(11, d.refunds());
        });
    }

    private static UUID item(Day day) {
        return day.itemId() == null ? AnalyticsWriter.STORE_PAGE : day.itemId();
    }

    private static String clip(String referrer) {
        return referrer.length() > TrafficSource.MAX ? referrer.substring(0, TrafficSource.MAX) : referrer;
    }
}
