package app.flowmarket.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.flowmarket.account.AccountManagement;
import app.flowmarket.commerce.Carts;
import app.flowmarket.commerce.OrderManagement;
import app.flowmarket.commerce.OrderStatus;
import app.flowmarket.commerce.Sellable;
import app.flowmarket.shared.CurrentUser;
import app.flowmarket.shared.OrderId;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.springframework.stereotype.Component;

/**
 * The demo buyers' orders, placed and paid through commerce like any buyer's: each buyer's cart holds
 * what they bought in one currency, is checked out, and the test processor's confirmation pays it. What
 * a paid order sets off (the buyer's access, the ledger, sales counts, receipts, the sellers' sale
 * notifications) follows as for a real order.
 */
@Component
class DemoSales {

    private final AccountManagement accounts;
    private final Carts carts;
    private final OrderManagement orders;
    @PersistenceContext
    private EntityManager entityManager;

    DemoSales(AccountManagement accounts, Carts carts, OrderManagement orders) {
        this.accounts = accounts;
        this.carts = carts;
        this.orders = orders;
    }

    /** One workflow, the demo buyers who own it, and the currency of its store. */
    record Purchase(List<UUID> buyers, UUID workflowId, String currency) {
    }

    record Result(int orders, int lines) {
    }

    Result buy(List<Purchase> purchases) {
        // buyer → currency → workflows, in the order given
        Map<UUID, Map<String, List<UUID>>> carts = new LinkedHashMap<>();
        for (Purchase purchase : purchases) {
            for (UUID buyer : purchase.buyers()) {
                carts.computeIfAbsent(buyer, b -> new LinkedHashMap<>())
                        .computeIfAbsent(purchase.currency(), c -> new ArrayList<>()).add(purchase.workflowId());
            }
        }
        int placed = 0;
        int lines = 0;
        for (Map.Entry<UUID, Map<String, List<UUID>>> entry : carts.entrySet()) {
            CurrentUser buyer = accounts.find(entry.getKey()).orElseThrow();
            Carts.CartOwner cart = new Carts.CartOwner(buyer, null);
            for (Map.Entry<String, List<UUID>> inCurrency : entry.getValue().entrySet()) {
                List<UUID> workflows = inCurrency.getValue();
                workflows.forEach(id -> this.carts.add(cart, Sellable.Kind.WORKFLOW, id));
                OrderManagement.Placement placement = orders.checkout(buyer, "demo-" + placed, Currency.getInstance(inCurrency.getKey()), null);
                if (placement.status() != OrderStatus.PAID) {
                    OrderManagement.OrderView order = orders.ofBuyer(buyer, placement.orderId());
                    orders.markPaid(OrderId.of(order.id()), order.paymentRef(), order.total().minor(),
                            order.total().currency().getCurrencyCode());
                }
                placed++;
                lines += workflows.size();
                // one transaction for every order, but a small persistence context: each query would re-check every entity
                entityManager.flush();
                entityManager.clear();
            }
        }
        return new Result(placed, lines);
    }
}
