package app.flowmarket.analytics;

import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import app.flowmarket.shared.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes in a store's past traffic and sales, a day at a time (a migration from another shop, the demo
 * data): the daily and monthly rollups in a few batched statements, and their raw events made by the database itself from
 * the counts (no visitor hashes: those days are over), so both agree as if the events had been tracked.
 */
@Service
public class AnalyticsHistory {

    private final JdbcTemplate jdbc;
    private final PlatformRollups platform;

    AnalyticsHistory(JdbcTemplate jdbc, PlatformRollups platform) {
        this.jdbc = jdbc;
        this.platform = platform;
    }

    /**
     * One day of one item (null: the store's page) from one source: the funnel's counts, and what the
     * sales and refunds of that day came to (gross paid by buyers, the platform's fee, the seller's share).
     */
    public record Day(UUID storeId, LocalDate day, @Nullable UUID itemId, TrafficSource.Channel channel, String referrer, int views,
                      int visitors, int carts, int checkouts, int purchases, int refunds, Money gross, Money fee, Money sellerShare,
                      Money refunded, Money refundedSellerShare) {
    }

    /** The days' counts at both grains, and the raw events behind them (what a store's own dashboard could be recomputed from). */
    @Transactional
    public void importDays(List<Day> days) {
        if (days.isEmpty()) {
            return;
        }
        rollups(Rollups.DAY, days);
        rollups(Rollups.MONTH, months(days));
        addToPlatform(days);
        rawEvents(days);
    }

    /**
     * An older, quieter history at the grains it is read at: every day in the months it adds up to and in the platform's
     * figures, but as days only from {@code daysFrom} on, and without raw events. The store's dashboard over its recent
     * weeks is whole; over longer periods its whole months are, and its charts by day start at {@code daysFrom}.
     */
    @Transactional
    public void importSummary(List<Day> days, LocalDate daysFrom) {
        if (days.isEmpty()) {
            return;
        }
        rollups(Rollups.DAY, days.stream().filter(d -> !d.day().isBefore(daysFrom)).toList());
        rollups(Rollups.MONTH, months(days));
        addToPlatform(days);
    }

    /** The days summed per month (each dated the month's first day), so a month's rows travel to the database once. */
    private static List<Day> months(List<Day> days) {
        record Key(UUID storeId, LocalDate month, @Nullable UUID itemId, TrafficSource.Channel channel, String referrer, String currency) {
        }
        Map<Key, Day> months = new java.util.LinkedHashMap<>();
        for (Day d : days) {
            Key key = new Key(d.storeId(), d.day().withDayOfMonth(1), d.itemId(), d.channel(), d.referrer(), d.gross().currency().getCurrencyCode());
            months.merge(key, new Day(d.storeId(), key.month(), d.itemId(), d.channel(), d.referrer(), d.views(), d.visitors(), d.carts(),
                    d.checkouts(), d.purchases(), d.refunds(), d.gross(), d.fee(), d.sellerShare(), d.refunded(), d.refundedSellerShare()),
                    (a, b) -> new Day(a.storeId(), a.day(), a.itemId(), a.channel(), a.referrer(), a.views() + b.views(),
                            a.visitors() + b.visitors(), a.carts() + b.carts(), a.checkouts() + b.checkouts(), a.purchases() + b.purchases(),
                            a.refunds() + b.refunds(), plus(a.gross(), b.gross()), plus(a.fee(), b.fee()),
                            plus(a.sellerShare(), b.sellerShare()), plus(a.refunded(), b.refunded()),
                            plus(a.refundedSellerShare(), b.refundedSellerShare())));
        }
        return List.copyOf(months.values());
    }

    private static Money plus(Money a, Money b) {
        return new Money(Math.addExact(a.minor(), b.minor()), a.currency());
    }

    /** The traffic and the sales of the days at one grain, the rows of a day or a month added up first. */
    private void rollups(Rollups grain, List<Day> days) {
        if (days.isEmpty()) {
            return;
        }
        UUID[] stores = column(days, Day::storeId, UUID[]::new);
        String[] dates = column(days, d -> d.day().toString(), String[]::new);
        UUID[] items = column(days, AnalyticsHistory::item, UUID[]::new);
        String[] channels = column(days, d -> d.channel().name(), String[]::new);
        String[] referrers = column(days, d -> clip(d.referrer()), String[]::new);
        Integer[] purchases = column(days, Day::purchases, Integer[]::new);
        unnest(grain.sql("analytics", """
                insert into %1$s (store_id, %2$s, item_id, source, referrer, views, visitors, carts, checkouts, purchases)
                select store_id, %3$s, item_id, source, referrer, sum(views), sum(visitors), sum(carts), sum(checkouts), sum(purchases)
                from unnest(?::uuid[], ?::date[], ?::uuid[], ?::text[], ?::text[], ?::int[], ?::int[], ?::int[], ?::int[], ?::int[])
                     as u(store_id, day, item_id, source, referrer, views, visitors, carts, checkouts, purchases)
                group by 1, 2, 3, 4, 5
                on conflict (store_id, %2$s, item_id, source, referrer) do update set
                    views = %1$s.views + excluded.views, visitors = %1$s.visitors + excluded.visitors,
                    carts = %1$s.carts + excluded.carts, checkouts = %1$s.checkouts + excluded.checkouts,
                    purchases = %1$s.purchases + excluded.purchases"""),
                stores, dates, items, channels, referrers, column(days, Day::views, Integer[]::new), column(days, Day::visitors, Integer[]::new),
                column(days, Day::carts, Integer[]::new), column(days, Day::checkouts, Integer[]::new), purchases);
        // several referrers share a channel: the sales rows add theirs up before they meet the table
        unnest(grain.sql("analytics_sales", """
                insert into %1$s (store_id, %2$s, item_id, source, currency, sales, gross_minor, fee_minor, seller_minor,
                                  refunds, refunded_minor, refunded_seller_minor)
                select store_id, %3$s, item_id, source, currency, sum(sales), sum(gross), sum(fee), sum(seller), sum(refunds),
                       sum(refunded), sum(refunded_seller)
                from unnest(?::uuid[], ?::date[], ?::uuid[], ?::text[], ?::text[], ?::int[], ?::bigint[], ?::bigint[], ?::bigint[],
                            ?::int[], ?::bigint[], ?::bigint[])
                     as u(store_id, day, item_id, source, currency, sales, gross, fee, seller, refunds, refunded, refunded_seller)
                where sales > 0 or refunds > 0
                group by 1, 2, 3, 4, 5
                on conflict (store_id, %2$s, item_id, source, currency) do update set
                    sales = %1$s.sales + excluded.sales, gross_minor = %1$s.gross_minor + excluded.gross_minor,
                    fee_minor = %1$s.fee_minor + excluded.fee_minor, seller_minor = %1$s.seller_minor + excluded.seller_minor,
                    refunds = %1$s.refunds + excluded.refunds, refunded_minor = %1$s.refunded_minor + excluded.refunded_minor,
                    refunded_seller_minor = %1$s.refunded_seller_minor + excluded.refunded_seller_minor"""),
                stores, dates, items, channels, column(days, d -> d.gross().currency().getCurrencyCode(), String[]::new), purchases,
                column(days, d -> d.gross().minor(), Long[]::new), column(days, d -> d.fee().minor(), Long[]::new),
                column(days, d -> d.sellerShare().minor(), Long[]::new), column(days, Day::refunds, Integer[]::new),
                column(days, d -> d.refunded().minor(), Long[]::new), column(days, d -> d.refundedSellerShare().minor(), Long[]::new));
    }

    /** The raw events behind the days' counts, at a random time of their day, made in the database from the rows given. */
    private void rawEvents(List<Day> days) {
        unnest("""
                insert into analytics_event (occurred_at, day, kind, store_id, item_id, source, referrer)
                select (u.day + random() * interval '1 day'), u.day, k.kind, u.store_id, u.item_id, u.source, u.referrer
                from unnest(?::uuid[], ?::date[], ?::uuid[], ?::text[], ?::text[], ?::int[], ?::int[], ?::int[], ?::int[], ?::int[])
                     as u(store_id, day, item_id, source, referrer, views, carts, checkouts, purchases, refunds)
                cross join lateral (values ('VIEW', u.views), ('CART', u.carts), ('CHECKOUT', u.checkouts), ('PURCHASE', u.purchases),
                                           ('REFUND', u.refunds)) as k(kind, n)
                cross join lateral generate_series(1, k.n)""",
                column(days, Day::storeId, UUID[]::new), column(days, d -> d.day().toString(), String[]::new),
                column(days, AnalyticsHistory::item, UUID[]::new), column(days, d -> d.channel().name(), String[]::new),
                column(days, d -> clip(d.referrer()), String[]::new), column(days, Day::views, Integer[]::new),
                column(days, Day::carts, Integer[]::new), column(days, Day::checkouts, Integer[]::new),
                column(days, Day::purchases, Integer[]::new), column(days, Day::refunds, Integer[]::new));
    }

    /** One column of the days given, for the database to take as one array. */
    private static <T> T[] column(List<Day> days, java.util.function.Function<Day, T> value, java.util.function.IntFunction<T[]> array) {
        return days.stream().map(value).toArray(array);
    }

    /**
     * Runs a statement that unnests its parameters, each an array of one column: however many rows, one round trip and
     * one statement for the database to plan, instead of one per row.
     */
    private void unnest(String sql, Object[]... columns) {
        jdbc.execute((ConnectionCallback<Integer>) connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int c = 0; c < columns.length; c++) {
                    statement.setArray(c + 1, connection.createArrayOf(arrayType(columns[c]), columns[c]));
                }
                return statement.executeUpdate();
            }
        });
    }

    private static String arrayType(Object[] column) {
        return switch (column) {
            case UUID[] uuids -> "uuid";
            case Integer[] ints -> "int4";
            case Long[] longs -> "int8";
            default -> "text";
        };
    }

    /** The platform's part of the same days: each imported purchase was an order of its own (charged when it had a price). */
    private void addToPlatform(List<Day> days) {
        days.stream().map(Day::day).min(LocalDate::compareTo).ifPresent(platform::closedDayWritten);
        Map<LocalDate, long[]> traffic = new TreeMap<>();
        Map<String, long[]> sales = new TreeMap<>();
        Map<String, long[]> items = new TreeMap<>();
        Map<String, UUID> storeOf = new HashMap<>();
        for (Day d : days) {
            long[] t = traffic.computeIfAbsent(d.day(), k -> new long[3]);
            t[0] += d.views();
            t[1] += d.purchases();
            t[2] += d.gross().isFree() ? 0 : d.purchases();
            if (d.purchases() == 0 && d.refunds() == 0) {
                continue;
            }
            String currency = d.gross().currency().getCurrencyCode();
            long[] s = sales.computeIfAbsent(d.day() + " " + currency, k -> new long[6]);
            s[0] += d.purchases();
            s[1] += d.gross().minor();
            s[2] += d.fee().minor();
            s[3] += d.refunds();
            s[4] += d.refunded().minor();
            s[5] += d.refunded().minor() - d.refundedSellerShare().minor();
            for (Rollups grain : Rollups.values()) {
                String itemKey = grain.ordinal() + " " + grain.start(d.day()) + " " + item(d) + " " + currency;
                long[] i = items.computeIfAbsent(itemKey, k -> new long[2]);
                i[0] += d.purchases();
                i[1] += d.gross().minor() - d.refunded().minor();
                storeOf.put(itemKey, d.storeId());
            }
        }
        jdbc.batchUpdate("""
                insert into platform_sales_daily (day, currency, sales, gross_minor, fee_minor, refunds, refunded_minor, refunded_fee_minor)
                values (?::date, ?, ?, ?, ?, ?, ?, ?)
                on conflict (day, currency) do update set sales = platform_sales_daily.sales + excluded.sales,
                    gross_minor = platform_sales_daily.gross_minor + excluded.gross_minor,
                    fee_minor = platform_sales_daily.fee_minor + excluded.fee_minor,
                    refunds = platform_sales_daily.refunds + excluded.refunds,
                    refunded_minor = platform_sales_daily.refunded_minor + excluded.refunded_minor,
                    refunded_fee_minor = platform_sales_daily.refunded_fee_minor + excluded.refunded_fee_minor""",
                new ArrayList<>(sales.entrySet()), 1000, (ps, e) -> {
                    String[] key = e.getKey().split(" ");
                    ps.setString(1, key[0]);
                    ps.setString(2, key[1]);
                    for (int c = 0; c < 6; c++) {
                        ps.setLong(3 + c, e.getValue()[c]);
                    }
                });
        // the items' days, then their months (the keys start with the grain)
        for (Rollups grain : Rollups.values()) {
            jdbc.batchUpdate(grain.sql("platform_item", """
                    insert into %1$s (%2$s, item_id, currency, store_id, sales, net_minor) values (?::date, ?::uuid, ?, ?, ?, ?)
                    on conflict (%2$s, item_id, currency) do update set sales = %1$s.sales + excluded.sales,
                        net_minor = %1$s.net_minor + excluded.net_minor"""),
                    items.entrySet().stream().filter(e -> e.getKey().startsWith(grain.ordinal() + " ")).toList(), 1000, (ps, e) -> {
                        String[] key = e.getKey().split(" ");
                        ps.setString(1, key[1]);
                        ps.setString(2, key[2]);
                        ps.setString(3, key[3]);
                        ps.setObject(4, storeOf.get(e.getKey()));
                        ps.setLong(5, e.getValue()[0]);
                        ps.setLong(6, e.getValue()[1]);
                    });
        }
        jdbc.batchUpdate("""
                insert into platform_daily (day, views, purchases, orders) values (?, ?, ?, ?)
                on conflict (day) do update set views = platform_daily.views + excluded.views,
                    purchases = platform_daily.purchases + excluded.purchases, orders = platform_daily.orders + excluded.orders""",
                new ArrayList<>(traffic.entrySet()), 1000, (ps, e) -> {
                    ps.setObject(1, e.getKey());
                    ps.setLong(2, e.getValue()[0]);
                    ps.setLong(3, e.getValue()[1]);
                    ps.setLong(4, e.getValue()[2]);
                });
    }

    /** A signed-in account on a past day (a migration's sign-in log, the demo's people). */
    public record Activity(LocalDate day, UUID accountId) {
    }

    /** Who was active on which past days; each account counts once a day, however often it is given. */
    @Transactional
    public void importActivity(List<Activity> activity) {
        if (activity.isEmpty()) {
            return;
        }
        activity.stream().map(Activity::day).min(LocalDate::compareTo).ifPresent(platform::closedDayWritten);
        String[] days = activity.stream().map(a -> a.day().toString()).toArray(String[]::new);
        UUID[] accounts = activity.stream().map(Activity::accountId).toArray(UUID[]::new);
        // the days each account is new on are counted from the rows the insert really made
        unnest("""
                with added as (
                    insert into platform_active_day (day, account_id)
                    select distinct day, account_id from unnest(?::date[], ?::uuid[]) as u(day, account_id)
                    on conflict do nothing
                    returning day)
                insert into platform_daily (day, active_accounts)
                select day, count(*) from added group by day
                on conflict (day) do update set active_accounts = platform_daily.active_accounts + excluded.active_accounts""",
                days, accounts);
        unnest("""
                insert into platform_account_last (account_id, last_day)
                select account_id, max(day) from unnest(?::date[], ?::uuid[]) as u(day, account_id) group by account_id
                on conflict (account_id) do update set last_day = greatest(platform_account_last.last_day, excluded.last_day)""",
                days, accounts);
    }

    /** The day a store moving in with its history really opened: it counts as a new seller that day, not the day it was imported. */
    @Transactional
    public void importOpening(UUID storeId, LocalDate day) {
        platform.opened(storeId, day, true);
    }

    /** Buyers who first bought on past days, before their accounts were here (a shop moving in, the demo), as counts per day. */
    @Transactional
    public void importNewBuyers(Map<LocalDate, Integer> perDay) {
        jdbc.batchUpdate("""
                insert into platform_daily (day, new_buyers) values (?, ?)
                on conflict (day) do update set new_buyers = platform_daily.new_buyers + excluded.new_buyers""",
                new ArrayList<>(new TreeMap<>(perDay).entrySet()), 1000, (ps, e) -> {
                    ps.setObject(1, e.getKey());
                    ps.setInt(2, e.getValue());
                });
    }

    private static UUID item(Day day) {
        return day.itemId() == null ? AnalyticsWriter.STORE_PAGE : day.itemId();
    }

    private static String clip(String referrer) {
        return referrer.length() > TrafficSource.MAX ? referrer.substring(0, TrafficSource.MAX) : referrer;
    }
}
