package app.flowmarket.payout;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import app.flowmarket.audit.AuditLog;
import app.flowmarket.commerce.Ledger;
import app.flowmarket.shared.AccountId;
import app.flowmarket.shared.Actor;
import app.flowmarket.shared.DomainException;
import app.flowmarket.shared.ForbiddenException;
import app.flowmarket.shared.Money;
import app.flowmarket.shared.NotFoundException;
import app.flowmarket.shared.StoreId;
import app.flowmarket.store.StoreManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The payout module's public API. A seller's balance is the sum of their ledger entries (sales net of the platform's
 * fee, minus refunds and chargebacks with their dispute fees), summed by the database over the ledger's published view
 * {@code seller_ledger_entry}; an entry becomes payable when the refund window ({@code flowmarket.payout.hold}) has passed
 * since its sale, and is paid by at most one payout that has not failed (a unique index on {@code payout_item}). A batch
 * pays every store whose payable balance in a currency reaches the minimum and that has given its bank details.
 */
@Service
public class Payouts {

    /** The advisory lock that makes batch creation one at a time across every node. */
    private static final long BATCH_LOCK = 0x7061796f7574L;

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final StoreManagement stores;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final PayoutSettings settings;
    private final PayoutProvider provider;

    Payouts(JdbcClient jdbc, Ledger ledger, StoreManagement stores, AuditLog audit, ApplicationEventPublisher events,
            PayoutSettings settings, List<PayoutProvider> providers) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.stores = stores;
        this.audit = audit;
        this.events = events;
        this.settings = settings;
        this.provider = providers.stream().filter(p -> p.name().equals(settings.provider())).findFirst()
                .orElseThrow(() -> new IllegalStateException("flowmarket.payout.provider names no payout provider: " + settings.provider()));
    }

    /** What a store is owed in one currency: payable now, still held for refunds, and when the next held money is payable. */
    public record Balance(StoreId storeId, String storeName, Money payable, Money held, @Nullable Instant nextPayableAt,
                          boolean hasMethod, boolean reachesMinimum) {
    }

    /** Money still in the refund window, by the day it becomes payable. */
    public record Upcoming(Money amount, Instant payableAt) {
    }

    /**
     * The seller's view: {@code upcoming} is the held money that becomes payable; {@code takenFromHeld}, what disputes took
     * from held money beyond it (a day whose held entries net below nothing: a chargeback's fee), shown with the disputes.
     */
    public record PayoutView(PayoutId id, UUID batchId, StoreId storeId, String storeName, Money amount, PayoutStatus status,
                             String provider, String accountHolder, String maskedAccount, @Nullable String reference,
                             Instant createdAt, @Nullable Instant settledAt) {
    }

    public record BatchView(UUID id, Instant createdAt, @Nullable String createdBy, Instant payableBefore, int payouts, int pending,
                            List<Money> totals) {
    }

    public record MethodView(String holder, String maskedAccount, boolean iban, Instant updatedAt) {
    }

    public record SellerOverview(List<Balance> balances, List<Upcoming> upcoming, List<PayoutView> payouts, @Nullable MethodView method,
                                 Money minimumIn, List<Ledger.Chargeback> chargebacks) {

        /** The held money becoming payable on its day: more than nothing. */
        public List<Upcoming> becomingPayable() {
            return upcoming.stream().filter(u -> u.amount().minor() > 0).toList();
        }

        /** What disputes took from held money beyond what it held that day, as a positive amount, by the day it is deducted. */
        public List<Upcoming> takenFromHeld() {
            return upcoming.stream().filter(u -> u.amount().minor() < 0)
                    .map(u -> new Upcoming(new Money(-u.amount().minor(), u.amount().currency()), u.payableAt())).toList();
        }
    }

    /** One line of a batch's transfer list: the full account number, for whoever makes the transfers. */
    public record TransferLine(PayoutId id, String storeName, Money amount, PayoutStatus status, String accountHolder,
                               String accountNumber, @Nullable String reference) {
    }

    public record BatchResult(UUID batchId, int payouts) {
    }

    // --- balances

    /** Every store's balance in every currency it sells in, largest payable first. Admins only. */
    @Transactional(readOnly = true)
    public List<Balance> balances(Actor admin) {
        requireAdmin(admin);
        // stores paid in full and owed nothing more are left out
        return balances(Instant.now(), null).stream().filter(b -> !b.payable().isFree() || !b.held().isFree()).toList();
    }

    List<Balance> balances(Instant now, @Nullable StoreId store) {
        Map<String, Money> minimums = new HashMap<>();
        List<Balance> result = new ArrayList<>();
        for (Sums sums : sums(now, store)) {
            Money payable = Money.of(sums.payable, sums.currency);
            Money minimum = minimums.computeIfAbsent(sums.currency, this::minimum);
            result.add(new Balance(sums.store, sums.storeName == null ? sums.store.toString() : sums.storeName, payable,
                    Money.of(sums.held, sums.currency), sums.firstHeldSale == null ? null : sums.firstHeldSale.plus(settings.hold()),
                    sums.hasMethod, payable.minor() >= minimum.minor()));
        }
        result.sort(Comparator.comparing((Balance b) -> -b.payable().minor()).thenComparing(Balance::storeName));
        return result;
    }

    /** A store's unpaid ledger entries in one currency, summed: payable (the hold has passed since their sale) and held. */
    private record Sums(StoreId store, @Nullable String storeName, String currency, long payable, long held, @Nullable Instant firstHeldSale,
                        boolean hasMethod) {
    }

    /**
     * Sums, in the database, the entries of the ledger's published view that no live payout holds, per store and currency:
     * payable from the exact moment the hold has passed since their sale, held before. A store whose every entry is paid
     * still has its (empty) row.
     */
    private List<Sums> sums(Instant now, @Nullable StoreId store) {
        Timestamp payableBefore = payableBefore(now);
        return jdbc.sql("""
                        select e.store_id, s.name, e.currency,
                               coalesce(sum(e.amount_minor) filter (where i.ledger_entry_id is null and e.sale_at <= ?), 0) as payable,
                               coalesce(sum(e.amount_minor) filter (where i.ledger_entry_id is null and e.sale_at > ?), 0) as held,
                               min(e.sale_at) filter (where i.ledger_entry_id is null and e.sale_at > ?) as first_held_sale,
                               exists (select 1 from payout_method m where m.store_id = e.store_id) as has_method
                        from seller_ledger_entry e
                        left join payout_item i on i.ledger_entry_id = e.id and i.active
                        left join store_summary s on s.id = e.store_id
                        where (cast(? as uuid) is null or e.store_id = cast(? as uuid))
                        group by e.store_id, s.name, e.currency""")
                // a list, not varargs: the store may be absent (every store)
                .params(java.util.Arrays.asList(payableBefore, payableBefore, payableBefore,
                        store == null ? null : store.value(), store == null ? null : store.value()))
                .query((rs, n) -> new Sums(StoreId.of(rs.getObject("store_id", UUID.class)), rs.getString("name"), rs.getString("currency"),
                        rs.getLong("payable"), rs.getLong("held"),
                        rs.getTimestamp("first_held_sale") == null ? null : rs.getTimestamp("first_held_sale").toInstant(),
                        rs.getBoolean("has_method")))
                .list();
    }

    /** An entry is payable when its sale is at least the hold old; sales are dated to the microsecond, as PostgreSQL keeps them. */
    private Timestamp payableBefore(Instant now) {
        return Timestamp.from(now.minus(settings.hold()).truncatedTo(java.time.temporal.ChronoUnit.MICROS));
    }

    Money minimum(String currency) {
        java.util.Currency c = java.util.Currency.getInstance(currency);
        return new Money(settings.minimum().movePointRight(Math.max(0, c.getDefaultFractionDigits())).longValue(), c);
    }

    // --- batches

    /** Pays every store whose payable balance reaches the minimum, per currency, in one batch. Admins only. */
    @Transactional
    public BatchResult createBatch(Actor admin) {
        return createBatch(admin, Instant.now());
    }

    @Transactional
    BatchResult createBatch(Actor admin, Instant now) {
        requireAdmin(admin);
        // one batch at a time on every node; the read below then sees what an earlier batch claimed
        jdbc.sql("select pg_advisory_xact_lock(?)").param(BATCH_LOCK).query((rs, n) -> 1).single();
        Map<StoreId, StoredMethod> methods = new HashMap<>();
        jdbc.sql("select store_id, account_holder, account_number, account_last4 from payout_method")
                .query((rs, n) -> new StoredMethod(StoreId.of(rs.getObject(1, UUID.class)), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list().forEach(m -> methods.put(m.store, m));
        UUID batchId = UUID.randomUUID();
        Instant payableBefore = now.minus(settings.hold());
        jdbc.sql("insert into payout_batch (id, created_at, created_by, created_by_label, payable_before) values (?, ?, ?, ?, ?)")
                .params(batchId, Timestamp.from(now), admin.id().value(), admin.label(), Timestamp.from(payableBefore)).update();
        List<PayoutProvider.Transfer> transfers = new ArrayList<>();
        Map<String, Long> totals = new TreeMap<>();
        for (Sums sums : sums(now, null)) {
            StoredMethod method = methods.get(sums.store);
            if (method == null || sums.payable < minimum(sums.currency).minor()) {
                continue;
            }
            UUID payoutId = UUID.randomUUID();
            jdbc.sql("""
                    insert into payout (id, batch_id, store_id, amount_minor, currency, status, provider, account_holder, account_number,
                                        account_last4, created_at)
                    values (?, ?, ?, ?, ?, 'PENDING', ?, ?, ?, ?, ?)""")
                    .params(payoutId, batchId, sums.store.value(), sums.payable, sums.currency, provider.name(), method.holder, method.number,
                            method.last4, Timestamp.from(now))
                    .update();
            // the partial unique index refuses an entry another live payout already holds
            long paid = jdbc.sql("""
                            insert into payout_item (payout_id, ledger_entry_id, amount_minor)
                            select ?, e.id, e.amount_minor from seller_ledger_entry e
                            where e.store_id = ? and e.currency = ? and e.sale_at <= ?
                              and not exists (select 1 from payout_item i where i.ledger_entry_id = e.id and i.active)
                            returning amount_minor""")
                    .params(payoutId, sums.store.value(), sums.currency, payableBefore(now))
                    .query(Long.class).list().stream().mapToLong(Long::longValue).sum();
            if (paid != sums.payable) {
                // an entry was written (or a failed payout freed some) between the sum and the claim: pay what was claimed
                if (paid < minimum(sums.currency).minor()) {
                    jdbc.sql("delete from payout_item where payout_id = ?").param(payoutId).update();
                    jdbc.sql("delete from payout where id = ?").param(payoutId).update();
                    continue;
                }
                jdbc.sql("update payout set amount_minor = ? where id = ?").params(paid, payoutId).update();
            }
            transfers.add(new PayoutProvider.Transfer(PayoutId.of(payoutId), Money.of(paid, sums.currency), method.holder, method.number));
            totals.merge(sums.currency, paid, Long::sum);
        }
        if (transfers.isEmpty()) {
            throw new DomainException("payout.batch.nothing");
        }
        audit.record(admin.id().value(), admin.label(), "payout.batch.created", "payout_batch", batchId,
                "payouts=" + transfers.size() + " totals=" + totals.entrySet().stream()
                        .map(t -> Money.of(t.getValue(), t.getKey()).toString()).toList());
        for (PayoutProvider.Transfer transfer : transfers) {
            String reference = provider.submit(transfer);
            if (reference != null) {
                settle(transfer.payoutId(), PayoutStatus.SENT, reference, now);
            }
        }
        return new BatchResult(batchId, transfers.size());
    }

    private record StoredMethod(StoreId store, String holder, String number, String last4) {
    }

    @Transactional(readOnly = true)
    public List<BatchView> batches(Actor admin, int limit) {
        requireAdmin(admin);
        return jdbc.sql("select id from payout_batch order by created_at desc limit ?").param(limit).query(UUID.class).list()
                .stream().map(this::batchView).toList();
    }

    @Transactional(readOnly = true)
    public BatchView batch(Actor admin, UUID batchId) {
        requireAdmin(admin);
        return batchView(batchId);
    }

    private BatchView batchView(UUID batchId) {
        record Row(Instant createdAt, @Nullable String createdBy, Instant payableBefore) {
        }
        Row row = jdbc.sql("select created_at, created_by_label, payable_before from payout_batch where id = ?").param(batchId)
                .query((rs, n) -> new Row(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .optional().orElseThrow(() -> new NotFoundException("payout batch " + batchId));
        List<PayoutView> payouts = payouts("p.batch_id = ?", batchId);
        Map<String, Long> totals = new TreeMap<>();
        payouts.stream().filter(p -> p.status() != PayoutStatus.FAILED)
                .forEach(p -> totals.merge(p.amount().currency().getCurrencyCode(), p.amount().minor(), Long::sum));
        return new BatchView(batchId, row.createdAt, row.createdBy, row.payableBefore, payouts.size(),
                (int) payouts.stream().filter(p -> p.status() == PayoutStatus.PENDING).count(),
                totals.entrySet().stream().map(t -> Money.of(t.getValue(), t.getKey())).toList());
    }

    @Transactional(readOnly = true)
    public List<PayoutView> payoutsOfBatch(Actor admin, UUID batchId) {
        requireAdmin(admin);
        return payouts("p.batch_id = ?", batchId);
    }

    /** A batch's transfers with full account numbers, for the admin who makes them; the export is audited. */
    @Transactional
    public List<TransferLine> exportBatch(Actor admin, UUID batchId) {
        requireAdmin(admin);
        batchView(batchId);
        audit.record(admin.id().value(), admin.label(), "payout.batch.exported", "payout_batch", batchId, null);
        return jdbc.sql("""
                        select p.id, s.name, p.amount_minor, p.currency, p.status, p.account_holder, p.account_number, p.reference
                        from payout p left join store_summary s on s.id = p.store_id
                        where p.batch_id = ? order by s.name, p.currency""")
                .param(batchId)
                .query((rs, n) -> new TransferLine(PayoutId.of(rs.getObject(1, UUID.class)), name(rs.getString(2)),
                        Money.of(rs.getLong(3), rs.getString(4)), PayoutStatus.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7),
                        rs.getString(8)))
                .list();
    }

    private List<PayoutView> payouts(String where, Object param) {
        return jdbc.sql("""
                        select p.id, p.batch_id, p.store_id, s.name, p.amount_minor, p.currency, p.status, p.provider, p.account_holder,
                               p.account_last4, p.reference, p.created_at, p.settled_at
                        from payout p left join store_summary s on s.id = p.store_id
                        where %s order by p.created_at desc, s.name, p.currency""".formatted(where))
                .param(param)
                .query((rs, n) -> new PayoutView(PayoutId.of(rs.getObject("id", UUID.class)), rs.getObject("batch_id", UUID.class),
                        StoreId.of(rs.getObject("store_id", UUID.class)), name(rs.getString("name")),
                        Money.of(rs.getLong("amount_minor"), rs.getString("currency")), PayoutStatus.valueOf(rs.getString("status")),
                        rs.getString("provider"), rs.getString("account_holder"), BankAccount.mask(rs.getString("account_last4")),
                        rs.getString("reference"), rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("settled_at") == null ? null : rs.getTimestamp("settled_at").toInstant()))
                .list();
    }

    private static String name(@Nullable String storeName) {
        return storeName == null ? "—" : storeName;
    }

    // --- marking transfers

    /** The transfer went out: the payout is settled and the seller told. Admins only. */
    @Transactional
    public void markSent(Actor admin, PayoutId payout, String reference) {
        requireAdmin(admin);
        String ref = reference(reference);
        settle(payout, PayoutStatus.SENT, ref, Instant.now());
        audit.record(admin.id().value(), admin.label(), "payout.sent", "payout", payout.value(), "reference=" + ref);
    }

    /** The transfer failed: the payout's ledger entries are free again, so its money is back in the seller's balance. */
    @Transactional
    public void markFailed(Actor admin, PayoutId payout, String reference) {
        requireAdmin(admin);
        String ref = reference(reference);
        settle(payout, PayoutStatus.FAILED, ref, Instant.now());
        audit.record(admin.id().value(), admin.label(), "payout.failed", "payout", payout.value(), "reference=" + ref);
    }

    private void settle(PayoutId payout, PayoutStatus status, String reference, Instant at) {
        int changed = jdbc.sql("update payout set status = ?, reference = ?, settled_at = ? where id = ? and status = 'PENDING'")
                .params(status.name(), reference, Timestamp.from(at), payout.value()).update();
        if (changed == 0) {
            boolean exists = jdbc.sql("select count(*) from payout where id = ?").param(payout.value()).query(Long.class).single() > 0;
            throw exists ? new DomainException("payout.not-pending") : new NotFoundException("payout " + payout);
        }
        if (status == PayoutStatus.FAILED) {
            jdbc.sql("update payout_item set active = false where payout_id = ?").param(payout.value()).update();
        } else {
            record Sent(StoreId store, Money amount) {
            }
            Sent sent = jdbc.sql("select store_id, amount_minor, currency from payout where id = ?").param(payout.value())
                    .query((rs, n) -> new Sent(StoreId.of(rs.getObject(1, UUID.class)), Money.of(rs.getLong(2), rs.getString(3)))).single();
            events.publishEvent(new PayoutSent(payout, sent.store, sent.amount, reference, at));
        }
    }

    private static String reference(@Nullable String typed) {
        String reference = typed == null ? "" : typed.strip();
        if (reference.isEmpty() || reference.length() > 120) {
            throw new DomainException("payout.reference.invalid");
        }
        return reference;
    }

    // --- the seller's side

    /** The seller's balances, what is still held and until when, their payouts and bank details (masked). */
    @Transactional(readOnly = true)
    public SellerOverview forSeller(AccountId seller) {
        StoreId store = storeOf(seller);
        Instant now = Instant.now();
        List<Balance> balances = balances(now, store);
        String currency = balances.isEmpty() ? "USD" : balances.getFirst().payable().currency().getCurrencyCode();
        return new SellerOverview(balances, upcoming(now, store), payouts("p.store_id = ?", store.value()), method(store).orElse(null),
                minimum(currency), ledger.chargebacks(store, 50));
    }

    /**
     * The held money by the day it becomes payable (in UTC), per currency, with the first moment of that day it is: summed
     * in the database from the entries still held. A day whose entries net to nothing (a sale refunded) is left out.
     */
    List<Upcoming> upcoming(Instant now, StoreId store) {
        double holdSeconds = settings.hold().toNanos() / 1e9;
        return jdbc.sql("""
                        select e.currency, min(e.sale_at) as first_sale, sum(e.amount_minor) as amount
                        from seller_ledger_entry e
                        left join payout_item i on i.ledger_entry_id = e.id and i.active
                        where e.store_id = ? and e.sale_at > ? and i.ledger_entry_id is null
                        group by e.currency, cast((e.sale_at + make_interval(secs => ?)) at time zone 'UTC' as date)
                        having sum(e.amount_minor) <> 0""")
                .params(store.value(), payableBefore(now), holdSeconds)
                .query((rs, n) -> new Upcoming(Money.of(rs.getLong("amount"), rs.getString("currency")),
                        rs.getTimestamp("first_sale").toInstant().plus(settings.hold())))
                .list().stream().sorted(Comparator.comparing(Upcoming::payableAt)).toList();
    }

    /** Every store's chargebacks, latest first. Admins only. */
    @Transactional(readOnly = true)
    public List<Ledger.Chargeback> chargebacks(Actor admin, int limit) {
        requireAdmin(admin);
        return ledger.chargebacks(null, limit);
    }

    /** Saves the seller's bank details (replacing earlier ones); the audit trail keeps only the last four characters. */
    @Transactional
    public void saveMethod(Actor seller, BankAccount account) {
        StoreId store = storeOf(seller.id());
        String before = method(store).map(MethodView::maskedAccount).orElse(null);
        jdbc.sql("""
                insert into payout_method (store_id, account_holder, account_number, account_last4, is_iban, updated_at)
                values (?, ?, ?, ?, ?, ?)
                on conflict (store_id) do update set account_holder = excluded.account_holder, account_number = excluded.account_number,
                    account_last4 = excluded.account_last4, is_iban = excluded.is_iban, updated_at = excluded.updated_at""")
                .params(store.value(), account.holder(), account.number(), account.last4(), account.iban(), Timestamp.from(Instant.now()))
                .update();
        audit.recordChange(seller.id().value(), seller.label(), "payout.method.changed", "store", store.value(),
                Map.of("account", new AuditLog.Change(before, account.masked())));
    }

    /** Bank details brought in with demo data (the demo's stores are paid like any other); not audited, nobody acted. */
    @Transactional
    public void importMethod(StoreId store, BankAccount account, Instant updatedAt) {
        jdbc.sql("""
                insert into payout_method (store_id, account_holder, account_number, account_last4, is_iban, updated_at)
                values (?, ?, ?, ?, ?, ?) on conflict (store_id) do nothing""")
                .params(store.value(), account.holder(), account.number(), account.last4(), account.iban(), Timestamp.from(updatedAt))
                .update();
    }

    public Optional<MethodView> method(StoreId store) {
        return jdbc.sql("select account_holder, account_last4, is_iban, updated_at from payout_method where store_id = ?")
                .param(store.value())
                .query((rs, n) -> new MethodView(rs.getString(1), BankAccount.mask(rs.getString(2)), rs.getBoolean(3), rs.getTimestamp(4).toInstant()))
                .optional();
    }

    private StoreId storeOf(AccountId seller) {
        return stores.findByOwner(seller).map(s -> StoreId.of(s.id()))
                .orElseThrow(() -> new NotFoundException("store of " + seller));
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.isAdmin()) {
            throw new ForbiddenException("payouts are for admins");
        }
    }

    Instant holdEnds(Instant sale) {
        return sale.plus(settings.hold());
    }
}
