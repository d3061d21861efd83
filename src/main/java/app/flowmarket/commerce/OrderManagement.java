package app.flowmarket.commerce;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import app.flowmarket.account.AccountManagement;
import app.flowmarket.audit.AuditLog;
import app.flowmarket.payment.PaymentGateway;
import app.flowmarket.payment.Payments;
import app.flowmarket.shared.AccountId;
import app.flowmarket.shared.CurrentUser;
import app.flowmarket.shared.DomainException;
import app.flowmarket.shared.Money;
import app.flowmarket.shared.NotFoundException;
import app.flowmarket.shared.OrderId;
import app.flowmarket.shared.WorkflowId;
import app.flowmarket.store.StoreManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The orders' public API: checkout, the processor's verdicts, refunds, and the buyer's and seller's
 * views of orders. What a payment or a refund sets off (access, ledger, sales counts, cart, mails,
 * notifications) listens to the events the {@link Order} raises.
 */
@Service
public class OrderManagement {

    private static final Logger log = LoggerFactory.getLogger(OrderManagement.class);

    private final Orders orders;
    private final Carts carts;
    private final Pricing pricing;
    private final Payments payments;
    private final AccountManagement accounts;
    private final StoreManagement stores;
    private final AuditLog auditLog;
    private final MessageSource messages;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final String baseUrl;

    OrderManagement(Orders orders, Carts carts, Pricing pricing, Payments payments, AccountManagement accounts, StoreManagement stores,
                    AuditLog auditLog, MessageSource messages, JdbcClient jdbc, TransactionTemplate tx,
                    @Value("${flowmarket.web.base-url}") String baseUrl) {
        this.orders = orders;
        this.carts = carts;
        this.pricing = pricing;
        this.payments = payments;
        this.accounts = accounts;
        this.stores = stores;
        this.auditLog = auditLog;
        this.messages = messages;
        this.jdbc = jdbc;
        this.tx = tx;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    public record LineView(UUID id, Sellable.Kind kind, UUID refId, String title, UUID storeId, Money list, Money net,
                           Money fee, Money sellerShare, List<UUID> workflowIds, String status, Instant refundedAt) {

        public boolean refunded() {
            return "REFUNDED".equals(status);
        }
    }

    public record OrderView(UUID id, long number, UUID buyerId, OrderStatus status, Money subtotal, Money discount, Money total,
                            Instant createdAt, Instant paidAt, String failureReason, String paymentRef, List<LineView> lines) {
    }

    public record Placement(UUID orderId, OrderStatus status, String redirectUrl) {
    }

    /**
     * Places the buyer's cart as an order, once per idempotency key: a double click, a refresh or a
     * retried request with the same key finds the same order and never charges twice. A free order is
     * paid at once; otherwise the buyer is sent to the processor's hosted checkout.
     */
    public Placement checkout(CurrentUser buyer, String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 100) {
            throw new DomainException("checkout.invalid-key");
        }
        OrderView order = tx.execute(status -> createOrder(buyer, idempotencyKey.strip()).toView());
        if (order.status().wasPaid()) {
            return new Placement(order.id(), order.status(), "/orders/" + order.id());
        }
        PaymentGateway.HostedCheckout checkout = payments.openCheckout(new PaymentGateway.CheckoutRequest(order.id(), order.total(),
                msg("order.description", order.number()), buyer.email(), "/orders/" + order.id() + "?returned",
                "/orders/" + order.id() + "?cancelled", baseUrl));
        tx.executeWithoutResult(status -> orders.findForUpdate(order.id()).ifPresent(o -> o.checkoutOpened(checkout.checkoutRef())));
        return new Placement(order.id(), order.status(), checkout.redirectUrl());
    }

    private Order createOrder(CurrentUser buyer, String key) {
        // checkouts of one cart queue up here, so a parallel request with the same key finds this one's order
        carts.lockCartOf(buyer);
        Optional<Order> existing = orders.findByBuyerIdAndIdempotencyKey(buyer.id(), key);
        if (existing.isPresent()) {
            return existing.get();
        }
        List<Sellable> items = carts.items(new Carts.CartOwner(buyer, null));
        if (items.isEmpty()) {
            throw new DomainException("cart.empty");
        }
        items.forEach(item -> carts.checkBuyable(buyer, item));
        Pricing.Quote quote = pricing.quote(items);
        Order order = orders.saveAndFlush(Order.place(AccountId.of(buyer.id()), key, quote, Instant.now()));
        auditLog.record(buyer.id(), buyer.email(), "order.placed", "order", order.id().value(), quote.total().toString());
        if (quote.isFree()) {
            pay(order, "free", quote.total());
        }
        return order;
    }

    /**
     * Takes the processor's confirmation. The row lock makes a second confirmation (a redelivered
     * webhook, a race with the buyer's redirect) a no-op; a payment of another amount pays nothing.
     */
    @Transactional
    public void markPaid(OrderId orderId, String checkoutRef, long amountMinor, String currency) {
        Order order = orders.findForUpdate(orderId.value()).orElseThrow(() -> new NotFoundException("order"));
        if (order.status().wasPaid()) {
            return;
        }
        if (order.total().minor() != amountMinor || !order.total().currency().getCurrencyCode().equals(currency)) {
            log.error("Payment for order {} was {} {} but the order is {}", orderId, amountMinor, currency, order.total());
            auditLog.record(null, "payment", "order.payment-mismatch", "order", orderId.value(), amountMinor + " " + currency);
            return;
        }
        pay(order, checkoutRef, Money.of(amountMinor, currency));
    }

    private void pay(Order order, String checkoutRef, Money amount) {
        order.markPaid(amount, checkoutRef, Instant.now());
        // publishes OrderPaid: access, ledger and sales counts are written in this transaction
        orders.saveAndFlush(order);
        CurrentUser buyer = accounts.find(order.buyerId().value()).orElseThrow();
        auditLog.record(buyer.id(), buyer.email(), "order.paid", "order", order.id().value(), order.total().toString());
    }

    /** Takes the processor's refusal of an attempt; once an order is paid, a late refusal changes nothing. */
    @Transactional
    public void markFailed(OrderId orderId, String reason) {
        Optional<Order> order = orders.findForUpdate(orderId.value()).filter(o -> !o.status().wasPaid());
        order.ifPresent(o -> {
            o.markFailed(reason);
            auditLog.record(null, "payment", "order.payment-failed", "order", orderId.value(), reason);
        });
    }

    /**
     * Refunds one order line: by the seller who sold it or by an admin. The money goes back through
     * the processor; the ledger reversal, the end of access and the buyer's mail follow the event.
     */
    @Transactional
    public void refundLine(CurrentUser actor, UUID lineId) {
        UUID orderId = orders.findOrderIdOfLine(lineId).orElseThrow(() -> new NotFoundException("order line"));
        Order order = orders.findForUpdate(orderId).orElseThrow();
        OrderLine line = order.line(lineId);
        boolean seller = stores.findByOwner(actor.id()).map(s -> s.id().equals(line.storeId().value())).orElse(false);
        if (!seller && !actor.isAdmin()) {
            throw new NotFoundException("order line");
        }
        order.refundLine(lineId, Instant.now());
        if (!line.net().isFree()) {
            payments.refund(order.paymentRef(), line.net(), "refund-" + lineId);
        }
        // publishes OrderLineRefunded: ledger reversal, revoked access and sales count are written in this transaction
        orders.saveAndFlush(order);
        auditLog.record(actor.id(), actor.email(), "order.refunded", "order-line", lineId, line.net().toString());
    }

    /** The buyer's own order; anyone else's is "not found". */
    @Transactional(readOnly = true)
    public OrderView ofBuyer(CurrentUser buyer, UUID orderId) {
        return orders.findById(orderId).filter(o -> o.buyerId().value().equals(buyer.id())).map(Order::toView)
                .orElseThrow(() -> new NotFoundException("order"));
    }

    @Transactional(readOnly = true)
    public List<OrderView> ofBuyer(CurrentUser buyer) {
        return orders.findTop200ByBuyerIdOrderByCreatedAtDesc(buyer.id()).stream().map(Order::toView).toList();
    }

    /** Whether the buyer bought the workflow (alone or in a bundle) and was not refunded. */
    @Transactional(readOnly = true)
    public boolean hasBought(AccountId buyerId, WorkflowId workflowId) {
        return !orders.findBoughtAmong(buyerId.value(), List.of(workflowId.value())).isEmpty();
    }

    public record Sale(UUID lineId, UUID orderId, long orderNumber, String buyerName, String title, Money net, Money fee,
                       Money sellerShare, String status, Instant paidAt) {
    }

    @Transactional(readOnly = true)
    public List<Sale> salesOf(CurrentUser seller) {
        var store = stores.findByOwner(seller.id()).orElseThrow(() -> new DomainException("store.none"));
        record Row(UUID lineId, UUID orderId, long orderNumber, UUID buyerId, String title, long netMinor, long feeMinor, long sellerMinor,
                   String currency, String status, Timestamp paidAt) {
        }
        List<Row> rows = jdbc.sql("""
                select l.id as line_id, o.id as order_id, o.number as order_number, o.buyer_id, l.title,
                       l.net_minor, l.fee_minor, l.seller_minor, o.currency, l.status, o.paid_at
                from order_line l join purchase_order o on o.id = l.order_id
                where l.store_id = ? and o.status in ('PAID', 'REFUNDED')
                order by o.paid_at desc limit 500""")
                .param(store.id()).query(Row.class).list();
        Set<AccountId> buyers = rows.stream().map(r -> AccountId.of(r.buyerId())).collect(Collectors.toSet());
        Map<AccountId, String> names = accounts.displayNames(buyers);
        return rows.stream().map(r -> new Sale(r.lineId(), r.orderId(), r.orderNumber(), names.getOrDefault(AccountId.of(r.buyerId()), ""),
                        r.title(), Money.of(r.netMinor(), r.currency()), Money.of(r.feeMinor(), r.currency()),
                        Money.of(r.sellerMinor(), r.currency()), r.status(), r.paidAt() == null ? null : r.paidAt().toInstant()))
                .toList();
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
