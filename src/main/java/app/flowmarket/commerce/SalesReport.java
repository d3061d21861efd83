package app.flowmarket.commerce;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import app.flowmarket.shared.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A store's sold order lines for its accountant, oldest first, read as a stream (rows are fetched a
 * thousand at a time inside one read-only transaction): an export of a million lines holds a thousand
 * in memory at once. Days are UTC days of payment.
 */
@Service
public class SalesReport {

    private static final int FETCH = 1_000;

    private final JdbcTemplate jdbc;

    SalesReport(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        jdbc.setFetchSize(FETCH);
    }

    /**
     * One sold line: what it listed at, what the buyer paid for it (net of the order's discount), the
     * platform's fee and the seller's share, all in the order's currency; refunded lines say when. An upgrade raises a
     * licence bought before to {@code licenceTier} (decision 49).
     */
    public record SaleLine(Instant paidAt, long orderNumber, Sellable.Kind kind, boolean upgrade, String title, Money list, Money discount, Money net,
                           Money fee, Money sellerShare, String status, @Nullable Instant refundedAt, String licenceTier,
                           @Nullable String buyerCountry, @Nullable UUID consentingBuyer) {
    }

    /** How many lines {@link #forEach} would give. */
    @Transactional(readOnly = true)
    public long count(UUID storeId, LocalDate from, LocalDate to) {
        Long lines = jdbc.queryForObject("""
                select count(*) from order_line l join purchase_order o on o.id = l.order_id
                where l.store_id = ? and o.paid_at >= ? and o.paid_at < ?""", Long.class, storeId,
                Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant()), Timestamp.from(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
        return lines == null ? 0 : lines;
    }

    @Transactional(readOnly = true)
    public void forEach(UUID storeId, LocalDate from, LocalDate to, Consumer<SaleLine> consumer) {
        jdbc.query("""
                select o.paid_at, o.number, l.kind, l.title, o.currency, l.list_minor, l.net_minor, l.fee_minor, l.seller_minor,
                       l.status, l.refunded_at, l.licence_tier, o.buyer_country, case when o.share_email then o.buyer_id end,
                       l.upgrade_of is not null
                from order_line l join purchase_order o on o.id = l.order_id
                where l.store_id = ? and o.paid_at >= ? and o.paid_at < ?
                order by o.paid_at, o.number, l.position""", rs -> {
            String currency = rs.getString(5);
            Timestamp refunded = rs.getTimestamp(11);
            long list = rs.getLong(6);
            long net = rs.getLong(7);
            consumer.accept(new SaleLine(rs.getTimestamp(1).toInstant(), rs.getLong(2), Sellable.Kind.valueOf(rs.getString(3)),
                    rs.getBoolean(15), rs.getString(4), Money.of(list, currency), Money.of(Math.max(0, list - net), currency), Money.of(net, currency),
                    Money.of(rs.getLong(8), currency), Money.of(rs.getLong(9), currency), rs.getString(10),
                    refunded == null ? null : refunded.toInstant(), rs.getString(12), rs.getString(13), rs.getObject(14, UUID.class)));
        }, storeId, Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant()),
                Timestamp.from(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
    }
}
