package app.flowmarket.commerce;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

import app.flowmarket.shared.Money;
import app.flowmarket.shared.OrderId;
import app.flowmarket.shared.StoreId;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
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
 * writes no entry.
 */
@Component
public class Ledger {

    public enum AccountType { SELLER, PLATFORM, PROCESSOR }

    private final JdbcClient jdbc;

    Ledger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // money moves only with its entries: these run in the transaction that pays or refunds the order

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(OrderPaid event) {
        for (OrderPaid.Line line : event.lines()) {
            write(event.orderId(), line, AccountType.SELLER, line.storeId(), "SALE", line.sellerShare().minor(), event.paidAt());
            write(event.orderId(), line, AccountType.PLATFORM, null, "FEE", line.fee().minor(), event.paidAt());
            write(event.orderId(), line, AccountType.PROCESSOR, null, "CHARGE", -line.net().minor(), event.paidAt());
        }
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(OrderLineRefunded event) {
        OrderPaid.Line line = event.line();
        Instant now = Instant.now();
        write(event.orderId(), line, AccountType.SELLER, line.storeId(), "REFUND", -line.sellerShare().minor(), now);
        write(event.orderId(), line, AccountType.PLATFORM, null, "FEE_REVERSAL", -line.fee().minor(), now);
        write(event.orderId(), line, AccountType.PROCESSOR, null, "REFUND", line.net().minor(), now);
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

    /** Every entry the platform owes sellers, oldest first (the payout module reads them; it never names this table). */
    public java.util.List<SellerEntry> sellerEntries() {
        return sellerEntries(null);
    }

    /** One store's entries, oldest first. */
    public java.util.List<SellerEntry> sellerEntries(@Nullable StoreId store) {
        return jdbc.sql("""
                select e.id, e.account_id, e.amount_minor, e.currency, e.entry_type, e.occurred_at,
                       coalesce(s.occurred_at, e.occurred_at) as sale_at
                from ledger_entry e
                left join ledger_entry s on s.order_line_id = e.order_line_id and s.account_type = 'SELLER' and s.entry_type = 'SALE'
                                        and s.account_id = e.account_id
                where e.account_type = 'SELLER' and (cast(? as uuid) is null or e.account_id = cast(? as uuid))
                order by e.id""")
                .params(Arrays.asList(store == null ? null : store.value(), store == null ? null : store.value()))
                .query((rs, n) -> new SellerEntry(rs.getLong("id"), StoreId.of(rs.getObject("account_id", UUID.class)),
                        Money.of(rs.getLong("amount_minor"), rs.getString("currency")), rs.getString("entry_type"),
                        rs.getTimestamp("occurred_at").toInstant(), rs.getTimestamp("sale_at").toInstant()))
                .list();
    }

    /** One entry, at the moment the money moved (a sale: when it was paid). */
    private void write(OrderId orderId, OrderPaid.Line line, AccountType type, @Nullable StoreId accountId, String entryType, long amount,
                       Instant at) {
        if (amount == 0) {
            return;
        }
        jdbc.sql("""
                insert into ledger_entry (occurred_at, order_id, order_line_id, account_type, account_id, entry_type, amount_minor, currency)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Arrays.asList(Timestamp.from(at), orderId.value(), line.lineId(), type.name(), accountId == null ? null : accountId.value(),
                        entryType, amount, line.net().currency().getCurrencyCode()))
                .update();
    }
}
