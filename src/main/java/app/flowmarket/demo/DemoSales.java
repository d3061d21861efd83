package app.flowmarket.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import app.flowmarket.account.AccountManagement;
import app.flowmarket.commerce.Carts;
import app.flowmarket.commerce.Coupons;
import app.flowmarket.commerce.IssuedLicences;
import app.flowmarket.commerce.OrderManagement;
import app.flowmarket.commerce.OrderStatus;
import app.flowmarket.commerce.Sellable;
import app.flowmarket.payment.Payments;
import app.flowmarket.shared.Actor;
import app.flowmarket.shared.CurrentUser;
import app.flowmarket.shared.LicenceTier;
import app.flowmarket.shared.OrderId;
import app.flowmarket.shared.WorkflowId;
import jakarta.persistence.EntityManager;
import org.jspecify.annotations.Nullable;
import jakarta.persistence.PersistenceContext;
import org.springframework.stereotype.Component;

/**
 * The demo buyers' orders, placed and paid through commerce like any buyer's: each buyer's cart holds
 * everything they bought, whatever its sellers' currencies, is checked out in the currency of the first
 * (a buyer who shops in two currencies gets a converted order, at the day's rates), and it is paid on its
 * day in the past, at the test processor too, so that refunds and disputes of it go through the processor. Free workflows go straight to the library, as "Get it free" does. What
 * a paid order sets off (the buyer's access, the ledger, sales counts, receipts, the sellers' sale
 * notifications) follows as for a real order.
 */
@Component
class DemoSales {

    private final AccountManagement accounts;
    private final Carts carts;
    private final OrderManagement orders;
    private final Coupons coupons;
    private final Payments payments;
    private final IssuedLicences licences;
    @PersistenceContext
    @SuppressWarnings("NullAway.Init") // injected by the container after construction
    private EntityManager entityManager;

    DemoSales(AccountManagement accounts, Carts carts, OrderManagement orders, Coupons coupons, Payments payments, IssuedLicences licences) {
        this.coupons = coupons;
        this.licences = licences;
        this.payments = payments;
        this.accounts = accounts;
        this.carts = carts;
        this.orders = orders;
    }

    /** One workflow, the demo buyers who own it, the currency of its store, when it went public and whether it is free. */
    record Purchase(List<UUID> buyers, UUID workflowId, String currency, Instant published, boolean free) {
    }

    /** The orders placed, the workflows bought, and the order whose licence the demo's upgrade raised (no chargeback takes it back). */
    record Result(int orders, int lines, @Nullable UUID upgraded) {

        int upgrades() {
            return upgraded == null ? 0 : 1;
        }
    }

    /** A demo order paid through the checkout: whose, which, and when it was paid. */
    private record PaidOrder(CurrentUser buyer, UUID orderId, Instant paidAt, String country) {
    }

    Result buy(List<Purchase> purchases) {
        // buyer → the currency of their first purchase, and everything they bought, in the order given
        Map<UUID, String> currencies = new LinkedHashMap<>();
        Map<UUID, List<UUID>> bought = new LinkedHashMap<>();
        Set<UUID> free = new HashSet<>();
        // each buyer's order was paid the day after the last of its workflows went public, or this week
        Map<UUID, Instant> lastPublished = new LinkedHashMap<>();
        for (Purchase purchase : purchases) {
            for (UUID buyer : purchase.buyers()) {
                currencies.putIfAbsent(buyer, purchase.currency());
                if (purchase.free()) {
                    free.add(purchase.workflowId());
                }
                bought.computeIfAbsent(buyer, b -> new ArrayList<>()).add(purchase.workflowId());
                lastPublished.merge(buyer, purchase.published(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        Instant now = Instant.now();
        // --- licence tiers: the demo buyer (else the first buyer who can) buys a team licence of the first workflow that sells one
        @Nullable UUID teamBuyer = null;
        @Nullable UUID teamWorkflow = null;
        for (Map.Entry<UUID, List<UUID>> entry : bought.entrySet()) {
            boolean demoBuyer = accounts.find(entry.getKey()).map(u -> DemoData.BUYER.equals(u.email())).orElse(false);
            if (teamBuyer != null && !demoBuyer) {
                continue;
            }
            var tiered = entry.getValue().stream().filter(this::sellsTeamLicences).findFirst();
            if (tiered.isPresent()) {
                teamBuyer = entry.getKey();
                teamWorkflow = tiered.get();
                if (demoBuyer) {
                    break;
                }
            }
        }
        // --- end of licence tiers
        int placed = 0;
        int lines = 0;
        int buyers = 0;
        List<PaidOrder> paidOrders = new ArrayList<>();
        for (Map.Entry<UUID, List<UUID>> entry : bought.entrySet()) {
            boolean recent = buyers++ % 3 == 2;
            CurrentUser buyer = accounts.find(entry.getKey()).orElseThrow();
            Carts.CartOwner cart = new Carts.CartOwner(buyer.account(), null);
            // the paid ones go into the cart together, in the order bought
            java.util.SequencedMap<UUID, LicenceTier> inCart = new LinkedHashMap<>();
            for (UUID id : entry.getValue()) {
                if (free.contains(id)) {
                    orders.getFree(buyer.actor(), WorkflowId.of(id));
                } else {
                    inCart.put(id, entry.getKey().equals(teamBuyer) && id.equals(teamWorkflow) ? LicenceTier.TEAM : LicenceTier.SINGLE);
                }
                lines++;
            }
            if (!inCart.isEmpty()) {
                carts.addAll(cart, inCart);
                Instant last = Objects.requireNonNull(lastPublished.get(entry.getKey()));
                // one buyer in three bought this week, so some of the sellers' money is still held for refunds
                Instant paidAt = recent
                        ? now.minus(Duration.ofDays(2 + buyers % 5)).minus(Duration.ofMinutes(37L * buyers))
                        : last.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(37L * buyers));
                Instant earliest = last.plus(Duration.ofHours(1));
                paidAt = paidAt.isBefore(earliest) ? earliest : paidAt;
                if (!paidAt.isBefore(DemoPricing.welcomeStarts(now))) {
                    // this week's buyers typed the demo seller's welcome code (it takes nothing off other stores' lines)
                    coupons.apply(cart, DemoPricing.WELCOME_CODE);
                }
                // where they live, by the currency they pay in; every other buyer lets the sellers have their address
                String currency = Objects.requireNonNull(currencies.get(entry.getKey()));
                String country = switch (currency) {
                    case "EUR" -> List.of("FR", "DE", "ES", "NL").get(buyers % 4);
                    case "GBP" -> "GB";
                    default -> buyers % 5 == 0 ? "CA" : "US";
                };
                OrderManagement.Placement placement = orders.checkout(buyer.actor(), "demo-" + placed, Currency.getInstance(currency), null, null,
                        new OrderManagement.BuyerDetails(country, buyers % 2 == 0));
                if (placement.status() != OrderStatus.PAID) {
                    OrderManagement.OrderView order = orders.ofBuyer(buyer.actor(), placement.orderId());
                    Instant latest = now.minus(Duration.ofHours(2));
                    Instant paid = paidAt.isAfter(latest) ? latest : paidAt;
                    payInThePast(order, paid);
                    paidOrders.add(new PaidOrder(buyer, placement.orderId(), paid, country));
                }
                placed++;
            }
            // one transaction for every order, but a small persistence context: each query would re-check every entity
            entityManager.flush();
            entityManager.clear();
        }
        @Nullable UUID upgraded = upgradeOne(paidOrders, teamBuyer, now);
        return new Result(upgraded == null ? placed : placed + 1, lines, upgraded);
    }

    /**
     * Pays the order through the checkout that was opened for it, in the past: the sellers' money is payable once the
     * refund window has passed since then, as it would be for orders made here back then; and at the test processor, so
     * that the demo's refunds and disputes go through it as today's would.
     */
    private void payInThePast(OrderManagement.OrderView order, Instant paid) {
        String checkoutRef = Objects.requireNonNull(order.paymentRef());
        orders.importPayment(OrderId.of(order.id()), checkoutRef, paid);
        payments.recordPastPayment(checkoutRef, paid);
    }

    private boolean sellsTeamLicences(UUID workflowId) {
        return carts.resolve(Sellable.Kind.WORKFLOW, workflowId).map(i -> i.tiers().contains(LicenceTier.TEAM)).orElse(false);
    }

    /**
     * One buyer raises a single licence to a team licence after buying it (three days ago, or a day after the purchase if
     * that is later), paying the difference (README, "Licence upgrades refunded, seat notifications"): the seller is told
     * of an upgrade, not of a new sale, and the licence keeps its key at its new tier. Not the buyer who already holds a
     * team licence. Returns the order whose licence was raised (none when no single licence of a workflow sold at the team
     * tier was bought).
     */
    private @Nullable UUID upgradeOne(List<PaidOrder> paidOrders, @Nullable UUID teamBuyer, Instant now) {
        for (PaidOrder paid : paidOrders) {
            if (paid.buyer().id().equals(teamBuyer)) {
                continue;
            }
            OrderManagement.OrderView order = orders.ofBuyer(paid.buyer().actor(), paid.orderId());
            for (OrderManagement.LineView line : order.lines()) {
                if (line.kind() != Sellable.Kind.WORKFLOW || line.tier() != LicenceTier.SINGLE || !sellsTeamLicences(line.refId())) {
                    continue;
                }
                var held = licences.heldFor(paid.buyer().account(), line.id());
                if (held.isEmpty()) {
                    continue;
                }
                carts.upgrade(paid.buyer().account(), held.get().key(), LicenceTier.TEAM);
                OrderManagement.Placement placement = orders.checkout(paid.buyer().actor(), "demo-upgrade", order.total().currency(), null, null,
                        new OrderManagement.BuyerDetails(paid.country(), false));
                if (placement.status() != OrderStatus.PAID) {
                    // three days ago, or a day after the licence was bought if that is later
                    Instant upgradedAt = paid.paidAt().plus(Duration.ofDays(1));
                    upgradedAt = upgradedAt.isBefore(now.minus(Duration.ofDays(3))) ? now.minus(Duration.ofDays(3)) : upgradedAt;
                    Instant latest = now.minus(Duration.ofHours(1));
                    upgradedAt = upgradedAt.isAfter(latest) ? latest : upgradedAt;
                    payInThePast(orders.ofBuyer(paid.buyer().actor(), placement.orderId()), upgradedAt);
                }
                return paid.orderId();
            }
        }
        return null;
    }
    /**
     * Two of the demo seller's orders disputed by their buyers' banks (README, "Payouts"): one still open, its money taken
     * from the seller's balance; one lost, its money kept by the buyer and their access ended. Orders paid three weeks ago
     * and more, so the chargebacks weigh on money that is payable; never Bruno's (the demo buyer's library stays whole), nor the
     * order whose licence was upgraded ({@code upgraded}).
     * Returns the names of the buyers whose dispute was lost: they no longer own what they bought, so they write no review.
     */
    Set<String> chargebacks(Actor seller, Instant now, @Nullable UUID upgraded) {
        Set<String> lost = new HashSet<>();
        List<OrderManagement.Sale> disputable = orders.salesOf(seller).stream()
                .filter(s -> !s.free() && "ACTIVE".equals(s.status()) && !"Bruno Buyer".equals(s.buyerName()) && !s.orderId().equals(upgraded)
                        && s.paidAt() != null && s.paidAt().isBefore(now.minus(Duration.ofDays(21))))
                .toList();
        List<UUID> orderIds = disputable.stream().map(OrderManagement.Sale::orderId).distinct().limit(2).toList();
        for (int i = 0; i < orderIds.size(); i++) {
            UUID orderId = orderIds.get(i);
            OrderManagement.Sale sale = disputable.stream().filter(s -> s.orderId().equals(orderId)).findFirst().orElseThrow();
            Currency currency = sale.charged().currency();
            // the processor's dispute fee: 15 in the payment's currency
            long fee = 15 * (long) Math.pow(10, Math.max(0, currency.getDefaultFractionDigits()));
            Instant paidAt = Objects.requireNonNull(sale.paidAt());
            // at the processor too, under the same id: an admin decides the open one from the test processor's dashboard
            if (i == 0) {
                String dispute = "dp_demo_open_" + sale.orderNumber();
                orders.importDispute(OrderId.of(orderId), dispute, fee, now.minus(Duration.ofDays(3)), null, null);
                payments.recordPastDispute(orderId, dispute, fee, now.minus(Duration.ofDays(3)), null, null);
            } else {
                String dispute = "dp_demo_lost_" + sale.orderNumber();
                orders.importDispute(OrderId.of(orderId), dispute, fee, paidAt.plus(Duration.ofDays(6)), false, now.minus(Duration.ofDays(4)));
                payments.recordPastDispute(orderId, dispute, fee, paidAt.plus(Duration.ofDays(6)), false, now.minus(Duration.ofDays(4)));
                lost.add(sale.buyerName());
            }
        }
        return lost;
    }
}
