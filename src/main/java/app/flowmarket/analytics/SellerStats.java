package app.flowmarket.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.flowmarket.shared.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A store's numbers for a period, read from the rollups only: the period's whole months from the monthly
 * ones, the days at either end from the daily ones (a year is a few thousand rows per store, whatever the
 * traffic). Every query is bounded by the store's id: callers pass the store of the
 * signed-in seller, never one named by a request. Revenue is what buyers paid less what was refunded.
 */
@Service
@Transactional(readOnly = true)
public class SellerStats {

    private final JdbcClient jdbc;

    SellerStats(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Traffic and sales of a period, in one currency (the one a store sells most in; others are listed). */
    public record Totals(long views, long visitors, long carts, long checkouts, long purchases, long sales, long refunds, Money revenue) {

        /** Purchases per hundred page views, to one decimal; null without views. */
        public @Nullable Double conversionPercent() {
            return views == 0 ? null : Math.round(purchases * 1000.0 / views) / 10.0;
        }

        /** Revenue per sale, rounded down to the minor unit; null without sales. */
        public @Nullable Money averageOrderValue() {
            return sales == 0 ? null : Money.of(revenue.minor() / sales, revenue.currency().getCurrencyCode());
        }
    }

    /** One bar or point of a chart: the day (or the month's first day) it starts. */
    public record Point(LocalDate start, long views, long purchases, long sales, long revenueMinor) {
    }

    public record ItemRow(UUID itemId, long views, long visitors, long carts, long checkouts, long purchases, long sales, long refunds,
                          long revenueMinor) {
    }

    public record SourceRow(TrafficSource.Channel channel, long views, long visitors, long purchases, long sales, long revenueMinor) {
    }

    public record ReferrerRow(TrafficSource.Channel channel, String referrer, long views, long purchases) {
    }

    /** The currencies the store sold in during the period, the biggest first (by revenue); the given one when none. */
    public List<String> currencies(UUID storeId, Period period, String fallback) {
        Rollups.Rows sales = sales(storeId, period, false);
        List<String> sold = jdbc.sql("select currency from " + sales.sql() + " s"
                        + " group by currency order by sum(gross_minor - refunded_minor) desc, currency")
                .params(sales.params()).query(String.class).list();
        return sold.isEmpty() ? List.of(fallback) : sold;
    }

    public Totals totals(UUID storeId, Period period, String currency, @Nullable UUID itemId) {
        Rollups.Rows trafficRows = traffic(storeId, period, false);
        var traffic = bind(jdbc.sql("""
                select coalesce(sum(views), 0), coalesce(sum(visitors), 0), coalesce(sum(carts), 0), coalesce(sum(checkouts), 0),
                       coalesce(sum(purchases), 0)
                from""" + " " + trafficRows.sql() + " t where true" + item(itemId)), trafficRows, itemId)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)}).single();
        Rollups.Rows salesRows = sales(storeId, period, false);
        var sales = bind(jdbc.sql("""
                select coalesce(sum(sales), 0), coalesce(sum(refunds), 0), coalesce(sum(gross_minor - refunded_minor), 0)
                from""" + " " + salesRows.sql() + " s where currency = ?" + item(itemId)), salesRows.params(currency), itemId)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).single();
        return new Totals(traffic[0], traffic[1], traffic[2], traffic[3], traffic[4], sales[0], sales[1], Money.of(sales[2], currency));
    }

    /** The period's chart points, every day (or month) present, empty ones as zeros. */
    public List<Point> series(UUID storeId, Period period, String currency, @Nullable UUID itemId) {
        String bucket = period.monthly() ? "date_trunc('month', day)::date" : "day";
        String item = item(itemId);
        Map<LocalDate, long[]> points = new LinkedHashMap<>();
        for (LocalDate start = bucketOf(period.from(), period); !start.isAfter(period.to());
             start = period.monthly() ? start.plusMonths(1) : start.plusDays(1)) {
            points.put(start, new long[4]);
        }
        Rollups.Rows traffic = traffic(storeId, period, !period.monthly());
        bind(jdbc.sql("select " + bucket + ", sum(views), sum(purchases) from " + traffic.sql() + " t where true" + item
                + " group by 1"), traffic, itemId)
                .query(rs -> {
                    long[] p = points.get(rs.getObject(1, LocalDate.class));
                    if (p != null) {
                        p[0] = rs.getLong(2);
                        p[1] = rs.getLong(3);
                    }
                });
        Rollups.Rows sales = sales(storeId, period, !period.monthly());
        bind(jdbc.sql("select " + bucket + ", sum(sales), sum(gross_minor - refunded_minor) from " + sales.sql() + " s"
                + " where currency = ?" + item + " group by 1"), sales.params(currency), itemId)
                .query(rs -> {
                    long[] p = points.get(rs.getObject(1, LocalDate.class));
                    if (p != null) {
                        p[2] = rs.getLong(2);
                        p[3] = rs.getLong(3);
                    }
                });
        List<Point> series = new ArrayList<>(points.size());
        points.forEach((start, p) -> series.add(new Point(start, p[0], p[1], p[2], p[3])));
        return series;
    }

    /** Each workflow, bundle or store page with traffic or sales in the period, the best selling first. */
    public List<ItemRow> byItem(UUID storeId, Period period, String currency) {
        Rollups.Rows traffic = traffic(storeId, period, false);
        Rollups.Rows sales = sales(storeId, period, false);
        return jdbc.sql("""
                select coalesce(t.item_id, s.item_id), coalesce(t.views, 0), coalesce(t.visitors, 0), coalesce(t.carts, 0),
                       coalesce(t.checkouts, 0), coalesce(t.purchases, 0), coalesce(s.sales, 0), coalesce(s.refunds, 0), coalesce(s.revenue, 0)
                from (select item_id, sum(views) views, sum(visitors) visitors, sum(carts) carts, sum(checkouts) checkouts,
                             sum(purchases) purchases
                      from %s d group by item_id) t
                full join (select item_id, sum(sales) sales, sum(refunds) refunds, sum(gross_minor - refunded_minor) revenue
                           from %s d where currency = ? group by item_id) s
                       on s.item_id = t.item_id
                order by 9 desc, 2 desc, 1""".formatted(traffic.sql(), sales.sql()))
                .params(traffic.params()).params(sales.params(currency))
                .query((rs, n) -> new ItemRow(rs.getObject(1, UUID.class), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9)))
                .list();
    }

    /** Traffic and sales per channel (search, social...), the biggest first. */
    public List<SourceRow> bySource(UUID storeId, Period period, String currency, @Nullable UUID itemId) {
        String item = item(itemId);
        Rollups.Rows traffic = traffic(storeId, period, false);
        Rollups.Rows sales = sales(storeId, period, false);
        Map<String, long[]> rows = new LinkedHashMap<>();
        for (TrafficSource.Channel channel : TrafficSource.Channel.values()) {
            rows.put(channel.name(), new long[5]);
        }
        bind(jdbc.sql("select source, sum(views), sum(visitors), sum(purchases) from " + traffic.sql() + " t where true"
                + item + " group by source"), traffic, itemId)
                .query((rs, n) -> {
                    long[] r = rows.computeIfAbsent(rs.getString(1), k -> new long[5]);
                    r[0] = rs.getLong(2);
                    r[1] = rs.getLong(3);
                    r[2] = rs.getLong(4);
                    return r;
                }).list();
        bind(jdbc.sql("select source, sum(sales), sum(gross_minor - refunded_minor) from " + sales.sql() + " s"
                + " where currency = ?" + item + " group by source"), sales.params(currency), itemId)
                .query((rs, n) -> {
                    long[] r = rows.computeIfAbsent(rs.getString(1), k -> new long[5]);
                    r[3] = rs.getLong(2);
                    r[4] = rs.getLong(3);
                    return r;
                }).list();
        return rows.entrySet().stream()
                .filter(e -> e.getValue()[0] + e.getValue()[3] > 0)
                .map(e -> new SourceRow(TrafficSource.Channel.valueOf(e.getKey()), e.getValue()[0], e.getValue()[1], e.getValue()[2],
                        e.getValue()[3], e.getValue()[4]))
                .sorted(java.util.Comparator.comparingLong(SourceRow::views).reversed())
                .toList();
    }

    /** The sites and campaign sources that sent the most views. */
    public List<ReferrerRow> topReferrers(UUID storeId, Period period, @Nullable UUID itemId, int limit) {
        Rollups.Rows traffic = traffic(storeId, period, false);
        return bind(jdbc.sql("select source, referrer, sum(views), sum(purchases) from " + traffic.sql() + " t"
                + " where referrer <> ''" + item(itemId) + " group by source, referrer order by 3 desc, 4 desc, 2, 1 limit ?"), traffic, itemId)
                .param(limit)
                .query((rs, n) -> new ReferrerRow(TrafficSource.Channel.valueOf(rs.getString(1)), rs.getString(2), rs.getLong(3), rs.getLong(4)))
                .list();
    }

    /** One day of one item, for the statistics export. */
    public record DayRow(LocalDate day, UUID itemId, long views, long visitors, long carts, long checkouts, long purchases, long sales,
                         long refunds, long revenueMinor) {
    }

    /** Every day and item with traffic or sales in the period, oldest first, handed over one at a time. */
    public void forEachDay(UUID storeId, Period period, String currency, java.util.function.Consumer<DayRow> consumer) {
        jdbc.sql("""
                select coalesce(t.day, s.day), coalesce(t.item_id, s.item_id), coalesce(t.views, 0), coalesce(t.visitors, 0),
                       coalesce(t.carts, 0), coalesce(t.checkouts, 0), coalesce(t.purchases, 0), coalesce(s.sales, 0), coalesce(s.refunds, 0),
                       coalesce(s.revenue, 0)
                from (select day, item_id, sum(views) views, sum(visitors) visitors, sum(carts) carts, sum(checkouts) checkouts,
                             sum(purchases) purchases
                      from analytics_daily where store_id = ? and day between ? and ? group by day, item_id) t
                full join (select day, item_id, sum(sales) sales, sum(refunds) refunds, sum(gross_minor - refunded_minor) revenue
                           from analytics_sales_daily where store_id = ? and day between ? and ? and currency = ? group by day, item_id) s
                       on s.day = t.day and s.item_id = t.item_id
                order by 1, 2""")
                .params(storeId, period.from(), period.to(), storeId, period.from(), period.to(), currency)
                .query(rs -> {
                    consumer.accept(new DayRow(rs.getObject(1, LocalDate.class), rs.getObject(2, UUID.class), rs.getLong(3), rs.getLong(4),
                            rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10)));
                });
    }

    private static final String TRAFFIC = "item_id, source, referrer, views, visitors, carts, checkouts, purchases";
    private static final String SALES = "item_id, source, currency, sales, refunds, gross_minor, refunded_minor";

    /** The store's traffic rows of the period; by day for a chart by day. */
    private static Rollups.Rows traffic(UUID storeId, Period period, boolean daily) {
        return Rollups.over("analytics", TRAFFIC, storeId, period, daily);
    }

    private static Rollups.Rows sales(UUID storeId, Period period, boolean daily) {
        return Rollups.over("analytics_sales", SALES, storeId, period, daily);
    }

    private static String item(@Nullable UUID itemId) {
        return itemId == null ? "" : " and item_id = ?";
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Rollups.Rows rows, @Nullable UUID itemId) {
        return bind(spec, rows.params(), itemId);
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, List<Object> params, @Nullable UUID itemId) {
        JdbcClient.StatementSpec bound = spec.params(params);
        return itemId == null ? bound : bound.param(itemId);
    }

    private static LocalDate bucketOf(LocalDate day, Period period) {
        return period.monthly() ? day.withDayOfMonth(1) : day;
    }
}
