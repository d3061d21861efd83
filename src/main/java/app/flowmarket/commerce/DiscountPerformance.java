package app.flowmarket.commerce;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import app.flowmarket.shared.Money;
import app.flowmarket.shared.StoreId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How a store's coupons and promotions did over a period of UTC days. Coupons: the orders and lines they reduced, the
 * revenue those lines brought (net, after every discount, refunded lines left out) and what the discount cost, read from
 * the order lines, which keep the coupon that priced them. Promotions: their terms, workflows and days, for the
 * dashboard to read what sold on those days from the rollups its charts read (decision 54).
 */
@Service
public class DiscountPerformance {

    private final JdbcClient jdbc;

    DiscountPerformance(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One coupon over the period, in one currency of the store's prices. */
    public record CouponRow(UUID couponId, String code, boolean active, long orders, long lines, Money revenue, Money discount,
                            int usesAllTime, @Nullable Integer maxUses) {
    }

    /**
     * One promotion that ran in the period: its terms, its workflows, and the UTC days it ran within the period and up to
     * today ({@code firstDay} to {@code lastDay}). What sold on those days is the sellers' rollups' to say, where the
     * orders and the demo's history both are: the dashboard reads it there, as its charts do.
     */
    public record PromotionRow(UUID promotionId, String title, Instant startsAt, Instant endsAt, @Nullable Integer percentOff,
                               @Nullable Money amountOff, Set<UUID> workflowIds, LocalDate firstDay, LocalDate lastDay) {

        /** How many days it ran in the period. */
        public long days() {
            return ChronoUnit.DAYS.between(firstDay, lastDay) + 1;
        }

        /** As many days just before it started, for the lift: the first of them. */
        public LocalDate beforeFrom() {
            return startDay().minusDays(days());
        }

        /** The day it started. */
        public LocalDate startDay() {
            return LocalDate.ofInstant(startsAt, ZoneOffset.UTC);
        }

        /**
         * What it took off the list price of lines that brought {@code revenue} (net, after it) over {@code sold} lines, from
         * its terms: the orders' lines keep their discounts, but a day of the rollups (and the demo's history) only what
         * was paid.
         */
        public Money discountOn(long sold, Money revenue) {
            if (percentOff != null) {
                return Money.of(Math.round(revenue.minor() * (double) percentOff / (100 - percentOff)), revenue.currency().getCurrencyCode());
            }
            Money off = java.util.Objects.requireNonNull(amountOff);
            return off.currency().equals(revenue.currency()) ? Money.of(off.minor() * sold, off.currency().getCurrencyCode())
                    : Money.zero(revenue.currency());
        }
    }

    public record Report(List<CouponRow> coupons, List<PromotionRow> promotions) {

        public boolean isEmpty() {
            return coupons.isEmpty() && promotions.isEmpty();
        }
    }

    /** The store's coupons and promotions from {@code from} to {@code to} (UTC days, both included). */
    @Transactional(readOnly = true)
    public Report ofStore(StoreId store, LocalDate from, LocalDate to) {
        Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return new Report(coupons(store.value(), start, end), promotions(store.value(), start, end));
    }

    private List<CouponRow> coupons(UUID store, Instant start, Instant end) {
        // every coupon of the store that was usable in the period or reduced a line in it
        return jdbc.sql("""
                select c.id, c.code, c.active, c.uses, c.max_uses, c.currency as coupon_currency, s.currency,
                       coalesce(s.orders, 0) as orders, coalesce(s.lines, 0) as lines,
                       coalesce(s.revenue, 0) as revenue, coalesce(s.discount, 0) as discount
                from coupon c
                left join (select l.coupon_id, l.currency, count(distinct l.order_id) as orders, count(*) as lines,
                                  sum(l.net_minor) as revenue, sum(l.coupon_discount_minor) as discount
                           from order_line l join purchase_order o on o.id = l.order_id
                           where l.store_id = :store and l.coupon_id is not null and l.status = 'ACTIVE'
                             and o.paid_at >= :start and o.paid_at < :end
                           group by l.coupon_id, l.currency) s on s.coupon_id = c.id
                where c.store_id = :store and (s.coupon_id is not null or (c.starts_at < :end and (c.ends_at is null or c.ends_at > :start)))
                order by coalesce(s.revenue, 0) desc, c.created_at desc""")
                .param("store", store).param("start", Timestamp.from(start)).param("end", Timestamp.from(end))
                .query((rs, n) -> {
                    String currency = rs.getString("currency") != null ? rs.getString("currency") : rs.getString("coupon_currency");
                    Integer max = rs.getObject("max_uses") == null ? null : rs.getInt("max_uses");
                    return new CouponRow(rs.getObject("id", UUID.class), rs.getString("code"), rs.getBoolean("active"), rs.getLong("orders"),
                            rs.getLong("lines"), Money.of(rs.getLong("revenue"), currency.strip()), Money.of(rs.getLong("discount"), currency.strip()),
                            rs.getInt("uses"), max);
                }).list();
    }

    private List<PromotionRow> promotions(UUID store, Instant start, Instant end) {
        Instant now = Instant.now();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        return jdbc.sql("""
                select p.id, p.title, p.starts_at, p.ends_at, p.percent_off, p.amount_off_minor, p.currency,
                       array_agg(pw.workflow_id) filter (where pw.workflow_id is not null) as workflows
                from promotion p left join promotion_workflow pw on pw.promotion_id = p.id
                where p.store_id = ? and p.starts_at < ? and p.ends_at > ? and p.starts_at < ?
                group by p.id order by p.starts_at desc""")
                .params(store, Timestamp.from(end), Timestamp.from(start), Timestamp.from(now))
                .query((rs, n) -> {
                    Instant startsAt = rs.getTimestamp("starts_at").toInstant();
                    Instant endsAt = rs.getTimestamp("ends_at").toInstant();
                    String currency = rs.getString("currency").strip();
                    java.sql.Array ids = rs.getArray("workflows");
                    Set<UUID> workflows = ids == null ? Set.of() : Set.of((UUID[]) ids.getArray());
                    // the days it ran inside the period and already past (today included)
                    LocalDate first = LocalDate.ofInstant(max(startsAt, start), ZoneOffset.UTC);
                    LocalDate last = LocalDate.ofInstant(min(endsAt, end).minusNanos(1), ZoneOffset.UTC);
                    return new PromotionRow(rs.getObject("id", UUID.class), rs.getString("title"), startsAt, endsAt,
                            rs.getObject("percent_off") == null ? null : rs.getInt("percent_off"),
                            rs.getObject("amount_off_minor") == null ? null : Money.of(rs.getLong("amount_off_minor"), currency),
                            workflows, first, last.isAfter(today) ? today : last);
                })
                .list();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
