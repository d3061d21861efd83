package app.flowmarket.analytics;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import app.flowmarket.catalog.CatalogManagement;
import app.flowmarket.commerce.OrderDisputeClosed;
import app.flowmarket.commerce.OrderLineRefunded;
import app.flowmarket.commerce.OrderPaid;
import app.flowmarket.store.StoreManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes tracked events and keeps the daily and monthly rollups in step in the same transaction: every event
 * adds to its day's row and to its month's ({@code insert … on conflict do update}), so the dashboard never
 * scans raw events. Every transaction takes the rows in one order (the daily traffic rows, the monthly ones,
 * the daily sales rows, the monthly ones, the platform's), each table's rows sorted by key, so that concurrent
 * writers cannot deadlock.
 * A visit's later pages (internal links, the cart, the checkout) are credited to where the visitor came
 * from that day, and a purchase to where its checkout came from.
 */
@Component
class AnalyticsWriter {

    /** The item of a store's own page in the rollups. */
    static final UUID STORE_PAGE = new UUID(0, 0);

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final VisitorHashes hashes;
    private final CatalogManagement catalog;
    private final StoreManagement stores;
    private final PlatformRollups platform;

    AnalyticsWriter(JdbcClient jdbc, JdbcTemplate batch, VisitorHashes hashes, CatalogManagement catalog, StoreManagement stores,
                    PlatformRollups platform) {
        this.platform = platform;
        this.jdbc = jdbc;
        this.batch = batch;
        this.hashes = hashes;
        this.catalog = catalog;
        this.stores = stores;
    }

    private record Target(UUID storeId, UUID itemId) {
    }

    private record Row(Hit hit, LocalDate day, Target target, @Nullable String visitor, TrafficSource source) {
    }

    /** The rollup row an event adds to. */
    private record Key(UUID storeId, LocalDate day, UUID itemId, TrafficSource.Channel channel, String referrer)
            implements Comparable<Key> {

        @Override
        public int compareTo(Key o) {
            // one order for every writer, so concurrent upserts of the same rows cannot deadlock
            return java.util.Comparator.comparing(Key::storeId).thenComparing(Key::day).thenComparing(Key::itemId)
                    .thenComparing(Key::channel).thenComparing(Key::referrer).compare(this, o);
        }
    }

    /** Writes a batch of tracked page views, cart additions and checkouts. */
    @Transactional
    void write(List<Hit> hits) {
        Map<String, Optional<Target>> workflows = new HashMap<>();
        Map<String, Optional<Target>> storePages = new HashMap<>();
        Map<String, TrafficSource> landings = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        for (Hit hit : hits) {
            Optional<Target> target = target(hit, workflows, storePages);
            if (target.isEmpty()) {
                continue;
            }
            LocalDate day = LocalDate.ofInstant(hit.at(), ZoneOffset.UTC);
            String visitor = hit.address().isEmpty() ? null : hashes.hash(day, hit.address(), hit.userAgent());
            rows.add(new Row(hit, day, target.get(), visitor, attribute(day, visitor, hit.source(), landings)));
        }
        if (rows.isEmpty()) {
            return;
        }
        batch.batchUpdate("""
                insert into analytics_event (occurred_at, day, kind, store_id, item_id, visitor, source, referrer, campaign, order_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows, 500, (ps, row) -> {
            ps.setTimestamp(1, Timestamp.from(row.hit().at()));
            ps.setObject(2, row.day());
            ps.setString(3, row.hit().kind().name());
            ps.setObject(4, row.target().storeId());
            ps.setObject(5, row.target().itemId());
            ps.setString(6, row.visitor());
            ps.setString(7, row.source().channel().name());
            ps.setString(8, row.source().referrer());
            ps.setString(9, row.source().campaign());
            ps.setObject(10, row.hit().orderId());
        });
        List<Row> views = rows.stream().filter(r -> r.hit().kind() == Hit.Kind.VIEW && r.visitor() != null).toList();
        int[][] firstSeen = batch.batchUpdate("insert into analytics_seen (day, store_id, item_id, visitor) values (?, ?, ?, ?) on conflict do nothing",
                views, 500, (ps, row) -> {
                    ps.setObject(1, row.day());
                    ps.setObject(2, row.target().storeId());
                    ps.setObject(3, row.target().itemId());
                    ps.setString(4, row.visitor());
                });
        Map<Row, Boolean> newVisitor = new java.util.IdentityHashMap<>();
        int i = 0;
        for (int[] counts : firstSeen) {
            for (int count : counts) {
                newVisitor.put(views.get(i++), count > 0);
            }
        }
        Map<Key, int[]> increments = new TreeMap<>();
        for (Row row : rows) {
            int[] counts = increments.computeIfAbsent(new Key(row.target().storeId(), row.day(), row.target().itemId(),
                    row.source().channel(), row.source().referrer()), k -> new int[5]);
            switch (row.hit().kind()) {
                case VIEW -> {
                    counts[0]++;
                    if (Boolean.TRUE.equals(newVisitor.get(row))) {
                        counts[1]++;
                    }
                }
                case CART -> counts[2]++;
                case CHECKOUT -> counts[3]++;
                case PURCHASE -> counts[4]++;
            }
        }
        addTraffic(increments);
        // the platform's rows last: every transaction takes the platform's busy rows after the stores' ones
        Map<LocalDate, long[]> platformDays = new TreeMap<>();
        increments.forEach((key, counts) -> platformDays.computeIfAbsent(key.day(), d -> new long[2])[0] += counts[0]);
        platform.addTraffic(platformDays);
    }

    private Optional<Target> target(Hit hit, Map<String, Optional<Target>> workflows, Map<String, Optional<Target>> storePages) {
        if (hit.workflowSlug() != null) {
            return workflows.computeIfAbsent(hit.workflowSlug(), slug -> catalog.purchasableBySlug(slug)
                    .filter(CatalogManagement.PurchasableWorkflow::published).map(w -> new Target(w.storeId(), w.id())));
        }
        if (hit.storeSlug() != null) {
            return storePages.computeIfAbsent(hit.storeSlug(), slug -> stores.findBySlug(slug).map(s -> new Target(s.id(), STORE_PAGE)));
        }
        UUID storeId = hit.storeId();
        UUID itemId = hit.itemId();
        return storeId == null || itemId == null ? Optional.empty() : Optional.of(new Target(storeId, itemId));
    }

    /**
     * An event from outside (a search engine, a shared link, a typed address) is credited to its own source and
     * remembered as the visitor's landing of the day; an internal one (a link between pages, the cart) to that landing.
     */
    private TrafficSource attribute(LocalDate day, @Nullable String visitor, TrafficSource own, Map<String, TrafficSource> landings) {
        if (visitor == null) {
            return own;
        }
        String key = day + " " + visitor;
        if (own.channel() != TrafficSource.Channel.INTERNAL) {
            int inserted = jdbc.sql("""
                    insert into analytics_visit (day, visitor, source, referrer, campaign) values (?, ?, ?, ?, ?)
                    on conflict (day, visitor) do nothing""")
                    .params(day, visitor, own.channel().name(), own.referrer(), own.campaign()).update();
            if (inserted > 0) {
                landings.put(key, own);
            }
            return own;
        }
        return landings.computeIfAbsent(key, k -> landing(day, visitor).orElse(TrafficSource.INTERNAL));
    }

    private Optional<TrafficSource> landing(LocalDate day, String visitor) {
        return jdbc.sql("select source, referrer, campaign from analytics_visit where day = ? and visitor = ?")
                .params(day, visitor)
                .query((rs, n) -> new TrafficSource(TrafficSource.Channel.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3)))
                .optional();
    }

    /** Adds views, visitors, carts, checkouts and purchases to their days' rows, then to their months'. */
    private void addTraffic(Map<Key, int[]> increments) {
        for (Rollups grain : Rollups.values()) {
            Map<Key, int[]> rows = new TreeMap<>();
            increments.forEach((key, counts) -> {
                int[] sums = rows.computeIfAbsent(new Key(key.storeId(), grain.start(key.day()), key.itemId(), key.channel(), key.referrer()),
                        k -> new int[5]);
                for (int c = 0; c < 5; c++) {
                    sums[c] += counts[c];
                }
            });
            batch.batchUpdate(grain.sql("analytics", """
                    insert into %1$s (store_id, %2$s, item_id, source, referrer, views, visitors, carts, checkouts, purchases)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (store_id, %2$s, item_id, source, referrer) do update set
                        views = %1$s.views + excluded.views, visitors = %1$s.visitors + excluded.visitors,
                        carts = %1$s.carts + excluded.carts, checkouts = %1$s.checkouts + excluded.checkouts,
                        purchases = %1$s.purchases + excluded.purchases"""),
                    new ArrayList<>(rows.entrySet()), 500, (ps, entry) -> {
                        Key key = entry.getKey();
                        int[] counts = entry.getValue();
                        ps.setObject(1, key.storeId());
                        ps.setObject(2, key.day());
                        ps.setObject(3, key.itemId());
                        ps.setString(4, key.channel().name());
                        ps.setString(5, key.referrer());
                        for (int c = 0; c < 5; c++) {
                            ps.setInt(6 + c, counts[c]);
                        }
                    });
        }
    }

    /** The sales rollup row a sale or refund adds to. */
    private record SalesKey(UUID storeId, LocalDate day, UUID itemId, TrafficSource.Channel channel, String currency)
            implements Comparable<SalesKey> {

        @Override
        public int compareTo(SalesKey o) {
            return java.util.Comparator.comparing(SalesKey::storeId).thenComparing(SalesKey::day).thenComparing(SalesKey::itemId)
                    .thenComparing(SalesKey::channel).thenComparing(SalesKey::currency).compare(this, o);
        }
    }

    /**
     * Adds sales and refunds to their days' rows, then to their months': per key the number of sales, gross, fee and
     * seller's share, the number of refunds, what was refunded and the seller's share of it.
     */
    private void addSales(Map<SalesKey, long[]> increments) {
        for (Rollups grain : Rollups.values()) {
            Map<SalesKey, long[]> rows = new TreeMap<>();
            increments.forEach((key, amounts) -> {
                long[] sums = rows.computeIfAbsent(new SalesKey(key.storeId(), grain.start(key.day()), key.itemId(), key.channel(),
                        key.currency()), k -> new long[7]);
                for (int c = 0; c < 7; c++) {
                    sums[c] += amounts[c];
                }
            });
            batch.batchUpdate(grain.sql("analytics_sales", """
                    insert into %1$s (store_id, %2$s, item_id, source, currency, sales, gross_minor, fee_minor, seller_minor, refunds,
                                      refunded_minor, refunded_seller_minor)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (store_id, %2$s, item_id, source, currency) do update set
                        sales = %1$s.sales + excluded.sales, gross_minor = %1$s.gross_minor + excluded.gross_minor,
                        fee_minor = %1$s.fee_minor + excluded.fee_minor, seller_minor = %1$s.seller_minor + excluded.seller_minor,
                        refunds = %1$s.refunds + excluded.refunds, refunded_minor = %1$s.refunded_minor + excluded.refunded_minor,
                        refunded_seller_minor = %1$s.refunded_seller_minor + excluded.refunded_seller_minor"""),
                    new ArrayList<>(rows.entrySet()), 500, (ps, entry) -> {
                        SalesKey key = entry.getKey();
                        long[] amounts = entry.getValue();
                        ps.setObject(1, key.storeId());
                        ps.setObject(2, key.day());
                        ps.setObject(3, key.itemId());
                        ps.setString(4, key.channel().name());
                        ps.setString(5, key.currency());
                        for (int c = 0; c < 7; c++) {
                            ps.setLong(6 + c, amounts[c]);
                        }
                    });
        }
    }

    /** A paid order: each line is a purchase of its item, credited to where its checkout came from; counted once. */
    @Transactional
    void purchased(OrderPaid order) {
        LocalDate day = LocalDate.ofInstant(order.paidAt(), ZoneOffset.UTC);
        Sourced checkout = sourceOf(order.orderId().value(), "CHECKOUT", null);
        String visitor = checkout.visitor();
        if (checkout.source().channel() == TrafficSource.Channel.INTERNAL && visitor != null) {
            // the landing page may have been served (and written) by another node after the checkout was
            LocalDate checkoutDay = jdbc.sql("select day from analytics_event where order_id = ? and kind = 'CHECKOUT' limit 1")
                    .param(order.orderId().value()).query(LocalDate.class).single();
            checkout = new Sourced(landing(checkoutDay, visitor).orElse(TrafficSource.INTERNAL), visitor);
        }
        List<OrderPaid.Line> counted = new ArrayList<>();
        Map<Key, int[]> purchases = new TreeMap<>();
        Map<SalesKey, long[]> sales = new TreeMap<>();
        for (OrderPaid.Line line : order.lines()) {
            if (!recordedOnce("PURCHASE", order.paidAt(), line, checkout, order.orderId().value())) {
                continue;
            }
            counted.add(line);
            // an upgrade of a licence brings revenue but is no purchase or sale: the workflow was sold once
            int sold = line.upgrading() ? 0 : 1;
            purchases.computeIfAbsent(new Key(line.storeId().value(), day, line.refId(), checkout.source().channel(),
                    checkout.source().referrer()), k -> new int[5])[4] += sold;
            long[] sale = sales.computeIfAbsent(new SalesKey(line.storeId().value(), day, line.refId(), checkout.source().channel(),
                    line.net().currency().getCurrencyCode()), k -> new long[7]);
            sale[0] += sold;
            sale[1] += line.net().minor();
            sale[2] += line.fee().minor();
            sale[3] += line.sellerShare().minor();
        }
        if (!counted.isEmpty()) {
            addTraffic(purchases);
            addSales(sales);
            platform.ordered(order, counted, day);
        }
    }

    /** A refunded line: taken off the day it was refunded, under the source its purchase was credited to; counted once. */
    @Transactional
    void refunded(OrderLineRefunded refund) {
        OrderPaid.Line line = refund.line();
        LocalDate day = LocalDate.ofInstant(refund.refundedAt(), ZoneOffset.UTC);
        Sourced purchase = sourceOf(refund.orderId().value(), "PURCHASE", line.refId());
        if (!recordedOnce("REFUND", refund.refundedAt(), line, purchase, refund.orderId().value())) {
            return;
        }
        int refunds = line.upgrading() ? 0 : 1;
        addSales(Map.of(new SalesKey(line.storeId().value(), day, line.refId(), purchase.source().channel(),
                line.net().currency().getCurrencyCode()), new long[] {0, 0, 0, 0, refunds, line.net().minor(), line.sellerShare().minor()}));
        platform.refunded(day, line.storeId().value(), line.refId(), refunds, line.net(), line.fee());
    }

    /**
     * A dispute lost: its lines' money went back to the buyer as with a refund, so each counts as a refund of the day the
     * dispute closed, under the source its purchase was credited to, once however often it is told (decision 57). A won
     * dispute changes nothing.
     */
    @Transactional
    void chargedBack(OrderDisputeClosed dispute) {
        if (dispute.won()) {
            return;
        }
        LocalDate day = LocalDate.ofInstant(dispute.at(), ZoneOffset.UTC);
        Map<SalesKey, long[]> refunds = new TreeMap<>();
        List<OrderPaid.Line> counted = new ArrayList<>();
        for (OrderPaid.Line line : dispute.lines().stream().sorted(java.util.Comparator.comparing(OrderPaid.Line::refId)).toList()) {
            Sourced purchase = sourceOf(dispute.orderId().value(), "PURCHASE", line.refId());
            if (!recordedOnce("CHARGEBACK", dispute.at(), line, purchase, dispute.orderId().value())) {
                continue;
            }
            counted.add(line);
            long[] refund = refunds.computeIfAbsent(new SalesKey(line.storeId().value(), day, line.refId(), purchase.source().channel(),
                    line.net().currency().getCurrencyCode()), k -> new long[7]);
            refund[4] += line.upgrading() ? 0 : 1;
            refund[5] += line.net().minor();
            refund[6] += line.sellerShare().minor();
        }
        if (!refunds.isEmpty()) {
            addSales(refunds);
        }
        // the platform's rows last, each line once by its own count (lines counted there before the sellers' were)
        platform.chargedBack(dispute.orderId().value(), day, dispute.lines());
    }

    private record Sourced(TrafficSource source, @Nullable String visitor) {
    }

    /**
     * Writes the event of one of an order's lines (a purchase, a refund or a chargeback) at its day, credited to where it
     * came from; false, writing nothing, when that line's event of that kind is already written (a message delivered twice).
     */
    private boolean recordedOnce(String kind, Instant at, OrderPaid.Line line, Sourced from, UUID orderId) {
        String once = "CHARGEBACK".equals(kind) ? "on conflict (order_id, item_id) where kind = 'CHARGEBACK' do nothing"
                : "on conflict (order_id, item_id, kind) where kind in ('PURCHASE', 'REFUND') do nothing";
        return jdbc.sql("""
                insert into analytics_event (occurred_at, day, kind, store_id, item_id, visitor, source, referrer, campaign, order_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """ + once)
                .params(java.util.Arrays.asList(Timestamp.from(at), LocalDate.ofInstant(at, ZoneOffset.UTC), kind, line.storeId().value(),
                        line.refId(), from.visitor(), from.source().channel().name(), from.source().referrer(), from.source().campaign(), orderId))
                .update() > 0;
    }

    private Sourced sourceOf(UUID orderId, String kind, @Nullable UUID itemId) {
        var query = jdbc.sql("select source, referrer, campaign, visitor from analytics_event where order_id = ? and kind = ?"
                + (itemId == null ? "" : " and item_id = ?") + " order by id limit 1").param(orderId).param(kind);
        if (itemId != null) {
            query = query.param(itemId);
        }
        return query.query((rs, n) -> new Sourced(new TrafficSource(TrafficSource.Channel.valueOf(rs.getString(1)), rs.getString(2),
                        rs.getString(3)), rs.getString(4)))
                .optional().orElse(new Sourced(TrafficSource.DIRECT, null));
    }
}
