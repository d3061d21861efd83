package app.flowmarket.analytics;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

import app.flowmarket.currency.Currencies;
import app.flowmarket.shared.CurrencyConverter;
import app.flowmarket.shared.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The whole platform's numbers for a period, for admins, read from the platform's rollups only (a year is a
 * few hundred daily rows per currency; the top lists from lists kept for the closed days, see {@link TopLists}). Amounts are kept in the currency each sale was priced in and
 * converted to the platform currency when read, at the day's reference rates; a currency without a rate
 * is left out and named.
 */
@Service
@Transactional(readOnly = true)
public class PlatformStats {

    private final JdbcClient jdbc;
    private final CurrencyConverter converter;
    private final Currencies currencies;
    private final TopLists tops;
    private final PlatformRollups rollups;

    PlatformStats(JdbcClient jdbc, CurrencyConverter converter, Currencies currencies, TopLists tops, PlatformRollups rollups) {
        this.jdbc = jdbc;
        this.converter = converter;
        this.currencies = currencies;
        this.tops = tops;
        this.rollups = rollups;
    }

    /** What every amount is shown in. */
    public Currency currency() {
        return currencies.fallback();
    }

    /**
     * A period's figures. {@code gmv} is what buyers paid for what was sold (before refunds), {@code fees} the
     * platform's part of it, {@code refunded} what went back to buyers and {@code refundedFees} the fees in it.
     * {@code activeAccountDays} adds each day's distinct active accounts.
     */
    public record Totals(Money gmv, Money fees, Money refunded, Money refundedFees, long sales, long refunds, long orders, long views,
                         long purchases, long newBuyers, long newSellers, long activeAccountDays, long days, List<String> unconverted) {

        /** Fees less the fees of refunded sales: what the platform earned. */
        public Money netRevenue() {
            return new Money(fees.minor() - refundedFees.minor(), fees.currency());
        }

        /** What an order came to on average, rounded down to the minor unit; null without orders. */
        public @Nullable Money averageOrderValue() {
            return orders == 0 ? null : new Money(gmv.minor() / orders, gmv.currency());
        }

        /** Purchases per hundred page views, to one decimal; null without views. */
        public @Nullable Double conversionPercent() {
            return views == 0 ? null : Math.round(purchases * 1000.0 / views) / 10.0;
        }

        /** Distinct active accounts on an average day of the period, rounded. */
        public long averageDailyActive() {
            return Math.round((double) activeAccountDays / days);
        }
    }

    /** Distinct accounts active on a day, in the seven days and in the thirty days ending with it. */
    public record Active(long daily, long weekly, long monthly) {
    }

    /** One point of a chart: the day (or the month's first day) it starts; active accounts on an average day of it. */
    public record Point(LocalDate start, long gmvMinor, long feesMinor, long orders, long activeAccounts, long views, long purchases) {
    }

    /** A store or an item with what it sold in the period; {@code storeId} is the item's store (the store itself for a store). */
    public record Ranked(UUID id, UUID storeId, long sales, Money net) {
    }

    public Totals totals(Period period) {
        Currency to = currency();
        long[] amounts = new long[4];
        long[] counts = new long[2];
        TreeSet<String> unconverted = new TreeSet<>();
        jdbc.sql("""
                select currency, coalesce(sum(sales), 0), coalesce(sum(gross_minor), 0), coalesce(sum(fee_minor), 0), coalesce(sum(refunds), 0),
                       coalesce(sum(refunded_minor), 0), coalesce(sum(refunded_fee_minor), 0)
                from platform_sales_daily where day between ? and ? group by currency""")
                .params(period.from(), period.to())
                .query(rs -> {
                    String currency = rs.getString(1);
                    long[] values = {rs.getLong(3), rs.getLong(4), rs.getLong(6), rs.getLong(7)};
                    long[] converted = new long[4];
                    for (int i = 0; i < 4; i++) {
                        Optional<Long> amount = convert(values[i], currency, to);
                        if (amount.isEmpty()) {
                            unconverted.add(currency);
                            return;
                        }
                        converted[i] = amount.get();
                    }
                    for (int i = 0; i < 4; i++) {
                        amounts[i] += converted[i];
                    }
                    counts[0] += rs.getLong(2);
                    counts[1] += rs.getLong(5);
                });
        long[] daily = jdbc.sql("""
                select coalesce(sum(orders), 0), coalesce(sum(views), 0), coalesce(sum(purchases), 0), coalesce(sum(new_buyers), 0),
                       coalesce(sum(new_sellers), 0), coalesce(sum(active_accounts), 0)
                from platform_daily where day between ? and ?""")
                .params(period.from(), period.to())
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)})
                .single();
        return new Totals(new Money(amounts[0], to), new Money(amounts[1], to), new Money(amounts[2], to), new Money(amounts[3], to),
                counts[0], counts[1], daily[0], daily[1], daily[2], daily[3], daily[4], daily[5], period.days(), List.copyOf(unconverted));
    }

    /**
     * Today (or later): the day's rows and each account's last active day. A day that is over: its stored counts, counted
     * once from the rows the first time they are asked for (decision 57).
     */
    public Active activeOn(LocalDate day) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        if (!day.isBefore(today)) {
            long daily = jdbc.sql("select count(*) from platform_active_day where day = ?").param(day).query(Long.class).single();
            return jdbc.sql("""
                    select count(*) filter (where last_day > ?), count(*) from platform_account_last where last_day > ?""")
                    .params(day.minusDays(7), day.minusDays(30))
                    .query((rs, n) -> new Active(daily, rs.getLong(1), rs.getLong(2))).single();
        }
        Optional<Active> stored = jdbc.sql("""
                        select daily, weekly, monthly from platform_active_window
                        where day = ? and version = (select version from platform_closed_version)""").param(day)
                .query((rs, n) -> new Active(rs.getLong(1), rs.getLong(2), rs.getLong(3))).optional();
        if (stored.isPresent()) {
            return stored.get();
        }
        long version = jdbc.sql("select version from platform_closed_version").query(Long.class).single();
        Active counted = jdbc.sql("""
                select count(*) filter (where day = ?), count(distinct account_id) filter (where day > ?), count(distinct account_id)
                from platform_active_day where day between ? and ?""")
                .params(day, day.minusDays(7), day.minusDays(29), day)
                .query((rs, n) -> new Active(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
        rollups.keepActive(day, counted, version);
        return counted;
    }

    /** The period's chart points, every day (or month) present, empty ones as zeros. */
    public List<Point> series(Period period) {
        Currency to = currency();
        String bucket = period.monthly() ? "date_trunc('month', day)::date" : "day";
        Map<LocalDate, long[]> points = new LinkedHashMap<>();
        for (LocalDate start = period.monthly() ? period.from().withDayOfMonth(1) : period.from(); !start.isAfter(period.to());
             start = period.monthly() ? start.plusMonths(1) : start.plusDays(1)) {
            points.put(start, new long[6]);
        }
        jdbc.sql("select " + bucket + ", currency, sum(gross_minor), sum(fee_minor) from platform_sales_daily where day between ? and ?"
                        + " group by 1, 2")
                .params(period.from(), period.to())
                .query(rs -> {
                    long[] p = points.get(rs.getObject(1, LocalDate.class));
                    String currency = rs.getString(2);
                    if (p != null) {
                        p[0] += convert(rs.getLong(3), currency, to).orElse(0L);
                        p[1] += convert(rs.getLong(4), currency, to).orElse(0L);
                    }
                });
        jdbc.sql("select " + bucket + ", sum(orders), round(avg(active_accounts)), sum(views), sum(purchases), count(*)"
                        + " from platform_daily where day between ? and ? group by 1")
                .params(period.from(), period.to())
                .query(rs -> {
                    LocalDate start = rs.getObject(1, LocalDate.class);
                    long[] p = points.get(start);
                    if (p != null) {
                        p[2] = rs.getLong(2);
                        // an average over the bucket's days in the period, days without a row being days without anyone
                        long daysInBucket = period.monthly() ? daysOf(start, period) : 1;
                        p[3] = Math.round(rs.getDouble(3) * rs.getLong(6) / daysInBucket);
                        p[4] = rs.getLong(4);
                        p[5] = rs.getLong(5);
                    }
                });
        List<Point> series = new ArrayList<>(points.size());
        points.forEach((start, p) -> series.add(new Point(start, p[0], p[1], p[2], p[3], p[4], p[5])));
        return series;
    }

    /** The stores that sold the most in the period (what buyers paid less refunds, in the platform currency). */
    public List<Ranked> topStores(Period period, int limit) {
        return tops.top(TopLists.Kind.STORES, period, limit, currency());
    }

    /** The workflows and bundles that sold the most in the period. */
    public List<Ranked> topItems(Period period, int limit) {
        return tops.top(TopLists.Kind.ITEMS, period, limit, currency());
    }

    /** One day's figures for the export, amounts in the platform currency. */
    public record DayRow(LocalDate day, long orders, long sales, long gmvMinor, long feesMinor, long refunds, long refundedMinor,
                         long refundedFeesMinor, long views, long purchases, long newBuyers, long newSellers, long activeAccounts) {
    }

    /** Every day of the period with anything to say, oldest first. */
    public List<DayRow> days(Period period) {
        Currency to = currency();
        Map<LocalDate, long[]> rows = new java.util.TreeMap<>();
        jdbc.sql("""
                select day, orders, views, purchases, new_buyers, new_sellers, active_accounts from platform_daily
                where day between ? and ?""")
                .params(period.from(), period.to())
                .query(rs -> {
                    long[] r = rows.computeIfAbsent(rs.getObject(1, LocalDate.class), k -> new long[12]);
                    for (int i = 0; i < 6; i++) {
                        r[6 + i] = rs.getLong(2 + i);
                    }
                });
        jdbc.sql("""
                select day, currency, sales, gross_minor, fee_minor, refunds, refunded_minor, refunded_fee_minor from platform_sales_daily
                where day between ? and ?""")
                .params(period.from(), period.to())
                .query(rs -> {
                    long[] r = rows.computeIfAbsent(rs.getObject(1, LocalDate.class), k -> new long[12]);
                    String currency = rs.getString(2);
                    r[0] += rs.getLong(3);
                    r[1] += convert(rs.getLong(4), currency, to).orElse(0L);
                    r[2] += convert(rs.getLong(5), currency, to).orElse(0L);
                    r[3] += rs.getLong(6);
                    r[4] += convert(rs.getLong(7), currency, to).orElse(0L);
                    r[5] += convert(rs.getLong(8), currency, to).orElse(0L);
                });
        List<DayRow> days = new ArrayList<>(rows.size());
        rows.forEach((day, r) -> days.add(new DayRow(day, r[6], r[0], r[1], r[2], r[3], r[4], r[5], r[7], r[8], r[9], r[10], r[11])));
        return days;
    }

    private Optional<Long> convert(long minor, String currency, Currency to) {
        if (minor == 0 || currency.equals(to.getCurrencyCode())) {
            return Optional.of(minor);
        }
        return converter.convert(Money.of(minor, currency), to).map(Money::minor);
    }

    private static long daysOf(LocalDate monthStart, Period period) {
        LocalDate first = monthStart.isBefore(period.from()) ? period.from() : monthStart;
        LocalDate monthEnd = monthStart.plusMonths(1).minusDays(1);
        LocalDate last = monthEnd.isAfter(period.to()) ? period.to() : monthEnd;
        return java.time.temporal.ChronoUnit.DAYS.between(first, last) + 1;
    }
}
