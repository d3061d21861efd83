package app.flowmarket.commerce;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import app.flowmarket.account.AccountManagement;
import app.flowmarket.account.Person;
import app.flowmarket.audit.AuditLog;
import app.flowmarket.payment.PaymentGateway;
import app.flowmarket.payment.Payments;
import app.flowmarket.shared.AccountId;
import app.flowmarket.shared.Actor;
import app.flowmarket.shared.DomainException;
import app.flowmarket.shared.Money;
import app.flowmarket.shared.NotFoundException;
import app.flowmarket.shared.OrderId;
import app.flowmarket.shared.SiteSettings;
import app.flowmarket.shared.WorkflowId;
import app.flowmarket.store.StoreManagement;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The orders' public API: checkout (one open order per buyer, resumed, cancelled or expired), the
 * processor's verdicts, refunds, and the buyer's and seller's views of orders. What a payment or a refund sets off (access, ledger, sales counts, cart, mails,
 * notifications) listens to the events the {@link Order} raises.
 */
@Service
public class OrderManagement {

    private static final Logger log = LoggerFactory.getLogger(OrderManagement.class);
    private static final List<OrderStatus> OPEN = List.of(OrderStatus.PENDING, OrderStatus.FAILED);
    // the key space of the buyers' advisory locks (PostgreSQL's two-key form), so no other lock collides with them
    private static final int BUYER_LOCKS = 0x0b0e7;

    private final Orders orders;
    private final Carts carts;
    private final Coupons coupons;
    private final Promotions promotions;
    private final BuyerBundles buyerBundles;
    private final Pricing pricing;
    private final Payments payments;
    private final AccountManagement accounts;
    private final StoreManagement stores;
    private final AuditLog auditLog;
    private final MessageSource messages;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final CommerceSettings settings;
    private final SiteSettings site;

    OrderManagement(Orders orders, Carts carts, Coupons coupons, Promotions promotions, BuyerBundles buyerBundles, Pricing pricing, Payments payments, AccountManagement accounts, StoreManagement stores,
                    AuditLog auditLog, MessageSource messages, JdbcClient jdbc, TransactionTemplate tx, CommerceSettings settings,
                    SiteSettings site) {
        this.orders = orders;
        this.carts = carts;
        this.coupons = coupons;
        this.promotions = promotions;
        this.buyerBundles = buyerBundles;
        this.pricing = pricing;
        this.payments = payments;
        this.accounts = accounts;
        this.stores = stores;
        this.auditLog = auditLog;
        this.messages = messages;
        this.jdbc = jdbc;
        this.tx = tx;
        this.settings = settings;
        this.site = site;
    }

    /** A line as the buyer sees it: the seller's price and amounts in the seller's currency, and what was charged for it at which rate. */
    public record LineView(UUID id, Sellable.Kind kind, UUID refId, String title, UUID storeId, Money list, Money net,
                           Money fee, Money sellerShare, Money charged, BigDecimal rate, List<UUID> workflowIds, String status,
                           @Nullable Instant refundedAt, app.flowmarket.shared.LicenceTier tier) {

        public boolean refunded() {
            return "REFUNDED".equals(status);
        }

        /** Charged in another currency than the seller's price. */
        public boolean converted() {
            return !net.currency().equals(charged.currency());
        }
    }

    public record OrderView(UUID id, long number, UUID buyerId, OrderStatus status, Money subtotal, Money discount, Money total,
                            Instant createdAt, @Nullable Instant paidAt, @Nullable String failureReason, @Nullable String paymentRef, Instant expiresAt,
                            @Nullable Instant closedAt, @Nullable Instant paymentReturnedAt, LocalDate ratesDate, String ratesSource, List<LineView> lines) {

        /** Got for nothing: no payment was asked or taken. */
        public boolean free() {
            return total.isFree();
        }

        /** Some line was charged in another currency than its seller's price. */
        public boolean converted() {
            return lines.stream().anyMatch(LineView::converted);
        }

        /** One line per seller's currency that was converted, with its rate. */
        public List<LineView> conversions() {
            Set<Currency> seen = new java.util.HashSet<>();
            return lines.stream().filter(LineView::converted).filter(l -> seen.add(l.net().currency())).toList();
        }

        /** A payment arrived after the order was closed and was refunded in full, as it would have bought something twice. */
        public boolean paymentReturned() {
            return paymentReturnedAt != null;
        }

        /** Whole minutes left to pay an open order (at least one while it is open). */
        public long minutesLeft() {
            long seconds = Duration.between(Instant.now(), expiresAt == null ? Instant.now() : expiresAt).toSeconds();
            return Math.max(1, (seconds + 59) / 60);
        }
    }

    public record Placement(UUID orderId, OrderStatus status, String redirectUrl) {
    }

    /**
     * What the cart costs charged in the buyer's currency (or, when the processor cannot charge that one,
     * the currency {@link Pricing#chargeCurrency} picks), at the day's reference rates.
     */
    public Pricing.Quote quote(List<Sellable> items, Currency buyersCurrency) {
        if (items.isEmpty()) {
            throw new DomainException("cart.empty");
        }
        return pricing.quote(items, pricing.chargeCurrency(buyersCurrency, items, payments.currencies()), List.of(), promotions.current(),
                buyerBundles.terms(), Instant.now());
    }

    /** What the owner's cart costs with the codes it holds (see {@link #quote(List, Currency)}). */
    @Transactional(readOnly = true)
    public Pricing.Quote quote(Carts.CartOwner owner, List<Sellable> items, Currency buyersCurrency) {
        if (items.isEmpty()) {
            throw new DomainException("cart.empty");
        }
        return pricing.quote(items, pricing.chargeCurrency(buyersCurrency, items, payments.currencies()), coupons.termsFor(owner),
                promotions.current(), buyerBundles.terms(), Instant.now());
    }

    /** The buyer's open checkout, and whether their cart has changed since it was opened. */
    public record OpenCheckout(OrderView order, boolean cartChanged) {
    }

    /**
     * The buyer's one open checkout, if there is one: checking out again resumes it rather than opening
     * a second order. {@code cartChanged} tells that the cart no longer holds exactly what it sells.
     */
    @Transactional(readOnly = true)
    public Optional<OpenCheckout> openCheckout(Actor buyer) {
        Instant now = Instant.now();
        return orders.findFirstByBuyerIdAndStatusIn(buyer.id().value(), OPEN).filter(o -> !o.isOverdue(now)).map(order -> {
            Set<UUID> ordered = order.lines().stream().map(l -> l.sold().refId()).collect(Collectors.toSet());
            Set<UUID> inCart;
            try {
                List<Sellable> items = carts.items(new Carts.CartOwner(buyer.id(), null));
                inCart = items.isEmpty() ? Set.of()
                        : pricing.quote(items, order.total().currency(), List.of(), promotions.current(), buyerBundles.terms(), now).lines().stream().map(l -> l.item().refId()).collect(Collectors.toSet());
            } catch (DomainException unpriceable) {
                inCart = Set.of();
            }
            return new OpenCheckout(order.toView(now), !ordered.equals(inCart));
        });
    }

    /**
     * Checks out the buyer's cart. A buyer has at most one open order: while it is open, checking out
     * again resumes it (a double click, a refresh, twenty tabs — one order, one checkout at the
     * processor). Otherwise the cart becomes a new order — refused before any payment if it holds
     * something the buyer owns — open for {@code flowmarket.commerce.checkout-open-for}, charged in the
     * buyer's currency at the day's rates (see {@link #quote}). When the buyer saw converted amounts
     * ({@code ratesShown}: the day of the rates on the page they confirmed) and new rates have come out
     * since, nothing is placed: they are shown the new amounts first. A free order is paid at once;
     * otherwise the buyer is sent to the processor's hosted checkout. A request repeated with the same
     * {@code Idempotency-Key} finds the order it placed.
     */
    public Placement checkout(Actor buyer, @Nullable String idempotencyKey, Currency buyersCurrency, @Nullable LocalDate ratesShown) {
        return checkout(buyer, idempotencyKey, buyersCurrency, ratesShown, null);
    }

    /**
     * As {@link #checkout(Actor, String, Currency, LocalDate)}, for a buyer who confirmed {@code totalShown} (minor
     * units of the charged currency): when the price is no longer that — a code's last use went to someone
     * else meanwhile — nothing is placed and they see the new price first.
     */
    public Placement checkout(Actor buyer, @Nullable String idempotencyKey, Currency buyersCurrency, @Nullable LocalDate ratesShown, @Nullable Long totalShown) {
        return checkout(buyer, idempotencyKey, buyersCurrency, ratesShown, totalShown, BuyerDetails.NONE);
    }

    /**
     * What a buyer tells at checkout for the sellers' records: their country (an ISO 3166 code; anything else is not
     * kept) and whether the sellers of the order may have their e-mail address (in their sales export).
     */
    public record BuyerDetails(@Nullable String country, boolean shareEmail) {

        public static final BuyerDetails NONE = new BuyerDetails(null, false);
        private static final java.util.Set<String> COUNTRIES = java.util.Set.of(java.util.Locale.getISOCountries());

        public BuyerDetails {
            String code = country == null ? null : country.strip().toUpperCase(java.util.Locale.ROOT);
            country = code != null && COUNTRIES.contains(code) ? code : null;
        }
    }

    /** As {@link #checkout(Actor, String, Currency, LocalDate, Long)}, with what the buyer told for the sellers' records. */
    public Placement checkout(Actor buyer, @Nullable String idempotencyKey, Currency buyersCurrency, @Nullable LocalDate ratesShown,
                              @Nullable Long totalShown, BuyerDetails details) {
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? UUID.randomUUID().toString() : idempotencyKey.strip();
        if (key.length() > 100) {
            throw new DomainException("checkout.invalid-key");
        }
        OrderView order = tx.execute(status -> placeOrResume(buyer, key, buyersCurrency, ratesShown, totalShown, details));
        if (!order.status().isOpen()) {
            return new Placement(order.id(), order.status(), "/orders/" + order.id());
        }
        return new Placement(order.id(), order.status(), paymentPage(buyer, order));
    }

    /** "Pay now" on an open order: back to its checkout at the processor (a new one after a refused payment). */
    public Placement pay(Actor buyer, UUID orderId) {
        OrderView order = tx.execute(status -> ofBuyer(buyer, orderId));
        if (!order.status().isOpen()) {
            throw new DomainException("order.not-open");
        }
        return new Placement(order.id(), order.status(), paymentPage(buyer, order));
    }

    /** The buyer cancels their open order: nothing was charged, and its checkout at the processor is closed. */
    @Transactional
    public void cancel(Actor buyer, UUID orderId) {
        Order order = orders.findForUpdate(orderId).filter(o -> o.buyerId().value().equals(buyer.id().value()))
                .orElseThrow(() -> new NotFoundException("order"));
        Instant now = Instant.now();
        if (order.isOverdue(now)) {
            expire(order, now);
            return;
        }
        order.cancel(now);
        orders.save(order);
        auditLog.record(buyer.id().value(), buyer.label(), "order.cancelled", "order", orderId, null);
        expireCheckoutsAfterCommit(order.id());
    }

    /**
     * Expires open orders whose time is up, a batch at a time; several nodes can run this at once
     * (rows are claimed with {@code for update skip locked}). Returns how many it expired.
     */
    int expireOverdue(int batchSize) {
        Integer expired = tx.execute(status -> {
            Instant now = Instant.now();
            List<Order> due = orders.claimOverdue(now, batchSize);
            due.forEach(order -> expire(order, now));
            return due.size();
        });
        return expired == null ? 0 : expired;
    }

    private OrderView placeOrResume(Actor buyer, String key, Currency buyersCurrency, @Nullable LocalDate ratesShown, @Nullable Long totalShown,
                                    BuyerDetails details) {
        // checkouts and payments of one buyer queue up here, on every node
        lockBuyer(buyer.id().value());
        Instant now = Instant.now();
        Optional<Order> repeated = orders.findByBuyerIdAndIdempotencyKey(buyer.id().value(), key);
        if (repeated.isPresent()) {
            return repeated.get().toView(now);
        }
        Optional<Order> open = orders.findForUpdateByBuyerIdAndStatusIn(buyer.id().value(), OPEN);
        if (open.isPresent()) {
            if (!open.get().isOverdue(now)) {
                return open.get().toView(now);
            }
            expire(open.get(), now);
        }
        List<Sellable> items = carts.items(new Carts.CartOwner(buyer.id(), null));
        if (items.isEmpty()) {
            throw new DomainException("cart.empty");
        }
        carts.checkBuyable(buyer.id(), items);
        Carts.CartOwner owner = new Carts.CartOwner(buyer.id(), null);
        List<Pricing.CouponTerms> shown = coupons.termsFor(owner);
        List<Pricing.CouponTerms> terms = carts.cartIdOf(owner, false).map(cartId -> coupons.termsForCheckout(buyer.id().value(), cartId)).orElse(List.of());
        if (!shown.stream().map(Pricing.CouponTerms::refusal).toList().equals(terms.stream().map(Pricing.CouponTerms::refusal).toList())) {
            // another checkout took the last use of a code the buyer was shown as good: they see the new price first
            throw new DomainException("checkout.coupon-changed");
        }
        Pricing.Quote quote = pricing.quote(items, pricing.chargeCurrency(buyersCurrency, items, payments.currencies()), terms,
                promotions.current(), buyerBundles.terms(), now);
        if (quote.converted() && ratesShown != null && !ratesShown.equals(quote.ratesDate())) {
            throw new DomainException("checkout.rates-changed");
        }
        if (totalShown != null && quote.total().minor() != totalShown && terms.stream().anyMatch(t -> t.refusal() != null)) {
            // the buyer confirmed a price with a code that another checkout has used up since
            throw new DomainException("checkout.coupon-changed");
        }
        Order placed = Order.place(AccountId.of(buyer.id().value()), key, quote, now, now.plus(settings.checkoutOpenFor()));
        placed.buyerDetails(details.country(), details.shareEmail());
        Order order = orders.saveAndFlush(placed);
        auditLog.record(buyer.id().value(), buyer.label(), "order.placed", "order", order.id().value(), quote.total().toString());
        if (quote.isFree()) {
            if (!coupons.redeem(order.id().value(), buyer.id().value(), order.couponIds())) {
                throw new DomainException("checkout.coupon-changed");
            }
            pay(order, "free", quote.total(), now, false);
        }
        return order.toView(now);
    }

    private String paymentPage(Actor buyer, OrderView order) {
        PaymentGateway.HostedCheckout checkout = payments.openCheckout(new PaymentGateway.CheckoutRequest(order.id(), order.total(),
                msg("order.description", order.number()), buyer.label(), "/orders/" + order.id() + "?returned",
                "/orders/" + order.id() + "?cancelled", site.baseUrl(), order.expiresAt()), order.status() == OrderStatus.FAILED);
        Boolean open = tx.execute(status -> orders.findForUpdate(order.id()).filter(o -> o.status().isOpen() && !o.isOverdue(Instant.now()))
                .map(o -> {
                    o.checkoutOpened(checkout.checkoutRef());
                    return true;
                }).orElse(false));
        if (!Boolean.TRUE.equals(open)) {
            // cancelled or expired while its checkout was being opened: that checkout must not take money
            payments.expireCheckouts(order.id());
            throw new DomainException("order.not-open");
        }
        return checkout.redirectUrl();
    }

    private void expire(Order order, Instant now) {
        order.expire(now);
        // written at once: a new open order may be inserted next, and the database allows one open order per buyer
        orders.saveAndFlush(order);
        auditLog.record(null, "system", "order.expired", "order", order.id().value(), null);
        expireCheckoutsAfterCommit(order.id());
    }

    /** After the order's state is committed, its checkouts at the processor are closed (a crash in between leaves them to expire there). */
    private void expireCheckoutsAfterCommit(OrderId orderId) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                payments.expireCheckouts(orderId.value());
            }
        });
    }

    private void lockBuyer(UUID buyerId) {
        jdbc.sql("select 1 from pg_advisory_xact_lock(?, ?)").params(BUYER_LOCKS, buyerId.hashCode()).query(Integer.class).single();
    }

    /**
     * Takes the processor's confirmation of a payment. The buyer's lock and the order's row lock make
     * a second confirmation (a redelivered webhook, a race with the buyer's redirect) a no-op, and a
     * payment of another amount pays nothing. A payment is accepted — even one that arrives after the
     * order was cancelled or expired — unless it would sell the buyer something they already own: then
     * it is refunded in full at once and grants nothing; so is a second payment of an order already paid
     * through another checkout. Accepting a payment cancels any other open order selling the same workflows.
     */
    @Transactional
    public void markPaid(OrderId orderId, String checkoutRef, long amountMinor, String currency) {
        settle(orderId, checkoutRef, amountMinor, currency, Instant.now(), false);
    }

    /**
     * Records a payment taken in the past for one of its checkouts, as a shop moving in with its history (or the demo
     * data) has it: the order counts as placed and paid then, so its ledger entries, sales figures and the day its
     * money becomes payable to the seller follow from that day. The same checks as {@link #markPaid} apply; a payment a
     * processor confirms now always goes through that one.
     */
    @Transactional
    public void importPayment(OrderId orderId, String checkoutRef, Instant paidAt) {
        if (paidAt.isAfter(Instant.now())) {
            throw new IllegalArgumentException("An imported payment was taken in the past, not at " + paidAt);
        }
        Money total = orders.findById(orderId.value()).orElseThrow(() -> new NotFoundException("order")).total();
        settle(orderId, checkoutRef, total.minor(), total.currency().getCurrencyCode(), paidAt, true);
    }

    private void settle(OrderId orderId, String checkoutRef, long amountMinor, String currency, Instant now, boolean earlier) {
        UUID buyerId = orders.findBuyerIdOf(orderId.value()).orElseThrow(() -> new NotFoundException("order"));
        lockBuyer(buyerId);
        Order order = orders.findForUpdate(orderId.value()).orElseThrow();
        Money amount = Money.of(amountMinor, currency);
        if (order.status().wasPaid()) {
            if (!checkoutRef.equals(order.paymentRef())) {
                payments.refund(checkoutRef, amount, "return-" + checkoutRef);
                log.warn("Order {} was paid again through checkout {}; that payment was refunded", orderId, checkoutRef);
                auditLog.record(null, "payment", "order.payment-returned", "order", orderId.value(), checkoutRef + " paid twice");
            }
            return;
        }
        if (order.paymentWasReturned() && checkoutRef.equals(order.paymentRef())) {
            return;
        }
        if (order.total().minor() != amountMinor || !order.total().currency().getCurrencyCode().equals(currency)) {
            log.error("Payment for order {} was {} {} but the order is {}", orderId, amountMinor, currency, order.total());
            auditLog.record(null, "payment", "order.payment-mismatch", "order", orderId.value(), amountMinor + " " + currency);
            return;
        }
        List<UUID> sold = order.newlySoldWorkflowIds().stream().map(WorkflowId::value).toList();
        List<UUID> owned = sold.isEmpty() ? List.of() : orders.findBoughtAmong(buyerId, sold);
        if (!owned.isEmpty()) {
            payments.refund(checkoutRef, amount, "return-" + checkoutRef);
            order.paymentReturned(checkoutRef, "refunded: the buyer already owned " + owned.size() + " of its workflows", now);
            orders.saveAndFlush(order);
            log.info("Payment {} of order {} refunded: it would have sold the buyer {} workflow(s) they own", checkoutRef, orderId, owned.size());
            auditLog.record(null, "payment", "order.payment-returned", "order", orderId.value(), checkoutRef + " already owned");
            return;
        }
        if (!coupons.redeem(orderId.value(), buyerId, order.couponIds())) {
            // a late payment of an order whose code has since been used up elsewhere: its price no longer holds
            payments.refund(checkoutRef, amount, "return-" + checkoutRef);
            order.paymentReturned(checkoutRef, "refunded: its coupon could no longer be used", now);
            orders.saveAndFlush(order);
            auditLog.record(null, "payment", "order.payment-returned", "order", orderId.value(), checkoutRef + " coupon used up");
            return;
        }
        boolean late = order.status().isClosedUnpaid();
        pay(order, checkoutRef, amount, now, earlier);
        if (late) {
            auditLog.record(null, "payment", "order.paid-late", "order", orderId.value(), checkoutRef);
        }
        Set<UUID> bought = order.workflowIds().stream().map(WorkflowId::value).collect(Collectors.toSet());
        orders.findForUpdateByBuyerIdAndStatusIn(buyerId, OPEN)
                .filter(other -> other.workflowIds().stream().anyMatch(w -> bought.contains(w.value())))
                .ifPresent(other -> {
                    other.cancel(now);
                    orders.saveAndFlush(other);
                    auditLog.record(null, "payment", "order.cancelled", "order", other.id().value(), "superseded by " + orderId);
                    expireCheckoutsAfterCommit(other.id());
                });
    }

    /**
     * Adds a free workflow to the buyer's library at once: no cart, no checkout, no payment. It is recorded
     * as an order of nothing (the auditable record of who got what, when), paid as it is placed, so access,
     * sales counts and the "already yours" checks follow as for any order; a zero amount writes no ledger
     * entry and sends no receipt. Getting one already owned (a double click) changes nothing.
     */
    @Transactional
    public void getFree(Actor buyer, WorkflowId workflowId) {
        lockBuyer(buyer.id().value());
        Sellable item = carts.resolve(Sellable.Kind.WORKFLOW, workflowId.value()).orElseThrow(() -> new DomainException("cart.unavailable"));
        if (!item.listPrice().isFree()) {
            throw new DomainException("free.not-free");
        }
        if (!orders.findBoughtAmong(buyer.id().value(), List.of(workflowId.value())).isEmpty()) {
            return;
        }
        carts.checkBuyable(buyer.id(), item);
        Instant now = Instant.now();
        Order order = Order.place(AccountId.of(buyer.id().value()), "free-" + UUID.randomUUID(), pricing.quote(List.of(item)), now,
                now.plus(settings.checkoutOpenFor()));
        order.acquireFree(now);
        // publishes OrderPaid: access and sales count are written in this transaction
        orders.saveAndFlush(order);
        auditLog.record(buyer.id().value(), buyer.label(), "order.free", "order", order.id().value(), workflowId.value().toString());
    }

    private void pay(Order order, String checkoutRef, Money amount, Instant at, boolean earlier) {
        if (earlier) {
            order.markPaidEarlier(amount, checkoutRef, at);
        } else {
            order.markPaid(amount, checkoutRef, at);
        }
        // publishes OrderPaid: access, ledger and sales counts are written in this transaction
        orders.saveAndFlush(order);
        Person buyer = accounts.person(order.buyerId()).orElseThrow();
        auditLog.record(buyer.id().value(), buyer.email(), "order.paid", "order", order.id().value(), order.total().toString());
    }

    /**
     * Takes the processor's refusal of an attempt. Only the checkout the buyer was last sent to can fail an
     * open order; once an order is paid, cancelled or expired, a refusal changes nothing.
     */
    @Transactional
    public void markFailed(OrderId orderId, String checkoutRef, @Nullable String reason) {
        Instant now = Instant.now();
        orders.findForUpdate(orderId.value())
                .filter(o -> o.status().isOpen() && !o.isOverdue(now) && Objects.equals(o.paymentRef(), checkoutRef))
                .ifPresent(o -> {
                    o.markFailed(reason);
                    auditLog.record(null, "payment", "order.payment-failed", "order", orderId.value(), reason);
                });
    }

    /**
     * Takes the processor's news that the buyer's bank disputed an order's payment: the disputed money and the dispute fee
     * are taken from the sellers' balances until the dispute closes (decision 53). The same dispute told again changes nothing.
     */
    @Transactional
    public void disputeOpened(OrderId orderId, String disputeRef, long amountMinor, long feeMinor, Instant at) {
        Order order = orders.findForUpdate(orderId.value()).orElseThrow(() -> new NotFoundException("order"));
        if (order.openDispute(disputeRef, amountMinor, feeMinor, at)) {
            // publishes OrderDisputed: the ledger's entries are written in this transaction
            orders.saveAndFlush(order);
            auditLog.record(null, "payment", "order.disputed", "order", orderId.value(), disputeRef + " " + new Money(amountMinor, order.total().currency()));
        }
    }

    /**
     * Takes the dispute's outcome: won, the sellers get the money back; lost, it stays taken and the buyer's access ends. Once.
     * The processor's news may arrive out of order: a dispute closed before its opening was heard of is opened first.
     */
    @Transactional
    public void disputeClosed(OrderId orderId, String disputeRef, long amountMinor, long feeMinor, boolean won, Instant at) {
        disputeOpened(orderId, disputeRef, amountMinor, feeMinor, at);
        Order order = orders.findForUpdate(orderId.value()).orElseThrow(() -> new NotFoundException("order"));
        if (order.closeDispute(disputeRef, won, at)) {
            // publishes OrderDisputeClosed: the ledger's reversal (won) or the end of access (lost) are written in this transaction
            orders.saveAndFlush(order);
            auditLog.record(null, "payment", won ? "order.dispute-won" : "order.dispute-lost", "order", orderId.value(), disputeRef);
        }
    }

    /**
     * A dispute from the past, as a shop moving in with its history (or the demo data) has it: opened then, and closed then
     * when {@code won} is given.
     */
    @Transactional
    public void importDispute(OrderId orderId, String disputeRef, long feeMinor, Instant openedAt, @Nullable Boolean won, @Nullable Instant closedAt) {
        Money total = orders.findById(orderId.value()).orElseThrow(() -> new NotFoundException("order")).total();
        disputeOpened(orderId, disputeRef, total.minor(), feeMinor, openedAt);
        if (won != null) {
            disputeClosed(orderId, disputeRef, total.minor(), feeMinor, won, closedAt == null ? Instant.now() : closedAt);
        }
    }

    /**
     * Refunds one order line: by the seller who sold it or by an admin. The money goes back through
     * the processor; the ledger reversal, the end of access and the buyer's mail follow the event.
     */
    @Transactional
    public void refundLine(Actor actor, UUID lineId) {
        UUID orderId = orders.findOrderIdOfLine(lineId).orElseThrow(() -> new NotFoundException("order line"));
        Order order = orders.findForUpdate(orderId).orElseThrow();
        OrderLine line = order.line(lineId);
        boolean seller = stores.findByOwner(actor.id()).map(s -> s.id().equals(line.storeId().value())).orElse(false);
        if (!seller && !actor.isAdmin()) {
            throw new NotFoundException("order line");
        }
        if (order.total().isFree()) {
            throw new DomainException("refund.free");
        }
        order.refundLine(lineId, Instant.now());
        // the buyer gets back what they paid for the line, in the currency they paid in; the ledger reverses the seller's amounts
        if (!line.charged().isFree()) {
            try {
                payments.refund(Objects.requireNonNull(order.paymentRef()), line.charged(), "refund-" + lineId); // a charged order was paid through its checkout
            } catch (IllegalStateException refused) {
                // unreachable, or it says no (e.g. the payment was refunded from its own dashboard): nothing changes here
                log.warn("The processor did not refund line {} of order {}: {}", lineId, orderId, refused.getMessage());
                throw new DomainException("refund.processor-refused");
            }
        }
        // publishes OrderLineRefunded: ledger reversal, revoked access and sales count are written in this transaction
        orders.saveAndFlush(order);
        auditLog.record(actor.id().value(), actor.label(), "order.refunded", "order-line", lineId, line.net().toString());
    }

    /** The buyer's own order; anyone else's is "not found". */
    @Transactional(readOnly = true)
    public OrderView ofBuyer(Actor buyer, UUID orderId) {
        Instant now = Instant.now();
        return orders.findById(orderId).filter(o -> o.buyerId().value().equals(buyer.id().value())).map(o -> o.toView(now))
                .orElseThrow(() -> new NotFoundException("order"));
    }

    /** The buyer's orders, newest first; free workflows got into the library are not orders to them and are left out. */
    @Transactional(readOnly = true)
    public List<OrderView> ofBuyer(Actor buyer) {
        Instant now = Instant.now();
        return orders.findTop200ByBuyerIdOrderByCreatedAtDesc(buyer.id().value()).stream().map(o -> o.toView(now)).filter(o -> !o.free()).toList();
    }

    /** Whether the buyer bought the workflow (alone or in a bundle) and was not refunded. */
    @Transactional(readOnly = true)
    public boolean hasBought(AccountId buyerId, WorkflowId workflowId) {
        return !orders.findBoughtAmong(buyerId.value(), List.of(workflowId.value())).isEmpty();
    }

    /**
     * A line the seller sold, in the seller's currency; {@code charged} is what the buyer paid for it (in the
     * order's currency: what a refund gives back); {@code free} when the buyer got it for nothing. {@code status}:
     * {@code ACTIVE}, {@code REFUNDED} or {@code CHARGED_BACK} (a dispute lost).
     */
    public record Sale(UUID lineId, UUID orderId, long orderNumber, String buyerName, String title, Money net, Money fee,
                       Money sellerShare, Money charged, String status, @Nullable Instant paidAt, boolean free) {

        /** Neither refunded nor taken back by a dispute the buyer won. */
        public boolean refundable() {
            return !free && "ACTIVE".equals(status);
        }
    }

    /** One line the seller sold, for the refund's confirmation; anyone else's is "not found". */
    @Transactional(readOnly = true)
    public Sale saleOf(Actor seller, UUID lineId) {
        return sales(seller, lineId).stream().findFirst().orElseThrow(() -> new NotFoundException("order line"));
    }

    @Transactional(readOnly = true)
    public List<Sale> salesOf(Actor seller) {
        return sales(seller, null);
    }

    private List<Sale> sales(Actor seller, @Nullable UUID onlyLine) {
        var store = stores.findByOwner(seller.id()).orElseThrow(() -> new DomainException("store.none"));
        record Row(UUID lineId, UUID orderId, long orderNumber, UUID buyerId, String title, long netMinor, long feeMinor, long sellerMinor,
                   String currency, long chargedMinor, String orderCurrency, String status, Timestamp paidAt, long orderTotalMinor) {
        }
        List<Row> rows = jdbc.sql("""
                select l.id as line_id, o.id as order_id, o.number as order_number, o.buyer_id, l.title,
                       l.net_minor, l.fee_minor, l.seller_minor, l.currency, l.charged_minor, o.currency as order_currency,
                       case when o.status = 'CHARGED_BACK' and l.status = 'ACTIVE' then 'CHARGED_BACK' else l.status end as status,
                       o.paid_at, o.total_minor as order_total_minor
                from order_line l join purchase_order o on o.id = l.order_id
                where l.store_id = :store and o.status in ('PAID', 'REFUNDED', 'CHARGED_BACK') and (cast(:line as uuid) is null or l.id = :line)
                order by o.paid_at desc limit 500""")
                .param("store", store.id()).param("line", onlyLine).query(Row.class).list();
        Set<AccountId> buyers = rows.stream().map(r -> AccountId.of(r.buyerId())).collect(Collectors.toSet());
        Map<AccountId, String> names = accounts.displayNames(buyers);
        return rows.stream().map(r -> new Sale(r.lineId(), r.orderId(), r.orderNumber(), names.getOrDefault(AccountId.of(r.buyerId()), ""),
                        r.title(), Money.of(r.netMinor(), r.currency()), Money.of(r.feeMinor(), r.currency()),
                        Money.of(r.sellerMinor(), r.currency()), Money.of(r.chargedMinor(), r.orderCurrency()), r.status(),
                        r.paidAt() == null ? null : r.paidAt().toInstant(),
                        r.orderTotalMinor() == 0))
                .toList();
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
