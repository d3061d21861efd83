package app.flowmarket.commerce;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import app.flowmarket.shared.AccountId;
import app.flowmarket.shared.DomainException;
import app.flowmarket.shared.Money;
import app.flowmarket.shared.OrderId;
import app.flowmarket.shared.WorkflowId;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.Generated;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.domain.Persistable;

/**
 * An order: the priced lines of a buyer's cart, then its payment and refunds. Guards its own
 * transitions — open until paid, cancelled or expired; paid once and only by its total; refunded line
 * by line, refunded as a whole when its last line is — and raises {@link OrderPaid} and
 * {@link OrderLineRefunded}, published when the repository saves it. Prices come from {@link Pricing};
 * the order only keeps them.
 */
@Entity(name = "PurchaseOrder") // "Order" is a query-language keyword
@Table(name = "purchase_order")
class Order extends AbstractAggregateRoot<Order> implements Persistable<UUID> {

    @Id
    private UUID id;
    // bigserial: the database numbers orders
    @Generated
    @Column(insertable = false, updatable = false)
    private long number;
    private UUID buyerId;
    @Enumerated(EnumType.STRING)
    private OrderStatus status;
    // the currency the order is charged in; each line keeps its seller's currency (OrderLine)
    private String currency;
    private long subtotalMinor;
    private long discountMinor;
    private long totalMinor;
    private long feeMinor;
    private String idempotencyKey;
    private @Nullable String paymentRef;
    private @Nullable String failureReason;
    private Instant createdAt;
    private @Nullable Instant paidAt;
    private Instant expiresAt;
    private @Nullable Instant closedAt;
    private @Nullable Instant paymentReturnedAt;
    // the processor's dispute of the payment, if the buyer's bank opened one: OPEN, then WON or LOST
    private @Nullable String disputeRef;
    private @Nullable String disputeStatus;
    private @Nullable Long disputeAmountMinor;
    private @Nullable Long disputeFeeMinor;
    private @Nullable Instant disputeOpenedAt;
    private @Nullable Instant disputeClosedAt;
    // the reference rates the lines were converted at
    private LocalDate ratesDate;
    private String ratesSource;
    // what the buyer told at checkout: their country (ISO 3166 code) and whether the sellers may have their e-mail address
    private @Nullable String buyerCountry;
    private boolean shareEmail;
    // a wrapper, so that a new order (id set by us) is persisted, not merged
    @Version
    private @Nullable Long version;

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    @BatchSize(size = 50)
    private List<OrderLine> lines = new ArrayList<>();

    // new until written or read: Spring Data would otherwise merge (a SELECT first) an order whose id is set (NewEntity)
    @Transient
    private boolean stored;

    protected Order() {
    }

    @Override
    public UUID getId() {
        return id;
    }

    @Override
    public boolean isNew() {
        return !stored;
    }

    @PostLoad
    @PostPersist
    void markStored() {
        stored = true;
    }

    private Order(AccountId buyerId, String idempotencyKey, Pricing.Quote quote, Instant now, Instant expiresAt) {
        this.id = UUID.randomUUID();
        this.buyerId = buyerId.value();
        this.status = OrderStatus.PENDING;
        this.currency = quote.currency().getCurrencyCode();
        this.subtotalMinor = quote.subtotal().minor();
        this.discountMinor = quote.discount().minor();
        this.totalMinor = quote.total().minor();
        this.feeMinor = quote.fee().minor();
        this.ratesDate = quote.ratesDate();
        this.ratesSource = quote.ratesSource();
        this.idempotencyKey = idempotencyKey;
        this.createdAt = now;
        this.expiresAt = expiresAt;
        int position = 0;
        for (Pricing.QuoteLine line : quote.lines()) {
            lines.add(new OrderLine(this, position++, line));
        }
        registerEvent(new CheckoutStarted(id(), lines.stream()
                .map(l -> new CheckoutStarted.Item(l.sold().kind(), l.sold().refId(), l.sold().storeId())).toList()));
    }

    /** A new, pending order for exactly what the quote priced, open for payment until {@code expiresAt}. */
    static Order place(AccountId buyerId, String idempotencyKey, Pricing.Quote quote, Instant now, Instant expiresAt) {
        if (!expiresAt.isAfter(now)) {
            throw new IllegalArgumentException("an order must be open for a while");
        }
        return new Order(buyerId, idempotencyKey, quote, now, expiresAt);
    }

    /** What the buyer told at checkout, for the sellers' records: their country, and whether they may have their address. */
    void buyerDetails(@Nullable String country, boolean shareEmail) {
        requireOpen();
        this.buyerCountry = country;
        this.shareEmail = shareEmail;
    }

    /** Remembers the checkout the buyer was sent to; only an open order is paid through a new one. */
    void checkoutOpened(String checkoutRef) {
        requireOpen();
        paymentRef = checkoutRef;
    }

    /** A free order is paid at once, by nothing: the buyer gets it without any payment. */
    void acquireFree(Instant at) {
        if (total().minor() != 0) {
            throw new DomainException("order.not-free");
        }
        markPaid(total(), null, at);
    }

    /**
     * Takes the processor's confirmation of a payment. An order is paid once, and only by its total
     * in its currency; a payment after a refused attempt is fine, and so is one that arrives after the
     * order was cancelled or expired (the buyer paid a checkout that was still open at the processor) —
     * whether such a payment is accepted or given back is decided by {@link OrderManagement}.
     */
    void markPaid(Money amount, @Nullable String checkoutRef, Instant at) {
        if (status.wasPaid()) {
            throw new DomainException("order.already-paid");
        }
        if (!amount.equals(total())) {
            throw new DomainException("order.payment-mismatch");
        }
        status = OrderStatus.PAID;
        paidAt = at;
        failureReason = null;
        paymentRef = checkoutRef;
        registerEvent(new OrderPaid(id(), number, buyerId(), lines.stream().map(OrderLine::sold).toList(), total(), at, ratesDate));
    }

    /**
     * A payment taken before this system knew of it (a shop moving in with its history, the demo data): the order was
     * placed a few minutes before it was paid, as a buyer's would be.
     */
    void markPaidEarlier(Money amount, @Nullable String checkoutRef, Instant at) {
        java.time.Duration open = java.time.Duration.between(createdAt, expiresAt);
        createdAt = at.minus(java.time.Duration.ofMinutes(4));
        expiresAt = createdAt.plus(open);
        markPaid(amount, checkoutRef, at);
    }

    /**
     * Records a payment that is refunded instead of accepted, because it would buy something the buyer
     * already owns. An open order is cancelled by it; a closed one stays closed.
     */
    void paymentReturned(String checkoutRef, String reason, Instant at) {
        if (status.wasPaid()) {
            throw new DomainException("order.already-paid");
        }
        if (status.isOpen()) {
            status = OrderStatus.CANCELLED;
            closedAt = at;
        }
        paymentRef = checkoutRef;
        paymentReturnedAt = at;
        failureReason = truncate(reason);
    }

    /** Takes the processor's refusal of a payment attempt; the buyer may try again while the order is open. */
    void markFailed(@Nullable String reason) {
        if (status.wasPaid()) {
            throw new DomainException("order.already-paid");
        }
        requireOpen();
        status = OrderStatus.FAILED;
        failureReason = truncate(reason);
    }

    /** The buyer gives up on an open order; nothing was charged. */
    void cancel(Instant at) {
        requireOpen();
        status = OrderStatus.CANCELLED;
        closedAt = at;
    }

    /** An open order whose time is up closes; nothing was charged. */
    void expire(Instant at) {
        if (!isOverdue(at)) {
            throw new DomainException("order.not-open");
        }
        status = OrderStatus.EXPIRED;
        closedAt = at;
    }

    /** Still open though its time is up (until the sweep or the next change expires it). */
    boolean isOverdue(Instant at) {
        return status.isOpen() && !at.isBefore(expiresAt);
    }

    private void requireOpen() {
        if (!status.isOpen()) {
            throw new DomainException("order.not-open");
        }
    }

    private static String truncate(@Nullable String reason) {
        return reason == null ? "" : reason.substring(0, Math.min(reason.length(), 300));
    }

    /** Refunds one line of a paid order; once every line is refunded, so is the order. A disputed payment is refunded by its dispute. */
    OrderLine refundLine(UUID lineId, Instant at) {
        OrderLine line = line(lineId);
        if (status != OrderStatus.PAID || line.isRefunded()) {
            throw new DomainException("refund.not-refundable");
        }
        if (DISPUTE_OPEN.equals(disputeStatus)) {
            throw new DomainException("refund.disputed");
        }
        line.refund(at);
        if (lines.stream().allMatch(OrderLine::isRefunded)) {
            status = OrderStatus.REFUNDED;
        }
        registerEvent(new OrderLineRefunded(id(), number, buyerId(), line.sold(), status == OrderStatus.REFUNDED, at));
        return line;
    }

    private static final String DISPUTE_OPEN = "OPEN";

    /**
     * The buyer's bank disputed the payment: the processor took back {@code amountMinor} and its fee. A payment has one
     * dispute, so the same one told again changes nothing (false). The lines still active are disputed; a payment refunded
     * in full has none left, and its dispute takes nothing from the sellers.
     */
    boolean openDispute(String ref, long amountMinor, long feeMinor, Instant at) {
        if (disputeRef != null) {
            return false;
        }
        if (!status.wasPaid() || total().isFree()) {
            throw new DomainException("order.not-paid");
        }
        disputeRef = ref;
        disputeStatus = DISPUTE_OPEN;
        disputeAmountMinor = amountMinor;
        disputeFeeMinor = feeMinor;
        disputeOpenedAt = at;
        registerEvent(new OrderDisputed(id(), number, buyerId(), ref, disputedLines(), Money.of(feeMinor, currency), at));
        return true;
    }

    /**
     * The dispute closed. Won, the sellers get the money back; lost, it stays with the buyer and the order is charged back:
     * the access it gave ends. Only an open dispute closes, once (false otherwise).
     */
    boolean closeDispute(String ref, boolean won, Instant at) {
        if (!ref.equals(disputeRef) || !DISPUTE_OPEN.equals(disputeStatus)) {
            return false;
        }
        disputeStatus = won ? "WON" : "LOST";
        disputeClosedAt = at;
        if (!won && status == OrderStatus.PAID) {
            status = OrderStatus.CHARGED_BACK;
        }
        registerEvent(new OrderDisputeClosed(id(), number, buyerId(), ref, disputedLines(),
                Money.of(disputeFeeMinor == null ? 0 : disputeFeeMinor, currency), won, at));
        return true;
    }

    /** The lines a dispute covers: those not refunded (no refund is made while it is open, so they stay the same). */
    private List<OrderPaid.Line> disputedLines() {
        return lines.stream().filter(l -> !l.isRefunded()).map(OrderLine::sold).toList();
    }

    OrderLine line(UUID lineId) {
        return lines.stream().filter(l -> l.id().equals(lineId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("line " + lineId + " is not on order " + id));
    }

    OrderId id() {
        return OrderId.of(id);
    }

    long number() {
        return number;
    }

    AccountId buyerId() {
        return AccountId.of(buyerId);
    }

    OrderStatus status() {
        return status;
    }

    Money total() {
        return Money.of(totalMinor, currency);
    }

    @Nullable String paymentRef() {
        return paymentRef;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    boolean paymentWasReturned() {
        return paymentReturnedAt != null;
    }

    /** Every workflow the order sells, through any of its lines. */
    /** The workflows this order sells anew: all but those of its upgrade lines, which raise a licence the buyer holds. */
    List<WorkflowId> newlySoldWorkflowIds() {
        return lines.stream().map(OrderLine::sold).filter(l -> l.upgradeOf() == null).flatMap(l -> l.workflowIds().stream()).distinct().toList();
    }

    List<WorkflowId> workflowIds() {
        return lines.stream().flatMap(l -> l.sold().workflowIds().stream()).distinct().toList();
    }

    /** The coupons that reduced some line of the order, each once. */
    List<UUID> couponIds() {
        return lines.stream().map(OrderLine::couponId).filter(java.util.Objects::nonNull).distinct().toList();
    }

    List<OrderLine> lines() {
        return List.copyOf(lines);
    }

    /** The order as people see it at that moment: an open order whose time is up shows as expired even before the sweep closes it. */
    OrderManagement.OrderView toView(Instant now) {
        return new OrderManagement.OrderView(id, number, buyerId, isOverdue(now) ? OrderStatus.EXPIRED : status, Money.of(subtotalMinor, currency),
                Money.of(discountMinor, currency), total(), createdAt, paidAt, failureReason, paymentRef, expiresAt, closedAt,
                paymentReturnedAt, ratesDate, ratesSource, lines.stream().map(OrderLine::toView).toList());
    }
}
