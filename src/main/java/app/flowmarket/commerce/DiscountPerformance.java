package app.flowmarket.commerce;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import app.flowmarket.shared.Money;
import app.flowmarket.shared.StoreId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How a store's coupons and promotions did over a period of UTC days: the orders and lines they reduced, the revenue
 * those lines brought (net, after every discount, refunded lines left out) and what the discount cost; and for each
 * promotion, its workflows' sales per day while it ran against the same number of days before it started. Read from
 * the order lines, which keep the coupon and the promotion that priced them.
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
     * One promotion over the period: the lines it priced, their revenue and discount; and its workflows' sales per day
     * while it ran (within the period) against as many days before it started ({@code salesBefore} over {@code days}).
     */
    public record PromotionRow(UUID promotionId, String title, Instant startsAt, Instant endsAt, @Nullable Integer percentOff, long lines,
                               Money revenue, Money discount, long days, long salesDuring, long salesBefore) {
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
        record Priced(long lines, long revenue, long discount, String currency) {
        }
        record Promotion(UUID id, String title, Instant startsAt, Instant endsAt, @Nullable Integer percentOff, String currency) {
        }
        List<Promotion> running = jdbc.sql("""
                select id, title, starts_at, ends_at, percent_off, currency from promotion
                where store_id = ? and starts_at < ? and ends_at > ? and starts_at < ?
                order by starts_at desc""")
                .params(store, Timestamp.from(end), Timestamp.from(start), Timestamp.from(now))
                .query((rs, n) -> new Promotion(rs.getObject("id", UUID.class), rs.getString("title"), rs.getTimestamp("starts_at").toInstant(),
                        rs.getTimestamp("ends_at").toInstant(), rs.getObject("percent_off") == null ? null : rs.getInt("percent_off"),
                        rs.getString("currency").strip()))
                .list();
        return running.stream().map(p -> {
            // the part of the promotion inside the period and already past, and as long a stretch just before it started
            Instant from = p.startsAt().isAfter(start) ? p.startsAt() : start;
            Instant to = min(min(p.endsAt(), end), now);
            long days = Math.max(1, (Duration.between(from, to).toHours() + 23) / 24);
            Instant beforeFrom = p.startsAt().minus(Duration.ofDays(days));
            var priced = jdbc.sql("""
                    select count(*) as lines, coalesce(sum(l.net_minor), 0) as revenue, coalesce(sum(l.promotion_discount_minor), 0) as discount,
                           min(l.currency) as currency
                    from order_line l join purchase_order o on o.id = l.order_id
                    where l.promotion_id = ? and l.status = 'ACTIVE' and o.paid_at >= ? and o.paid_at < ?""")
                    .params(p.id(), Timestamp.from(from), Timestamp.from(to))
                    .query((rs, n) -> new Priced(rs.getLong("lines"), rs.getLong("revenue"), rs.getLong("discount"),
                            rs.getString("currency") == null ? p.currency() : rs.getString("currency").strip())).single();
            long during = soldOf(p.id(), from, to);
            long before = soldOf(p.id(), beforeFrom, p.startsAt());
            return new PromotionRow(p.id(), p.title(), p.startsAt(), p.endsAt(), p.percentOff(), priced.lines(),
                    Money.of(priced.revenue(), priced.currency()), Money.of(priced.discount(), priced.currency()), days, during, before);
        }).toList();
    }

    /** Lines of the promotion's workflows paid between two instants, whatever priced them. */
    private long soldOf(UUID promotionId, Instant from, Instant to) {
        return jdbc.sql("""
                select count(*) from order_line l join purchase_order o on o.id = l.order_id
                where l.kind = 'WORKFLOW' and l.ref_id in (select workflow_id from promotion_workflow where promotion_id = ?)
                  and o.paid_at >= ? and o.paid_at < ?""")
                .params(promotionId, Timestamp.from(from), Timestamp.from(to)).query(Long.class).single();
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
