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

    /**
     * Everything a dashboard page shows for a period (of the whole store, or of one item with {@code itemId}): the
     * store's currencies, the biggest first, the first of which every amount is in; this period's and the previous
     * one's totals; the chart points; each item (the whole store's only); the channels; the top referrers.
     */
    public record Overview(List<String> currencies, Totals current, Totals previous, List<Point> series, List<ItemRow> items,
                           List<SourceRow> sources, List<ReferrerRow> referrers) {

        public String currency() {
            return currencies.get(0);
        }
    }

    /**
     * A dashboard page's figures in two statements, one over the traffic rollups and one over the sales rollups: each
     * reads the period's rows (by day when it is charted by day) and the previous period's once, and sums them per
     * grouping set (totals, items, channels, referrers, chart points) in the same pass.
     */
    public Overview overview(UUID storeId, Period period, String fallbackCurrency, @Nullable UUID itemId, int referrerLimit) {
        String bucket = period.monthly() ? "date_trunc('month', day)::date" : "day";
        Map<LocalDate, long[]> points = new LinkedHashMap<>();
        for (LocalDate start = bucketOf(period.from(), period); !start.isAfter(period.to());
             start = period.monthly() ? start.plusMonths(1) : start.plusDays(1)) {
            points.put(start, new long[4]);
        }
        long[] current = new long[8];
        long[] previous = new long[8];
        Map<UUID, long[]> items = new LinkedHashMap<>();
        Map<String, long[]> sources = new LinkedHashMap<>();
        for (TrafficSource.Channel channel : TrafficSource.Channel.values()) {
            sources.put(channel.name(), new long[5]);
        }
        List<ReferrerRow> referrers = new ArrayList<>();

        // grouping(item_id, source, referrer, bucket): 15 the totals, 7 per item, 11 per channel, 9 per referrer, 14 per point
        Rollups.Rows traffic = traffic(storeId, period, !period.monthly());
        Rollups.Rows before = traffic(storeId, period.previous(), false);
        String item = item(itemId);
        List<Object> params = new ArrayList<>(traffic.params());
        if (itemId != null) {
            params.add(itemId);
        }
        params.addAll(before.params());
        if (itemId != null) {
            params.add(itemId);
        }
        params.add(referrerLimit);
        jdbc.sql("""
                select * from (
                    select p, grouping(item_id, source, referrer, bucket) g, item_id, source, referrer, bucket, sum(views), sum(visitors),
                           sum(carts), sum(checkouts), sum(purchases),
                           row_number() over (partition by p, grouping(item_id, source, referrer, bucket)
                                              order by sum(views) desc, sum(purchases) desc, referrer, source) rank
                    from (select 'c'::text p, %s bucket, t.* from %s t where true %s
                          union all
                          select 'p'::text, null::date, t.* from %s t where true %s) r
                    group by grouping sets ((p), (p, item_id), (p, source), (p, source, referrer), (p, bucket))
                    having (p = 'c' or grouping(item_id, source, referrer, bucket) = 15) and (grouping(referrer) = 1 or referrer <> '')
                ) x where g <> 9 or rank <= ?""".formatted(bucket, traffic.sql(), item, before.sql(), item))
                .params(params)
                .query(rs -> {
                    long views = rs.getLong(7);
                    long visitors = rs.getLong(8);
                    long carts = rs.getLong(9);
                    long checkouts = rs.getLong(10);
                    long purchases = rs.getLong(11);
                    switch (rs.getInt(2)) {
                        case 15 -> {
                            long[] totals = "c".equals(rs.getString(1)) ? current : previous;
                            totals[0] = views;
                            totals[1] = visitors;
                            totals[2] = carts;
                            totals[3] = checkouts;
                            totals[4] = purchases;
                        }
                        case 7 -> {
                            long[] row = items.computeIfAbsent(rs.getObject(3, UUID.class), k -> new long[8]);
                            row[0] = views;
                            row[1] = visitors;
                            row[2] = carts;
                            row[3] = checkouts;
                            row[4] = purchases;
                        }
                        case 11 -> {
                            long[] row = sources.computeIfAbsent(rs.getString(4), k -> new long[5]);
                            row[0] = views;
                            row[1] = visitors;
                            row[2] = purchases;
                        }
                        case 9 -> referrers.add(new ReferrerRow(TrafficSource.Channel.valueOf(rs.getString(4)), rs.getString(5), views, purchases));
                        case 14 -> {
                            long[] p = points.get(rs.getObject(6, LocalDate.class));
                            if (p != null) {
                                p[0] = views;
                                p[1] = purchases;
                            }
                        }
                        default -> throw new IllegalStateException("grouping " + rs.getInt(2));
                    }
                });

        // grouping(item_id, source, bucket): 7 per currency, 3 per item, 5 per channel, 6 per point. The currencies are the
        // whole store's (ranked by all its revenue) even on one item's page; the item's own figures are summed where "mine".
        Rollups.Rows sales = sales(storeId, period, !period.monthly());
        Rollups.Rows salesBefore = sales(storeId, period.previous(), false);
        String mine = itemId == null ? "true" : "(item_id = ?)";
        List<Object> salesParams = new ArrayList<>();
        if (itemId != null) {
            salesParams.add(itemId);
        }
        salesParams.addAll(sales.params());
        if (itemId != null) {
            salesParams.add(itemId);
        }
        salesParams.addAll(salesBefore.params());
        record SalesRow(String period, int grouping, String currency, @Nullable UUID itemId, @Nullable String source,
                        @Nullable LocalDate bucket, long sales, long refunds, long revenue, long storeRevenue) {
        }
        List<SalesRow> salesRows = jdbc.sql("""
                select p, grouping(item_id, source, bucket), currency, item_id, source, bucket, coalesce(sum(sales) filter (where mine), 0),
                       coalesce(sum(refunds) filter (where mine), 0), coalesce(sum(gross_minor - refunded_minor) filter (where mine), 0),
                       sum(gross_minor - refunded_minor)
                from (select 'c'::text p, %s bucket, %s mine, s.* from %s s
                      union all
                      select 'p'::text, null::date, %s, s.* from %s s) r
                group by grouping sets ((p, currency), (p, currency, item_id), (p, currency, source), (p, currency, bucket))
                having p = 'c' or grouping(item_id, source, bucket) = 7""".formatted(bucket, mine, sales.sql(), mine, salesBefore.sql()))
                .params(salesParams)
                .query((rs, n) -> new SalesRow(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getObject(4, UUID.class), rs.getString(5),
                        rs.getObject(6, LocalDate.class), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10)))
                .list();
        List<String> currencies = salesRows.stream()
                .filter(row -> row.grouping() == 7 && "c".equals(row.period()))
                .sorted(java.util.Comparator.comparingLong(SalesRow::storeRevenue).reversed().thenComparing(SalesRow::currency))
                .map(SalesRow::currency)
                .toList();
        if (currencies.isEmpty()) {
            currencies = List.of(fallbackCurrency);
        }
        String currency = currencies.get(0);
        for (SalesRow row : salesRows) {
            if (!row.currency().equals(currency)) {
                continue;
            }
            long[] into = switch (row.grouping()) {
                case 7 -> "c".equals(row.period()) ? current : previous;
                case 3 -> items.computeIfAbsent(java.util.Objects.requireNonNull(row.itemId()), k -> new long[8]);
                case 5 -> {
                    long[] source = sources.computeIfAbsent(java.util.Objects.requireNonNull(row.source()), k -> new long[5]);
                    source[3] = row.sales();
                    source[4] = row.revenue();
                    yield null;
                }
                case 6 -> {
                    long[] p = points.get(row.bucket());
                    if (p != null) {
                        p[2] = row.sales();
                        p[3] = row.revenue();
                    }
                    yield null;
                }
                default -> throw new IllegalStateException("grouping " + row.grouping());
            };
            if (into != null) {
                into[5] = row.sales();
                into[6] = row.refunds();
                into[7] = row.revenue();
            }
        }

        List<Point> series = new ArrayList<>(points.size());
        points.forEach((start, p) -> series.add(new Point(start, p[0], p[1], p[2], p[3])));
        List<ItemRow> itemRows = itemId != null ? List.of() : items.entrySet().stream()
                .map(e -> {
                    long[] r = e.getValue();
                    return new ItemRow(e.getKey(), r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7]);
                })
                .sorted(java.util.Comparator.comparingLong(ItemRow::revenueMinor).reversed()
                        .thenComparing(java.util.Comparator.comparingLong(ItemRow::views).reversed())
                        .thenComparing(r -> r.itemId().toString()))
                .toList();
        List<SourceRow> sourceRows = sources.entrySet().stream()
                .filter(e -> e.getValue()[0] + e.getValue()[3] > 0)
                .map(e -> new SourceRow(TrafficSource.Channel.valueOf(e.getKey()), e.getValue()[0], e.getValue()[1], e.getValue()[2],
                        e.getValue()[3], e.getValue()[4]))
                .sorted(java.util.Comparator.comparingLong(SourceRow::views).reversed())
                .toList();
        referrers.sort(java.util.Comparator.comparingLong(ReferrerRow::views).reversed()
                .thenComparing(java.util.Comparator.comparingLong(ReferrerRow::purchases).reversed())
                .thenComparing(ReferrerRow::referrer).thenComparing(r -> r.channel().name()));
        return new Overview(currencies, totals(current, currency), totals(previous, currency), series, itemRows, sourceRows,
                List.copyOf(referrers));
    }

    private static Totals totals(long[] t, String currency) {
        return new Totals(t[0], t[1], t[2], t[3], t[4], t[5], t[6], Money.of(t[7], currency));
    }

    /**
     * Some of the store's items over some days ({@code from} to {@code to}) against other days before them ({@code beforeFrom}
     * to {@code beforeTo}): a promotion's workflows while it ran and as long before it started.
     */
    public record Window(UUID key, java.util.Set<UUID> items, LocalDate from, LocalDate to, LocalDate beforeFrom, LocalDate beforeTo) {
    }

    /** What a window's items sold in one currency, and brought (refunds taken off); and what they sold in the days before. */
    public record WindowSales(long sold, long revenueMinor, long soldBefore) {
    }

    /**
     * What each window's items sold, read from the daily sales rollups as the charts are (the orders and the imported
     * history alike), in one statement for all the windows; a window without sales is absent.
     */
    public Map<UUID, WindowSales> salesOf(UUID storeId, List<Window> windows, String currency) {
        List<String> rows = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (Window window : windows) {
            for (UUID item : window.items()) {
                rows.add("(?::uuid, ?::uuid, ?::date, ?::date, ?::date, ?::date)");
                params.addAll(List.of(window.key(), item, window.from(), window.to(), window.beforeFrom(), window.beforeTo()));
            }
        }
        Map<UUID, WindowSales> sales = new LinkedHashMap<>();
        if (rows.isEmpty()) {
            return sales;
        }
        params.add(storeId);
        params.add(currency);
        jdbc.sql("""
                select w.k, coalesce(sum(s.sales) filter (where s.day between w.d1 and w.d2), 0),
                       coalesce(sum(s.gross_minor - s.refunded_minor) filter (where s.day between w.d1 and w.d2), 0),
                       coalesce(sum(s.sales) filter (where s.day between w.b1 and w.b2), 0)
                from (values %s) w(k, item, d1, d2, b1, b2)
                join analytics_sales_daily s on s.store_id = ? and s.currency = ? and s.item_id = w.item
                     and (s.day between w.d1 and w.d2 or s.day between w.b1 and w.b2)
                group by w.k""".formatted(String.join(", ", rows)))
                .params(params)
                .query(rs -> {
                    sales.put(rs.getObject(1, UUID.class), new WindowSales(rs.getLong(2), rs.getLong(3), rs.getLong(4)));
                });
        return sales;
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

    private static LocalDate bucketOf(LocalDate day, Period period) {
        return period.monthly() ? day.withDayOfMonth(1) : day;
    }
}
