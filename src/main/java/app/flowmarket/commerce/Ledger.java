package app.flowmarket.commerce;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import app.flowmarket.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The append-only money ledger (the table refuses updates and deletes). Each sale writes three
 * entries that sum to zero: the seller is owed their share, the platform its fee, and the
 * processor holds the money (negative). A refund writes the mirror image. Balances are sums.
 */
@Component
public class Ledger {

    public enum AccountType { SELLER, PLATFORM, PROCESSOR }

    private final JdbcClient jdbc;

    Ledger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void recordSale(UUID orderId, UUID lineId, UUID storeId, long net, long fee, long sellerShare, String currency) {
        write(orderId, lineId, AccountType.SELLER, storeId, "SALE", sellerShare, currency);
        write(orderId, lineId, AccountType.PLATFORM, null, "FEE", fee, currency);
        write(orderId, lineId, AccountType.PROCESSOR, null, "CHARGE", -net, currency);
    }

    void recordRefund(UUID orderId, UUID lineId, UUID storeId, long net, long fee, long sellerShare, String currency) {
        write(orderId, lineId, AccountType.SELLER, storeId, "REFUND", -sellerShare, currency);
        write(orderId, lineId, AccountType.PLATFORM, null, "FEE_REVERSAL", -fee, currency);
        write(orderId, lineId, AccountType.PROCESSOR, null, "REFUND", net, currency);
    }

    /** What the platform owes a store in one currency: the sum of its entries. */
    public Money sellerBalance(UUID storeId, String currency) {
        long sum = jdbc.sql("select coalesce(sum(amount_minor), 0) from ledger_entry where account_type = 'SELLER' and account_id = ? and currency = ?")
                .params(storeId, currency).query(Long.class).single();
        return Money.of(sum, currency);
    }

    private void write(UUID orderId, UUID lineId, AccountType type, UUID accountId, String entryType, long amount, String currency) {
        jdbc.sql("""
                insert into ledger_entry (occurred_at, order_id, order_line_id, account_type, account_id, entry_type, amount_minor, currency)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Timestamp.from(Instant.now()), orderId, lineId, type.name(), accountId, entryType, amount, currency)
                .update();
    }
}
