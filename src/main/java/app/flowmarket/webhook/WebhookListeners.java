package app.flowmarket.webhook;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import app.flowmarket.catalog.CatalogManagement;
import app.flowmarket.commerce.OrderDisputeClosed;
import app.flowmarket.commerce.OrderDisputed;
import app.flowmarket.commerce.OrderLineRefunded;
import app.flowmarket.commerce.OrderPaid;
import app.flowmarket.payout.PayoutSent;
import app.flowmarket.qa.QuestionAsked;
import app.flowmarket.review.ReviewPosted;
import app.flowmarket.shared.Money;
import app.flowmarket.shared.OrderId;
import app.flowmarket.shared.StoreId;
import app.flowmarket.shared.WorkflowId;
import app.flowmarket.store.StoreManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns other modules' events into webhook messages for the sellers concerned. Payloads carry ids, titles and
 * amounts the seller already sees in their dashboard, never the buyer's name or address.
 */
@Component
class WebhookListeners {

    private final Webhooks webhooks;
    private final StoreManagement stores;
    private final CatalogManagement catalog;

    WebhookListeners(Webhooks webhooks, StoreManagement stores, CatalogManagement catalog) {
        this.webhooks = webhooks;
        this.stores = stores;
        this.catalog = catalog;
    }

    @ApplicationModuleListener
    void on(OrderPaid event) {
        Map<StoreId, List<OrderPaid.Line>> byStore = event.lines().stream()
                .collect(Collectors.groupingBy(OrderPaid.Line::storeId, LinkedHashMap::new, Collectors.toList()));
        byStore.forEach((store, lines) -> owner(store.value()).ifPresent(owner -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("orderId", event.orderId().value().toString());
            data.put("orderNumber", event.orderNumber());
            data.put("paidAt", event.paidAt().toString());
            data.put("lines", lines.stream().map(WebhookListeners::line).toList());
            webhooks.enqueue(owner, WebhookEvent.ORDER_PAID, event.paidAt(), data);
        }));
    }

    @ApplicationModuleListener
    void on(OrderLineRefunded event) {
        owner(event.line().storeId().value()).ifPresent(owner -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("orderId", event.orderId().value().toString());
            data.put("orderNumber", event.orderNumber());
            data.put("line", line(event.line()));
            webhooks.enqueue(owner, WebhookEvent.ORDER_REFUNDED, java.time.Instant.now(), data);
        });
    }

    /** A buyer's bank disputed a payment: each seller concerned learns what is taken from their balance while it lasts. */
    @ApplicationModuleListener
    void on(OrderDisputed event) {
        chargeback(WebhookEvent.CHARGEBACK_OPENED, event.orderId(), event.orderNumber(), event.lines(), event.byStore(), event.at(), null);
    }

    /** The dispute closed: won, the money and the fee come back; lost, they stay taken. */
    @ApplicationModuleListener
    void on(OrderDisputeClosed event) {
        chargeback(WebhookEvent.CHARGEBACK_CLOSED, event.orderId(), event.orderNumber(), event.lines(), event.byStore(), event.at(), event.won());
    }

    private void chargeback(WebhookEvent type, OrderId orderId, long orderNumber, List<OrderPaid.Line> lines,
                            List<OrderDisputed.StoreShare> shares, java.time.Instant at, @Nullable Boolean won) {
        for (OrderDisputed.StoreShare share : shares) {
            owner(share.storeId().value()).ifPresent(owner -> {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("orderId", orderId.value().toString());
                data.put("orderNumber", orderNumber);
                data.put("lines", lines.stream().filter(line -> line.storeId().equals(share.storeId())).map(WebhookListeners::line).toList());
                data.put("taken", money(share.taken()));
                data.put("disputeFee", money(share.fee()));
                if (won != null) {
                    data.put("outcome", won ? "won" : "lost");
                }
                data.put(won == null ? "openedAt" : "closedAt", at.toString());
                webhooks.enqueue(owner, type, at, data);
            });
        }
    }

    @ApplicationModuleListener
    void on(ReviewPosted event) {
        if (!event.firstTime()) {
            return;
        }
        workflowOwner(event.workflowId()).ifPresent(owner -> webhooks.enqueue(owner, WebhookEvent.REVIEW_CREATED, java.time.Instant.now(), Map.of(
                "reviewId", event.reviewId().toString(), "workflowId", event.workflowId().toString(), "rating", event.rating())));
    }

    @ApplicationModuleListener
    void on(QuestionAsked event) {
        workflowOwner(event.workflowId()).ifPresent(owner -> webhooks.enqueue(owner, WebhookEvent.QUESTION_CREATED, java.time.Instant.now(), Map.of(
                "questionId", event.questionId().toString(), "workflowId", event.workflowId().toString())));
    }

    @ApplicationModuleListener
    void on(PayoutSent event) {
        owner(event.storeId().value()).ifPresent(owner -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("payoutId", event.payoutId().toString());
            data.put("amount", money(event.amount()));
            data.put("reference", event.reference());
            data.put("sentAt", event.sentAt().toString());
            webhooks.enqueue(owner, WebhookEvent.PAYOUT_SENT, event.sentAt(), data);
        });
    }

    private static Map<String, Object> line(OrderPaid.Line line) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("lineId", line.lineId().toString());
        data.put("kind", line.kind().name().toLowerCase(java.util.Locale.ROOT));
        data.put("itemId", line.refId().toString());
        data.put("title", line.title());
        data.put("net", money(line.net()));
        data.put("fee", money(line.fee()));
        data.put("sellerShare", money(line.sellerShare()));
        // the licence sold, and for an upgrade of a licence sold before, the order line of that licence (no new sale)
        data.put("tier", line.tier().name().toLowerCase(java.util.Locale.ROOT));
        data.put("upgradeOf", line.upgradeOf() == null ? null : line.upgradeOf().toString());
        return data;
    }

    private static Map<String, Object> money(Money money) {
        return Map.of("amountMinor", money.minor(), "currency", money.currency().getCurrencyCode());
    }

    private Optional<UUID> owner(UUID storeId) {
        return stores.find(StoreId.of(storeId)).map(StoreManagement.StoreView::ownerId);
    }

    private Optional<UUID> workflowOwner(UUID workflowId) {
        return catalog.purchasable(WorkflowId.of(workflowId)).flatMap(w -> owner(w.storeId()));
    }
}
