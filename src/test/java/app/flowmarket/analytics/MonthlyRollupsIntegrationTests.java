package app.flowmarket.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.flowmarket.IntegrationTest;
import app.flowmarket.commerce.OrderLineRefunded;
import app.flowmarket.commerce.OrderPaid;
import app.flowmarket.commerce.Sellable;
import app.flowmarket.shared.AccountId;
import app.flowmarket.shared.CurrencyConverter;
import app.flowmarket.shared.Money;
import app.flowmarket.shared.OrderId;
import app.flowmarket.shared.StoreId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The monthly rollups are the daily ones added up per month, however the rows came (tracked events, orders,
 * refunds, an imported history), and the figures of a period read partly from them are the figures of its days.
 */
@IntegrationTest
class MonthlyRollupsIntegrationTests {

    static final Currency USD = Currency.getInstance("USD");
    static final Currency EUR = Currency.getInstance("EUR");
    static final TrafficSource LINKEDIN = new TrafficSource(TrafficSource.Channel.SOCIAL, "linkedin", "launch");
    static final TrafficSource GOOGLE = new TrafficSource(TrafficSource.Channel.SEARCH, "google", "");

    @Autowired
    AnalyticsWriter writer;

    @Autowired
    AnalyticsHistory history;

    @Autowired
    SellerStats sellerStats;

    @Autowired
    PlatformStats platformStats;

    @Autowired
    CurrencyConverter converter;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyMonthsRowsAreItsDaysRowsAddedUp() {
        UUID store = UUID.randomUUID();
        record(store, LocalDate.of(1993, 1, 30));

        assertThat(count("analytics_monthly", store)).isPositive();
        assertThat(difference("""
                select store_id, month, item_id, source, referrer, views, visitors, carts, checkouts, purchases
                from analytics_monthly where store_id = :store""", """
                select store_id, date_trunc('month', day)::date, item_id, source, referrer, sum(views), sum(visitors), sum(carts),
                       sum(checkouts), sum(purchases)
                from analytics_daily where store_id = :store group by 1, 2, 3, 4, 5""", store)).isZero();
        assertThat(count("analytics_sales_monthly", store)).isPositive();
        assertThat(difference("""
                select store_id, month, item_id, source, currency, sales, gross_minor, fee_minor, seller_minor, refunds, refunded_minor,
                       refunded_seller_minor
                from analytics_sales_monthly where store_id = :store""", """
                select store_id, date_trunc('month', day)::date, item_id, source, currency, sum(sales), sum(gross_minor), sum(fee_minor),
                       sum(seller_minor), sum(refunds), sum(refunded_minor), sum(refunded_seller_minor)
                from analytics_sales_daily where store_id = :store group by 1, 2, 3, 4, 5""", store)).isZero();
        assertThat(count("platform_item_monthly", store)).isPositive();
        assertThat(difference("""
                select month, item_id, currency, store_id, sales, net_minor from platform_item_monthly where store_id = :store""", """
                select date_trunc('month', day)::date, item_id, currency, store_id, sum(sales), sum(net_minor)
                from platform_item_daily where store_id = :store group by 1, 2, 3, 4""", store)).isZero();
        // the months the writer and the import both added to
        assertThat(jdbc.sql("select array_agg(distinct month order by month)::text from analytics_monthly where store_id = ?")
                .param(store).query(String.class).single()).isEqualTo("{1993-01-01,1993-02-01,1993-03-01,1993-04-01}");
    }

    @Test
    void theFiguresOfAPeriodAcrossMonthsAreTheSumsOfItsDays() {
        UUID store = UUID.randomUUID();
        record(store, LocalDate.of(1995, 1, 30));
        // a few days of January, February to April whole, a few days of May: charted by month
        Period period = new Period(LocalDate.of(1995, 1, 29), LocalDate.of(1995, 5, 2));
        assertThat(period.split().months()).isEqualTo(new Period(LocalDate.of(1995, 2, 1), LocalDate.of(1995, 4, 30)));

        SellerStats.Overview overview = sellerStats.overview(store, period, "USD", null, 10);
        SellerStats.Totals totals = overview.current();
        Map<String, Object> traffic = jdbc.sql("""
                select sum(views) views, sum(visitors) visitors, sum(carts) carts, sum(checkouts) checkouts, sum(purchases) purchases
                from analytics_daily where store_id = :store and day between :from and :to""").params(bounds(store, period))
                .query().singleRow();
        Map<String, Object> sales = jdbc.sql("""
                select sum(sales) sales, sum(refunds) refunds, sum(gross_minor - refunded_minor) revenue
                from analytics_sales_daily where store_id = :store and day between :from and :to and currency = 'USD'""")
                .params(bounds(store, period)).query().singleRow();
        assertThat(totals.views()).isEqualTo(number(traffic, "views")).isPositive();
        assertThat(totals.visitors()).isEqualTo(number(traffic, "visitors")).isPositive();
        assertThat(totals.carts()).isEqualTo(number(traffic, "carts")).isPositive();
        assertThat(totals.checkouts()).isEqualTo(number(traffic, "checkouts"));
        assertThat(totals.purchases()).isEqualTo(number(traffic, "purchases")).isPositive();
        assertThat(totals.sales()).isEqualTo(number(sales, "sales")).isPositive();
        assertThat(totals.refunds()).isEqualTo(number(sales, "refunds")).isPositive();
        assertThat(totals.revenue()).isEqualTo(Money.of(number(sales, "revenue"), "USD"));
        // the days at the ends count: without them the figures differ
        assertThat(totals.views()).isGreaterThan(sellerStats.overview(store, period.split().months(), "USD", null, 10).current().views());
        // the period before, read in the same statements, is the sum of its days too
        Period before = period.previous();
        assertThat(overview.previous().views()).isEqualTo(jdbc.sql("""
                select coalesce(sum(views), 0) from analytics_daily where store_id = :store and day between :from and :to""")
                .params(bounds(store, before)).query(Long.class).single());
        assertThat(overview.previous().revenue()).isEqualTo(Money.of(jdbc.sql("""
                select coalesce(sum(gross_minor - refunded_minor), 0) from analytics_sales_daily
                where store_id = :store and day between :from and :to and currency = 'USD'""")
                .params(bounds(store, before)).query(Long.class).single(), "USD"));

        assertThat(overview.currencies()).containsExactly("USD", "EUR");
        assertThat(sellerStats.currencies(store, period, "USD")).containsExactly("USD", "EUR");
        assertThat(overview.series()).containsExactlyElementsOf(jdbc.sql("""
                        select m, coalesce(t.views, 0), coalesce(t.purchases, 0), coalesce(s.sales, 0), coalesce(s.revenue, 0)
                        from generate_series(date '1995-01-01', date '1995-05-01', interval '1 month') m
                        left join (select date_trunc('month', day) m, sum(views) views, sum(purchases) purchases from analytics_daily
                                   where store_id = :store and day between :from and :to group by 1) t using (m)
                        left join (select date_trunc('month', day) m, sum(sales) sales, sum(gross_minor - refunded_minor) revenue
                                   from analytics_sales_daily where store_id = :store and day between :from and :to and currency = 'USD'
                                   group by 1) s using (m)
                        order by m""").params(bounds(store, period))
                .query((rs, n) -> new SellerStats.Point(rs.getObject(1, java.time.OffsetDateTime.class).toLocalDate(), rs.getLong(2),
                        rs.getLong(3), rs.getLong(4), rs.getLong(5))).list());
        assertThat(overview.items()).containsExactlyInAnyOrderElementsOf(jdbc.sql("""
                        select item_id, coalesce(t.views, 0), coalesce(t.visitors, 0), coalesce(t.carts, 0), coalesce(t.checkouts, 0),
                               coalesce(t.purchases, 0), coalesce(s.sales, 0), coalesce(s.refunds, 0), coalesce(s.revenue, 0)
                        from (select item_id, sum(views) views, sum(visitors) visitors, sum(carts) carts, sum(checkouts) checkouts,
                                     sum(purchases) purchases
                              from analytics_daily where store_id = :store and day between :from and :to group by 1) t
                        full join (select item_id, sum(sales) sales, sum(refunds) refunds, sum(gross_minor - refunded_minor) revenue
                                   from analytics_sales_daily where store_id = :store and day between :from and :to and currency = 'USD'
                                   group by 1) s using (item_id)""").params(bounds(store, period))
                .query((rs, n) -> new SellerStats.ItemRow(rs.getObject(1, UUID.class), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9))).list());
        assertThat(overview.sources()).containsExactlyInAnyOrderElementsOf(jdbc.sql("""
                        select source, coalesce(t.views, 0), coalesce(t.visitors, 0), coalesce(t.purchases, 0), coalesce(s.sales, 0),
                               coalesce(s.revenue, 0)
                        from (select source, sum(views) views, sum(visitors) visitors, sum(purchases) purchases
                              from analytics_daily where store_id = :store and day between :from and :to group by 1) t
                        full join (select source, sum(sales) sales, sum(gross_minor - refunded_minor) revenue
                                   from analytics_sales_daily where store_id = :store and day between :from and :to and currency = 'USD'
                                   group by 1) s using (source)""").params(bounds(store, period))
                .query((rs, n) -> new SellerStats.SourceRow(TrafficSource.Channel.valueOf(rs.getString(1)), rs.getLong(2), rs.getLong(3),
                        rs.getLong(4), rs.getLong(5), rs.getLong(6))).list());
        assertThat(overview.referrers()).containsExactlyInAnyOrderElementsOf(jdbc.sql("""
                        select source, referrer, sum(views), sum(purchases) from analytics_daily
                        where store_id = :store and day between :from and :to and referrer <> '' group by 1, 2""").params(bounds(store, period))
                .query((rs, n) -> new SellerStats.ReferrerRow(TrafficSource.Channel.valueOf(rs.getString(1)), rs.getString(2), rs.getLong(3),
                        rs.getLong(4))).list());
        // one item's page reads the same way
        UUID item = overview.items().get(0).itemId();
        SellerStats.Overview ofItem = sellerStats.overview(store, period, "USD", item, 10);
        assertThat(ofItem.currencies()).containsExactly("USD", "EUR");
        assertThat(ofItem.current().revenue()).isEqualTo(Money.of(overview.items().get(0).revenueMinor(), "USD"));
        assertThat(ofItem.current().views()).isEqualTo(jdbc.sql("""
                select sum(views) from analytics_daily where store_id = :store and day between :from and :to and item_id = :item""")
                .params(bounds(store, period)).param("item", item).query(Long.class).single());

        // the admins' top lists: what the days of the period come to per item and per store, converted per currency
        assertThat(platformStats.topItems(period, 1000)).containsExactlyInAnyOrderElementsOf(rankedByDay("item_id", period));
        assertThat(platformStats.topStores(period, 1000)).containsExactlyInAnyOrderElementsOf(rankedByDay("store_id", period));
        assertThat(platformStats.topStores(period, 1000)).extracting(PlatformStats.Ranked::id).contains(store);
    }

    /** The top list as the daily rows alone give it, each id's sums per currency converted, then added up. */
    private List<PlatformStats.Ranked> rankedByDay(String id, Period period) {
        Currency to = platformStats.currency();
        Map<UUID, long[]> totals = new LinkedHashMap<>();
        Map<UUID, UUID> stores = new LinkedHashMap<>();
        jdbc.sql("select " + id + ", min(store_id::text)::uuid, currency, sum(sales), sum(net_minor) from platform_item_daily"
                        + " where day between :from and :to group by 1, 3")
                .param("from", period.from()).param("to", period.to())
                .query(rs -> {
                    UUID key = rs.getObject(1, UUID.class);
                    stores.put(key, rs.getObject(2, UUID.class));
                    long[] t = totals.computeIfAbsent(key, k -> new long[2]);
                    t[0] += rs.getLong(4);
                    long net = rs.getLong(5);
                    t[1] += net == 0 ? 0 : converter.convert(Money.of(net, rs.getString(3)), to).map(Money::minor).orElse(0L);
                });
        List<PlatformStats.Ranked> ranked = new ArrayList<>();
        totals.forEach((key, t) -> {
            if (t[0] > 0) {
                ranked.add(new PlatformStats.Ranked(key, stores.get(key), t[0], new Money(t[1], to)));
            }
        });
        ranked.sort(Comparator.comparingLong((PlatformStats.Ranked r) -> r.net().minor()).reversed());
        return ranked;
    }

    /**
     * A store's events, orders, refunds and imported history from a few days before a month's end to three months
     * after: tracked views, carts and checkouts on both sides of the month's end, orders in two currencies, a refund
     * a month later, and an imported day in every week.
     */
    private void record(UUID store, LocalDate lastDays) {
        UUID workflow = UUID.randomUUID();
        UUID bundle = UUID.randomUUID();
        List<Hit> hits = new ArrayList<>();
        for (int d = 0; d < 6; d++) {
            Instant at = lastDays.plusDays(d).atTime(10 + d, 0).toInstant(ZoneOffset.UTC);
            hits.add(new Hit(at, Hit.Kind.VIEW, null, null, store, workflow, null, "", "", d % 2 == 0 ? LINKEDIN : GOOGLE));
            hits.add(new Hit(at.plusSeconds(5), Hit.Kind.VIEW, null, null, store, bundle, null, "", "", TrafficSource.DIRECT));
            hits.add(new Hit(at.plusSeconds(9), Hit.Kind.CART, null, null, store, workflow, null, "", "", LINKEDIN));
            hits.add(new Hit(at.plusSeconds(20), Hit.Kind.CHECKOUT, null, null, store, workflow, UUID.randomUUID(), "", "", LINKEDIN));
        }
        writer.write(hits);
        List<OrderPaid> orders = new ArrayList<>();
        for (int d = 0; d < 6; d++) {
            Instant at = lastDays.plusDays(d).atTime(12, 0).toInstant(ZoneOffset.UTC);
            Currency currency = d == 3 ? EUR : USD;
            OrderPaid order = new OrderPaid(OrderId.of(UUID.randomUUID()), d + 1, AccountId.of(UUID.randomUUID()),
                    List.of(line(store, workflow, 1500 + d * 100, currency), line(store, bundle, 4000, currency)),
                    new Money(5500 + d * 100, currency), at, lastDays);
            writer.purchased(order);
            orders.add(order);
        }
        OrderPaid refunded = orders.get(1);
        writer.refunded(new OrderLineRefunded(refunded.orderId(), refunded.orderNumber(), refunded.buyerId(), refunded.lines().get(0), false,
                lastDays.plusMonths(1).atTime(9, 0).toInstant(ZoneOffset.UTC)));
        List<AnalyticsHistory.Day> days = new ArrayList<>();
        for (LocalDate day = lastDays.minusDays(3); day.isBefore(lastDays.plusMonths(3)); day = day.plusDays(7)) {
            int n = day.getDayOfYear();
            days.add(new AnalyticsHistory.Day(store, day, workflow, TrafficSource.Channel.SEARCH, "google", 40 + n, 20 + n, 6, 4, 2, 1,
                    Money.of(3000, "USD"), Money.of(300, "USD"), Money.of(2700, "USD"), Money.of(1500, "USD"), Money.of(1350, "USD")));
            days.add(new AnalyticsHistory.Day(store, day, null, TrafficSource.Channel.SOCIAL, "reddit", 10 + n, 5, 0, 0, 0, 0,
                    Money.of(0, "USD"), Money.of(0, "USD"), Money.of(0, "USD"), Money.of(0, "USD"), Money.of(0, "USD")));
        }
        history.importDays(days);
    }

    private static OrderPaid.Line line(UUID store, UUID item, long net, Currency currency) {
        long fee = net / 10;
        return new OrderPaid.Line(UUID.randomUUID(), Sellable.Kind.WORKFLOW, item, "Line", StoreId.of(store), List.of(),
                new Money(net, currency), new Money(fee, currency), new Money(net - fee, currency), new Money(net, currency), BigDecimal.ONE);
    }

    private long count(String table, UUID store) {
        return jdbc.sql("select count(*) from " + table + " where store_id = ?").param(store).query(Long.class).single();
    }

    /** Rows in one query and not in the other, both ways. */
    private long difference(String monthly, String fromDays, UUID store) {
        return jdbc.sql("select count(*) from ((" + monthly + " except all " + fromDays + ") union all (" + fromDays + " except all "
                + monthly + ")) d").param("store", store).query(Long.class).single();
    }

    private static Map<String, Object> bounds(UUID store, Period period) {
        return Map.of("store", store, "from", period.from(), "to", period.to());
    }

    private static long number(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value == null ? 0 : ((Number) value).longValue();
    }
}
