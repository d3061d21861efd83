package app.flowmarket.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import app.flowmarket.commerce.OrderPaid;
import app.flowmarket.shared.Money;
import app.flowmarket.store.StoreOpened;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the platform's daily rollups (and the items' monthly ones) in step with the sellers' ones, in the same transactions: the writer
 * calls it only for what it counted for the first time, so a redelivered event adds nothing twice.
 */
@Component
class PlatformRollups {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TopLists tops;

    PlatformRollups(JdbcClient jdbc, JdbcTemplate batch, TopLists tops) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.tops = tops;
    }

    /** Page views (and purchases) per day (sorted by day, so concurrent writers take the rows in one order). */
    @Transactional(propagation = Propagation.MANDATORY)
    void addTraffic(Map<LocalDate, long[]> viewsAndPurchases) {
        batch.batchUpdate("""
                insert into platform_daily (day, views, purchases) values (?, ?, ?)
                on conflict (day) do update set views = platform_daily.views + excluded.views,
                    purchases = platform_daily.purchases + excluded.purchases""",
                new ArrayList<>(viewsAndPurchases.entrySet()), 500, (ps, e) -> {
                    ps.setObject(1, e.getKey());
                    ps.setLong(2, e.getValue()[0]);
                    ps.setLong(3, e.getValue()[1]);
                });
    }

    /** Refunds of one item on the day they were made: what went back to buyers, and the fee part of it. */
    @Transactional(propagation = Propagation.MANDATORY)
    void refunded(LocalDate day, UUID storeId, UUID itemId, int refunds, Money net, Money fee) {
        closedDayWritten(day);
        String currency = net.currency().getCurrencyCode();
        jdbc.sql("""
                insert into platform_sales_daily (day, currency, refunds, refunded_minor, refunded_fee_minor) values (?, ?, ?, ?, ?)
                on conflict (day, currency) do update set refunds = platform_sales_daily.refunds + excluded.refunds,
                    refunded_minor = platform_sales_daily.refunded_minor + excluded.refunded_minor,
                    refunded_fee_minor = platform_sales_daily.refunded_fee_minor + excluded.refunded_fee_minor""")
                .params(day, currency, refunds, net.minor(), fee.minor()).update();
        item(day, storeId, itemId, currency, 0, -net.minor());
    }

    /** An item's sales of a day, added to the day's row and to the month's (every writer takes them in that order). */
    private void item(LocalDate day, UUID storeId, UUID itemId, String currency, int sales, long netMinor) {
        for (Rollups grain : Rollups.values()) {
            jdbc.sql(grain.sql("platform_item", """
                    insert into %1$s (%2$s, item_id, currency, store_id, sales, net_minor) values (?, ?, ?, ?, ?, ?)
                    on conflict (%2$s, item_id, currency) do update set sales = %1$s.sales + excluded.sales,
                        net_minor = %1$s.net_minor + excluded.net_minor"""))
                    .params(grain.start(day), itemId, currency, storeId, sales, netMinor).update();
        }
    }

    /**
     * A paid order's lines counted for the first time: their sales (by currency, then by item, in one order for
     * every writer so that concurrent orders cannot deadlock), an order if something was charged and its buyer's
     * first if they had none, the day's row last.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void ordered(OrderPaid order, List<OrderPaid.Line> lines, LocalDate day) {
        closedDayWritten(day);
        List<OrderPaid.Line> sorted = lines.stream().sorted(Comparator.comparing((OrderPaid.Line l) -> l.net().currency().getCurrencyCode())
                .thenComparing(OrderPaid.Line::refId)).toList();
        Map<String, long[]> byCurrency = new TreeMap<>();
        for (OrderPaid.Line line : sorted) {
            long[] sums = byCurrency.computeIfAbsent(line.net().currency().getCurrencyCode(), c -> new long[3]);
            // an upgrade of a licence is revenue, not a sale
            sums[0] += line.upgrading() ? 0 : 1;
            sums[1] += line.net().minor();
            sums[2] += line.fee().minor();
        }
        byCurrency.forEach((currency, sums) -> jdbc.sql("""
                insert into platform_sales_daily (day, currency, sales, gross_minor, fee_minor) values (?, ?, ?, ?, ?)
                on conflict (day, currency) do update set sales = platform_sales_daily.sales + excluded.sales,
                    gross_minor = platform_sales_daily.gross_minor + excluded.gross_minor,
                    fee_minor = platform_sales_daily.fee_minor + excluded.fee_minor""")
                .params(day, currency, sums[0], sums[1], sums[2]).update());
        for (OrderPaid.Line line : sorted.stream().sorted(Comparator.comparing(OrderPaid.Line::refId)).toList()) {
            item(day, line.storeId().value(), line.refId(), line.net().currency().getCurrencyCode(), line.upgrading() ? 0 : 1, line.net().minor());
        }
        boolean charged = !order.free();
        int firstOrder = charged ? jdbc.sql("insert into platform_buyer (account_id, first_order_day) values (?, ?) on conflict do nothing")
                .params(order.buyerId().value(), day).update() : 0;
        jdbc.sql("""
                insert into platform_daily (day, purchases, orders, new_buyers) values (?, ?, ?, ?)
                on conflict (day) do update set purchases = platform_daily.purchases + excluded.purchases,
                    orders = platform_daily.orders + excluded.orders, new_buyers = platform_daily.new_buyers + excluded.new_buyers""")
                .params(day, lines.stream().filter(line -> !line.upgrading()).count(), charged ? 1 : 0, firstOrder).update();
    }

    /** An account made a signed-in request that day; true the first time that day. */
    @Transactional
    boolean active(UUID accountId, LocalDate day) {
        int first = jdbc.sql("insert into platform_active_day (day, account_id) values (?, ?) on conflict do nothing")
                .params(day, accountId).update();
        if (first > 0) {
            closedDayWritten(day);
            jdbc.sql("""
                    insert into platform_daily (day, active_accounts) values (?, 1)
                    on conflict (day) do update set active_accounts = platform_daily.active_accounts + 1""").param(day).update();
            jdbc.sql("""
                    insert into platform_account_last (account_id, last_day) values (?, ?)
                    on conflict (account_id) do update set last_day = greatest(platform_account_last.last_day, excluded.last_day)""")
                    .params(accountId, day).update();
        }
        return first > 0;
    }

    /**
     * A write to a day that is over (an import, an event told after midnight, an erased account) makes every kept top list
     * and stored active count older than it void: they name the version they were counted at. Taken before the
     * writer's other rows, so that writers of closed days queue here rather than deadlock. The lists are recomputed in the
     * background after the commit.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void closedDayWritten(LocalDate day) {
        if (day.isBefore(LocalDate.now(ZoneOffset.UTC))) {
            jdbc.sql("update platform_closed_version set version = version + 1").update();
            tops.closedDaysWritten();
        }
    }

    /**
     * A day's active counts, once the day is over and its last writers are done (a minute into the next day), beside
     * the page's read-only work; {@code version} is the one read before counting.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void keepActive(LocalDate day, PlatformStats.Active counted, long version) {
        if (Instant.now().isBefore(day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(60))) {
            return;
        }
        jdbc.sql("""
                insert into platform_active_window (day, daily, weekly, monthly, version) values (?, ?, ?, ?, ?)
                on conflict (day) do update set daily = excluded.daily, weekly = excluded.weekly, monthly = excluded.monthly,
                    version = excluded.version""")
                .params(day, counted.daily(), counted.weekly(), counted.monthly(), version).update();
    }

    /**
     * A dispute lost: the disputed lines' money went back to the buyer as with a refund, so it counts as refunds of the
     * day it closed (what went back and the fee in it, off the items' net), each line once however often it is told.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void chargedBack(UUID orderId, LocalDate day, List<OrderPaid.Line> lines) {
        for (OrderPaid.Line line : lines.stream().sorted(Comparator.comparing(OrderPaid.Line::refId)).toList()) {
            int first = jdbc.sql("insert into platform_chargeback (order_id, item_id, day) values (?, ?, ?) on conflict do nothing")
                    .params(orderId, line.refId(), day).update();
            if (first > 0) {
                refunded(day, line.storeId().value(), line.refId(), line.upgrading() ? 0 : 1, line.net(), line.fee());
            }
        }
    }

    /**
     * The day a store opened; a later call for the same store moves it (a store moving in with its history is
     * opened today, then told when it really opened), so each store counts once, on its day.
     */
    @Transactional
    void opened(UUID storeId, LocalDate day, boolean move) {
        if (!move) {
            // a store told of twice, or whose real day is being written beside, counts once: the insert waits for the other
            int first = jdbc.sql("insert into platform_seller (store_id, opened_on) values (?, ?) on conflict (store_id) do nothing")
                    .params(storeId, day).update();
            if (first > 0) {
                jdbc.sql("""
                        insert into platform_daily (day, new_sellers) values (?, 1)
                        on conflict (day) do update set new_sellers = platform_daily.new_sellers + 1""").param(day).update();
            }
            return;
        }
        LocalDate known = jdbc.sql("select opened_on from platform_seller where store_id = ? for update").param(storeId)
                .query(LocalDate.class).optional().orElse(null);
        if (known != null && known.equals(day)) {
            return;
        }
        if (known != null) {
            jdbc.sql("update platform_daily set new_sellers = new_sellers - 1 where day = ?").param(known).update();
            jdbc.sql("update platform_seller set opened_on = ? where store_id = ?").params(day, storeId).update();
        } else {
            jdbc.sql("insert into platform_seller (store_id, opened_on) values (?, ?)").params(storeId, day).update();
        }
        jdbc.sql("""
                insert into platform_daily (day, new_sellers) values (?, 1)
                on conflict (day) do update set new_sellers = platform_daily.new_sellers + 1""").param(day).update();
    }

    @ApplicationModuleListener
    void on(StoreOpened event) {
        opened(event.storeId(), LocalDate.now(ZoneOffset.UTC), false);
    }
}
