package app.flowmarket.commerce;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import app.flowmarket.account.AccountManagement;
import app.flowmarket.audit.AuditLog;
import app.flowmarket.catalog.CatalogManagement;
import app.flowmarket.licensing.Licensing;
import app.flowmarket.mail.Email;
import app.flowmarket.mail.Mailer;
import app.flowmarket.payment.PaymentGateway;
import app.flowmarket.payment.Payments;
import app.flowmarket.shared.CurrentUser;
import app.flowmarket.shared.DomainException;
import app.flowmarket.shared.Money;
import app.flowmarket.shared.NotFoundException;
import app.flowmarket.store.StoreManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Orders: checkout, payment outcome, receipts, refunds, and the buyer's and seller's views of them. */
@Service
public class Orders {

    private static final Logger log = LoggerFactory.getLogger(Orders.class);

    private final JdbcClient jdbc;
    private final Carts carts;
    private final Pricing pricing;
    private final Payments payments;
    private final Licensing licensing;
    private final CatalogManagement catalog;
    private final AccountManagement accounts;
    private final StoreManagement stores;
    private final Ledger ledger;
    private final Mailer mailer;
    private final AuditLog auditLog;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final String baseUrl;

    Orders(JdbcClient jdbc, Carts carts, Pricing pricing, Payments payments, Licensing licensing, CatalogManagement catalog,
           AccountManagement accounts, StoreManagement stores, Ledger ledger, Mailer mailer, AuditLog auditLog,
           MessageSource messages, ApplicationEventPublisher events, TransactionTemplate tx,
           @Value("${flowmarket.web.base-url}") String baseUrl) {
        this.jdbc = jdbc;
        this.carts = carts;
        this.pricing = pricing;
        this.payments = payments;
        this.licensing = licensing;
        this.catalog = catalog;
        this.accounts = accounts;
        this.stores = stores;
        this.ledger = ledger;
        this.mailer = mailer;
        this.auditLog = auditLog;
        this.messages = messages;
        this.events = events;
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
        UUID orderId = tx.execute(status -> createOrder(buyer, idempotencyKey.strip()));
        OrderView order = find(orderId).orElseThrow();
        if (order.status() == OrderStatus.PAID || order.status() == OrderStatus.REFUNDED) {
            return new Placement(orderId, order.status(), "/orders/" + orderId);
        }
        PaymentGateway.HostedCheckout checkout = payments.openCheckout(new PaymentGateway.CheckoutRequest(orderId, order.total(),
                msg("order.description", order.number()), buyer.email(), "/orders/" + orderId + "?returned",
                "/orders/" + orderId + "?cancelled", baseUrl));
        jdbc.sql("update purchase_order set payment_ref = ? where id = ? and payment_ref is null").params(checkout.checkoutRef(), orderId).update();
        return new Placement(orderId, order.status(), checkout.redirectUrl());
    }

    private UUID createOrder(CurrentUser buyer, String key) {
        Optional<UUID> existing = jdbc.sql("select id from purchase_order where buyer_id = ? and idempotency_key = ?")
                .params(buyer.id(), key).query(UUID.class).optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        List<Sellable> items = carts.items(new Carts.CartOwner(buyer, null));
        if (items.isEmpty()) {
            throw new DomainException("cart.empty");
        }
        items.forEach(item -> carts.checkBuyable(buyer, item));
        Pricing.Quote quote = pricing.quote(items);
        UUID orderId = UUID.randomUUID();
        int inserted = jdbc.sql("""
                insert into purchase_order (id, buyer_id, status, currency, subtotal_minor, discount_minor, total_minor, fee_minor,
                                            idempotency_key, created_at)
                values (?, ?, 'PENDING', ?, ?, ?, ?, ?, ?, ?) on conflict (buyer_id, idempotency_key) do nothing""")
                .params(orderId, buyer.id(), quote.currency().getCurrencyCode(), quote.subtotal().minor(), quote.discount().minor(),
                        quote.total().minor(), quote.fee().minor(), key, Timestamp.from(Instant.now()))
                .update();
        if (inserted == 0) {
            // a parallel request with the same key won the race: its order is the order
            return jdbc.sql("select id from purchase_order where buyer_id = ? and idempotency_key = ?")
                    .params(buyer.id(), key).query(UUID.class).single();
        }
        int position = 0;
        for (Pricing.QuoteLine line : quote.lines()) {
            jdbc.sql("""
                    insert into order_line (id, order_id, position, kind, ref_id, title, store_id, list_minor, net_minor, fee_minor,
                                            seller_minor, workflow_ids, status)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE')""")
                    .params(UUID.randomUUID(), orderId, position++, line.item().kind().name(), line.item().refId(), line.item().title(),
                            line.item().storeId(), line.list().minor(), line.net().minor(), line.fee().minor(), line.sellerShare().minor(),
                            String.join(",", line.item().workflowIds().stream().map(UUID::toString).toList()))
                    .update();
        }
        auditLog.record(buyer.id(), buyer.email(), "order.placed", "order", orderId, quote.total().toString());
        if (quote.isFree()) {
            markPaid(orderId, "free", 0, quote.currency().getCurrencyCode());
        }
        return orderId;
    }

    /**
     * Marks an order paid and delivers it: access granted, ledger written, sales counted, receipt
     * queued, all in one transaction. The row lock makes a second confirmation (a redelivered
     * webhook, a race with the buyer's redirect) a no-op.
     */
    @Transactional
    public void markPaid(UUID orderId, String checkoutRef, long amountMinor, String currency) {
        OrderView order = lock(orderId).orElseThrow(() -> new NotFoundException("order"));
        if (order.status() == OrderStatus.PAID || order.status() == OrderStatus.REFUNDED) {
            return;
        }
        if (order.total().minor() != amountMinor || !order.total().currency().getCurrencyCode().equals(currency)) {
            log.error("Payment for order {} was {} {} but the order is {}", orderId, amountMinor, currency, order.total());
            auditLog.record(null, "payment", "order.payment-mismatch", "order", orderId, amountMinor + " " + currency);
            return;
        }
        jdbc.sql("update purchase_order set status = 'PAID', paid_at = now(), failure_reason = null, payment_ref = coalesce(payment_ref, ?) where id = ?")
                .params(checkoutRef, orderId).update();
        List<UUID> workflowIds = new ArrayList<>();
        for (LineView line : order.lines()) {
            licensing.grant(order.buyerId(), line.workflowIds(), line.id());
            ledger.recordSale(orderId, line.id(), line.storeId(), line.net().minor(), line.fee().minor(), line.sellerShare().minor(), currency);
            line.workflowIds().forEach(w -> catalog.recordSales(w, 1));
            workflowIds.addAll(line.workflowIds());
        }
        CurrentUser buyer = accounts.find(order.buyerId()).orElseThrow();
        carts.clear(buyer);
        auditLog.record(order.buyerId(), buyer.email(), "order.paid", "order", orderId, order.total().toString());
        sendReceipt(buyer, order);
        events.publishEvent(new OrderPaid(orderId, order.buyerId(), List.copyOf(workflowIds),
                order.lines().stream().map(LineView::storeId).distinct().toList(), amountMinor, currency));
    }

    @Transactional
    public void markFailed(UUID orderId, String reason) {
        int updated = jdbc.sql("update purchase_order set status = 'FAILED', failure_reason = ? where id = ? and status in ('PENDING', 'FAILED')")
                .params(reason == null ? "" : reason.substring(0, Math.min(reason.length(), 300)), orderId).update();
        if (updated > 0) {
            auditLog.record(null, "payment", "order.payment-failed", "order", orderId, reason);
        }
    }

    /**
     * Refunds one order line: by the seller who sold it or by an admin. The money goes back through
     * the processor, the ledger records the reversal, access is revoked and the buyer is told.
     */
    @Transactional
    public void refundLine(CurrentUser actor, UUID lineId) {
        UUID orderId = jdbc.sql("select order_id from order_line where id = ?").param(lineId).query(UUID.class).optional()
                .orElseThrow(() -> new NotFoundException("order line"));
        OrderView order = lock(orderId).orElseThrow();
        LineView line = order.lines().stream().filter(l -> l.id().equals(lineId)).findFirst().orElseThrow();
        boolean seller = stores.findByOwner(actor.id()).map(s -> s.id().equals(line.storeId())).orElse(false);
        if (!seller && !actor.isAdmin()) {
            throw new NotFoundException("order line");
        }
        if (order.status() != OrderStatus.PAID || line.refunded()) {
            throw new DomainException("refund.not-refundable");
        }
        String currency = line.net().currency().getCurrencyCode();
        if (line.net().minor() > 0) {
            payments.refund(order.paymentRef(), line.net(), "refund-" + lineId);
        }
        jdbc.sql("update order_line set status = 'REFUNDED', refunded_at = now() where id = ?").param(lineId).update();
        boolean allRefunded = order.lines().stream().allMatch(l -> l.id().equals(lineId) || l.refunded());
        if (allRefunded) {
            jdbc.sql("update purchase_order set status = 'REFUNDED' where id = ?").param(orderId).update();
        }
        ledger.recordRefund(orderId, lineId, line.storeId(), line.net().minor(), line.fee().minor(), line.sellerShare().minor(), currency);
        licensing.revoke(lineId);
        line.workflowIds().forEach(w -> catalog.recordSales(w, -1));
        CurrentUser buyer = accounts.find(order.buyerId()).orElseThrow();
        auditLog.record(actor.id(), actor.email(), "order.refunded", "order-line", lineId, line.net().toString());
        Locale locale = buyer.preferredLocale();
        mailer.send(new Email(buyer.email(), msg(locale, "mail.refund.subject", order.number()), msg(locale, "mail.greeting", buyer.displayName()),
                List.of(msg(locale, "mail.refund.body", line.title(), line.net().toString()), msg(locale, "mail.refund.access")),
                msg(locale, "mail.receipt.action"), baseUrl + "/orders/" + orderId, msg(locale, "mail.footer")));
        events.publishEvent(new OrderLineRefunded(orderId, lineId, order.buyerId(), line.net().minor(), currency));
    }

    @Transactional(readOnly = true)
    public Optional<OrderView> find(UUID orderId) {
        return read(orderId, false);
    }

    /** The buyer's own order; anyone else's is "not found". */
    @Transactional(readOnly = true)
    public OrderView ofBuyer(CurrentUser buyer, UUID orderId) {
        return read(orderId, false).filter(o -> o.buyerId().equals(buyer.id())).orElseThrow(() -> new NotFoundException("order"));
    }

    @Transactional(readOnly = true)
    public List<OrderView> ofBuyer(CurrentUser buyer) {
        return jdbc.sql("select id from purchase_order where buyer_id = ? order by created_at desc limit 200").param(buyer.id())
                .query(UUID.class).list().stream().flatMap(id -> read(id, false).stream()).toList();
    }

    public record Sale(UUID lineId, UUID orderId, long orderNumber, String buyerName, String title, Money net, Money fee,
                       Money sellerShare, String status, Instant paidAt) {
    }

    @Transactional(readOnly = true)
    public List<Sale> salesOf(CurrentUser seller) {
        var store = stores.findByOwner(seller.id()).orElseThrow(() -> new DomainException("store.none"));
        return jdbc.sql("""
                select l.id as line_id, o.id as order_id, o.number as order_number, a.display_name as buyer_name, l.title,
                       l.net_minor, l.fee_minor, l.seller_minor, o.currency, l.status, o.paid_at
                from order_line l join purchase_order o on o.id = l.order_id join account a on a.id = o.buyer_id
                where l.store_id = ? and o.status in ('PAID', 'REFUNDED')
                order by o.paid_at desc limit 500""")
                .param(store.id())
                .query((rs, row) -> new Sale(rs.getObject("line_id", UUID.class), rs.getObject("order_id", UUID.class),
                        rs.getLong("order_number"), rs.getString("buyer_name"), rs.getString("title"),
                        Money.of(rs.getLong("net_minor"), rs.getString("currency")), Money.of(rs.getLong("fee_minor"), rs.getString("currency")),
                        Money.of(rs.getLong("seller_minor"), rs.getString("currency")), rs.getString("status"),
                        rs.getTimestamp("paid_at") == null ? null : rs.getTimestamp("paid_at").toInstant()))
                .list();
    }

    private Optional<OrderView> lock(UUID orderId) {
        return read(orderId, true);
    }

    private Optional<OrderView> read(UUID orderId, boolean forUpdate) {
        record Row(UUID id, long number, UUID buyerId, String status, String currency, long subtotalMinor, long discountMinor,
                   long totalMinor, Timestamp createdAt, Timestamp paidAt, String failureReason, String paymentRef) {
        }
        return jdbc.sql("select * from purchase_order where id = ?" + (forUpdate ? " for update" : "")).param(orderId)
                .query(Row.class).optional().map(r -> {
                    List<LineView> lines = jdbc.sql("select * from order_line where order_id = ? order by position").param(orderId)
                            .query((rs, n) -> new LineView(rs.getObject("id", UUID.class), Sellable.Kind.valueOf(rs.getString("kind")),
                                    rs.getObject("ref_id", UUID.class), rs.getString("title"), rs.getObject("store_id", UUID.class),
                                    Money.of(rs.getLong("list_minor"), r.currency()), Money.of(rs.getLong("net_minor"), r.currency()),
                                    Money.of(rs.getLong("fee_minor"), r.currency()), Money.of(rs.getLong("seller_minor"), r.currency()),
                                    Arrays.stream(rs.getString("workflow_ids").split(",")).filter(s -> !s.isBlank()).map(UUID::fromString).toList(),
                                    rs.getString("status"), rs.getTimestamp("refunded_at") == null ? null : rs.getTimestamp("refunded_at").toInstant()))
                            .list();
                    return new OrderView(r.id(), r.number(), r.buyerId(), OrderStatus.valueOf(r.status()),
                            Money.of(r.subtotalMinor(), r.currency()), Money.of(r.discountMinor(), r.currency()),
                            Money.of(r.totalMinor(), r.currency()), r.createdAt().toInstant(),
                            r.paidAt() == null ? null : r.paidAt().toInstant(), r.failureReason(), r.paymentRef(), lines);
                });
    }

    private void sendReceipt(CurrentUser buyer, OrderView order) {
        Locale locale = buyer.preferredLocale();
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(msg(locale, "mail.receipt.body", order.number()));
        for (LineView line : order.lines()) {
            paragraphs.add("• " + line.title() + " — " + line.net());
        }
        paragraphs.add(msg(locale, "mail.receipt.total", order.total().toString()));
        paragraphs.add(msg(locale, "mail.receipt.library"));
        mailer.send(new Email(buyer.email(), msg(locale, "mail.receipt.subject", order.number()), msg(locale, "mail.greeting", buyer.displayName()),
                paragraphs, msg(locale, "mail.receipt.action"), baseUrl + "/orders/" + order.id(), msg(locale, "mail.footer")));
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    private String msg(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
