package app.flowmarket.commerce;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import app.flowmarket.shared.Money;
import app.flowmarket.shared.OrderId;
import app.flowmarket.shared.StoreId;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only money ledger (the table refuses updates and deletes). Each sale writes three
 * entries that sum to zero: the seller is owed their share, the platform its fee, and the
 * processor holds the money (negative). A refund writes the mirror image. Balances are sums.
 * Every entry is in the seller's currency, whatever the buyer was charged in (the order line keeps
 * the charged amount and the rate). An amount of zero (a free workflow, a fee rounded to nothing)
 * writes no entry. A dispute (decision 53) takes the seller's share back like a refund ({@code CHARGEBACK}) and
 * charges the seller the processor's dispute fee ({@code DISPUTE_FEE}); a dispute won writes their mirror image
 * ({@code CHARGEBACK_REVERSAL}, {@code DISPUTE_FEE_REVERSAL}); a lost one writes nothing more. Sellers' entries are
 * published, with the time of the sale each belongs to, as the view {@code seller_ledger_entry}.
 */
@Component
public class Ledger {

    public enum AccountType { SELLER, PLATFORM, PROCESSOR }

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    Ledger(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    // money moves only with its entries: these run in the transaction that pays or refunds the order

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(OrderPaid event) {
        Entries entries = new Entries(event.orderId());
        for (OrderPaid.Line line : event.lines()) {
            entries.add(line, AccountType.SELLER, line.storeId(), "SALE", line.sellerShare().minor(), event.paidAt());
            entries.add(line, AccountType.PLATFORM, null, "FEE", line.fee().minor(), event.paidAt());
            entries.add(line, AccountType.PROCESSOR, null, "CHARGE", -line.net().minor(), event.paidAt());
        }
        write(entries);
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(OrderLineRefunded event) {
        OrderPaid.Line line = event.line();
        Instant now = Instant.now();
        Entries entries = new Entries(event.orderId());
        entries.add(line, AccountType.SELLER, line.storeId(), "REFUND", -line.sellerShare().minor(), now);
        entries.add(line, AccountType.PLATFORM, null, "FEE_REVERSAL", -line.fee().minor(), now);
        entries.add(line, AccountType.PROCESSOR, null, "REFUND", line.net().minor(), now);
        write(entries);
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(OrderDisputed event) {
        dispute(event.orderId(), event.lines(), event.fee(), event.at(), 1, "CHARGEBACK", "DISPUTE_FEE");
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(OrderDisputeClosed event) {
        if (event.won()) {
            dispute(event.orderId(), event.lines(), event.fee(), event.at(), -1, "CHARGEBACK_REVERSAL", "DISPUTE_FEE_REVERSAL");
        }
    }

    /** The disputed lines' money taken back from their sellers ({@code sign} 1), or given back (-1), with their part of the fee. */
    private void dispute(OrderId orderId, java.util.List<OrderPaid.Line> lines, Money fee, Instant at, int sign, String type, String feeType) {
        long[] fees = feeShares(lines, fee.minor());
        Entries entries = new Entries(orderId);
        for (int i = 0; i < lines.size(); i++) {
            OrderPaid.Line line = lines.get(i);
            entries.add(line, AccountType.SELLER, line.storeId(), type, -sign * line.sellerShare().minor(), at);
            entries.add(line, AccountType.PLATFORM, null, type, -sign * line.fee().minor(), at);
            entries.add(line, AccountType.PROCESSOR, null, type, sign * line.net().minor(), at);
            entries.add(line, AccountType.SELLER, line.storeId(), feeType, -sign * fees[i], at);
            entries.add(line, AccountType.PROCESSOR, null, feeType, sign * fees[i], at);
        }
        write(entries);
    }

    /**
     * The dispute fee (in the order's currency) shared among the disputed lines by what was charged for each, the last
     * taking what rounding leaves, and each share turned into its seller's currency at the rate the line was charged at.
     * The same lines and fee always give the same shares: a dispute won gives back exactly what it took.
     */
    static long[] feeShares(java.util.List<OrderPaid.Line> lines, long fee) {
        long[] shares = new long[lines.size()];
        long charged = lines.stream().mapToLong(l -> l.charged().minor()).sum();
        if (charged <= 0 || fee <= 0) {
            return shares;
        }
        long left = fee;
        int last = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).charged().minor() > 0) {
                last = i;
            }
        }
        long[] inOrderCurrency = new long[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            long part = i == last ? left : java.math.BigInteger.valueOf(fee).multiply(java.math.BigInteger.valueOf(lines.get(i).charged().minor()))
                    .divide(java.math.BigInteger.valueOf(charged)).longValueExact();
            inOrderCurrency[i] = part;
            left -= part;
        }
        for (int i = 0; i < lines.size(); i++) {
            OrderPaid.Line line = lines.get(i);
            // charged is net at the line's rate: the same ratio turns a part of the charge into the seller's currency
            shares[i] = line.charged().minor() == 0 ? 0 : new java.math.BigDecimal(inOrderCurrency[i]).multiply(new java.math.BigDecimal(line.net().minor()))
                    .divide(new java.math.BigDecimal(line.charged().minor()), 0, java.math.RoundingMode.HALF_UP).longValueExact();
        }
        return shares;
    }

    /** One chargeback as a store bore it: the share of its sales taken back and its part of the dispute fee. */
    public record Chargeback(UUID orderId, long orderNumber, String disputeRef, StoreId storeId, String storeName, Money taken, Money fee,
                             String status, Instant openedAt, @Nullable Instant closedAt) {

        /** {@code open}, {@code won} or {@code lost}, for message keys and styles. */
        public String slug() {
            return status.toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The chargebacks of one store, or of every store (admins), latest first. */
    public java.util.List<Chargeback> chargebacks(@Nullable StoreId store, int limit) {
        return jdbc.sql("""
                        select o.id, o.number, o.dispute_ref, e.account_id, coalesce(s.name, '—') as store_name, e.currency,
                               -sum(e.amount_minor) filter (where e.entry_type = 'CHARGEBACK') as taken,
                               -coalesce(sum(e.amount_minor) filter (where e.entry_type = 'DISPUTE_FEE'), 0) as fee,
                               o.dispute_status, o.dispute_opened_at, o.dispute_closed_at
                        from ledger_entry e
                        join purchase_order o on o.id = e.order_id
                        left join store_summary s on s.id = e.account_id
                        where e.account_type = 'SELLER' and e.entry_type in ('CHARGEBACK', 'DISPUTE_FEE')
                          and (cast(? as uuid) is null or e.account_id = cast(? as uuid))
                        group by o.id, o.number, o.dispute_ref, e.account_id, s.name, e.currency, o.dispute_status, o.dispute_opened_at,
                                 o.dispute_closed_at
                        having sum(e.amount_minor) filter (where e.entry_type = 'CHARGEBACK') is not null
                        order by o.dispute_opened_at desc, o.number desc limit ?""")
                .params(Arrays.asList(store == null ? null : store.value(), store == null ? null : store.value(), limit))
                .query((rs, n) -> new Chargeback(rs.getObject("id", UUID.class), rs.getLong("number"), rs.getString("dispute_ref"),
                        StoreId.of(rs.getObject("account_id", UUID.class)), rs.getString("store_name"), Money.of(rs.getLong("taken"), rs.getString("currency")),
                        Money.of(rs.getLong("fee"), rs.getString("currency")), rs.getString("dispute_status"),
                        rs.getTimestamp("dispute_opened_at").toInstant(),
                        rs.getTimestamp("dispute_closed_at") == null ? null : rs.getTimestamp("dispute_closed_at").toInstant()))
                .list();
    }

    /** What the platform owes a store in one currency: the sum of its entries. */
    public Money sellerBalance(StoreId storeId, String currency) {
        long sum = jdbc.sql("select coalesce(sum(amount_minor), 0) from ledger_entry where account_type = 'SELLER' and account_id = ? and currency = ?")
                .params(storeId.value(), currency).query(Long.class).single();
        return Money.of(sum, currency);
    }

    /**
     * One entry of what a store is owed, with the time of the sale it belongs to: a sale's own time, and for a refund the
     * time of the sale it reverses. Payouts hold money for a while counted from the sale, and pay each entry once.
     */
    public record SellerEntry(long id, StoreId storeId, Money amount, String entryType, Instant occurredAt, Instant saleAt) {
    }

    /**
     * One store's entries, oldest first. Payouts sum them in the database instead, through the view {@code seller_ledger_entry}
     * (the same rows: id, store_id, amount_minor, currency, entry_type, occurred_at, sale_at).
     */
    public java.util.List<SellerEntry> sellerEntries(StoreId store) {
        return jdbc.sql("select * from seller_ledger_entry where store_id = ? order by id")
                .param(store.value())
                .query((rs, n) -> new SellerEntry(rs.getLong("id"), StoreId.of(rs.getObject("store_id", UUID.class)),
                        Money.of(rs.getLong("amount_minor"), rs.getString("currency")), rs.getString("entry_type"),
                        rs.getTimestamp("occurred_at").toInstant(), rs.getTimestamp("sale_at").toInstant()))
                .list();
    }

    /** The entries one event writes, in the order they are added; an amount of zero is no entry. */
    private static final class Entries {

        private final OrderId orderId;
        private final List<Object[]> rows = new ArrayList<>();

        Entries(OrderId orderId) {
            this.orderId = orderId;
        }

        /** One entry, at the moment the money moved (a sale: when it was paid). */
        void add(OrderPaid.Line line, AccountType type, @Nullable StoreId accountId, String entryType, long amount, Instant at) {
            if (amount != 0) {
                rows.add(new Object[] {Timestamp.from(at), orderId.value(), line.lineId(), type.name(),
                        // typed, so a missing account costs no look-up of the column's type
                        new SqlParameterValue(Types.OTHER, accountId == null ? null : accountId.value()), entryType, amount, line.net().currency().getCurrencyCode()});
            }
        }
    }

    /** An event's entries in one batch: one round trip to the database, not one per entry. */
    private void write(Entries entries) {
        if (entries.rows.isEmpty()) {
            return;
        }
        batches.batchUpdate("""
                insert into ledger_entry (occurred_at, order_id, order_line_id, account_type, account_id, entry_type, amount_minor, currency)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", entries.rows);
    }
}
