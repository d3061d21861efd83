package app.flowmarket.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The two grains every rollup read over long periods is kept at: a row per day ({@code <name>_daily}, keyed by
 * {@code day}) and the same rows summed per calendar month ({@code <name>_monthly}, keyed by {@code month}, the
 * month's first day). Writers add to both with one statement shape; readers take a period's whole months from
 * the monthly table and the days at either end from the daily one, which sums to the same figures.
 */
enum Rollups {

    DAY("daily", "day"),
    MONTH("monthly", "month");

    private final String suffix;
    private final String column;

    Rollups(String suffix, String column) {
        this.suffix = suffix;
        this.column = column;
    }

    /** The table of a rollup at this grain: {@code analytics} is {@code analytics_daily} or {@code analytics_monthly}. */
    String table(String rollup) {
        return rollup + "_" + suffix;
    }

    /** The key column: {@code day} or {@code month}. */
    String column() {
        return column;
    }

    /** The row a day's figures add to at this grain. */
    LocalDate start(LocalDate day) {
        return this == DAY ? day : day.withDayOfMonth(1);
    }

    /** The SQL expression of the row a {@code day} column adds to at this grain. */
    String startOf(String dayColumn) {
        return this == DAY ? dayColumn : "date_trunc('month', " + dayColumn + ")::date";
    }

    /**
     * A statement written once for both grains: {@code %1$s} is the table, {@code %2$s} its key column, {@code %3$s}
     * the expression of a {@code day} value's row.
     */
    String sql(String rollup, String template) {
        return template.formatted(table(rollup), column, startOf("day"));
    }

    /** A derived table and the parameters it binds, in order. */
    record Rows(String sql, List<Object> params) {

        /** The parameters followed by more, for conditions after the derived table. */
        List<Object> params(Object... more) {
            List<Object> all = new ArrayList<>(params);
            all.addAll(List.of(more));
            return all;
        }
    }

    /**
     * The rows of a rollup covering a period, as a derived table with the given columns and {@code day} (a month's first
     * day for a monthly row): the whole months from the monthly table, the rest from the daily one; with {@code daily}
     * all from the daily table, for a chart by day. {@code storeId} bounds the rows to a store when given.
     */
    static Rows over(String rollup, String columns, @Nullable UUID storeId, Period period, boolean daily) {
        Period.Split split = daily ? new Period.Split(period, null, null) : period.split();
        List<String> parts = new ArrayList<>(3);
        List<Object> params = new ArrayList<>(9);
        for (Period days : new Period[] {split.head(), split.tail()}) {
            if (days != null) {
                parts.add(DAY.part(rollup, columns, storeId, days, params));
            }
        }
        Period months = split.months();
        if (months != null) {
            parts.add(MONTH.part(rollup, columns, storeId, months, params));
        }
        return new Rows("(" + String.join(" union all ", parts) + ")", params);
    }

    private String part(String rollup, String columns, @Nullable UUID storeId, Period period, List<Object> params) {
        if (storeId != null) {
            params.add(storeId);
        }
        params.add(period.from());
        params.add(period.to());
        return "select " + columns + ", " + column + " as day from " + table(rollup) + " where "
                + (storeId == null ? "" : "store_id = ? and ") + column + " between ? and ?";
    }
}
