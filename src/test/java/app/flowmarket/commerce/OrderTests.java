package app.flowmarket.commerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import app.flowmarket.shared.AccountId;
import app.flowmarket.shared.DomainException;
import app.flowmarket.shared.Money;
import app.flowmarket.shared.StoreId;
import app.flowmarket.shared.WorkflowId;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

class OrderTests {

    final Pricing pricing = TestPricing.pricing(1000);
    final AccountId buyer = AccountId.of(UUID.randomUUID());
    final Instant now = Instant.parse("2025-05-01T10:00:00Z");

    /** A placed order as saved: its CheckoutStarted already published (the repository clears events on save). */
    Order orderOf(long... prices) {
        Order order = placed(prices);
        ReflectionTestUtils.invokeMethod(order, "clearDomainEvents");
        return order;
    }

    Order placed(long... prices) {
        List<Sellable> items = java.util.Arrays.stream(prices).mapToObj(p -> PricingTests.workflow(p, "USD")).toList();
        return Order.place(buyer, "key", pricing.quote(items), now, now.plusSeconds(3600));
    }

    @Test
    void placingAnOrderRaisesCheckoutStartedWithEachItemAndItsStore() {
        Order order = placed(2000, 999);

        assertThat(events(order)).singleElement().isInstanceOfSatisfying(CheckoutStarted.class, started -> {
            assertThat(started.orderId()).isEqualTo(order.id());
            assertThat(started.items()).extracting(CheckoutStarted.Item::kind).containsOnly(Sellable.Kind.WORKFLOW);
            assertThat(started.items()).extracting(i -> i.storeId()).doesNotContainNull().hasSize(2);
        });
    }

    static List<Object> events(Order order) {
        Collection<?> events = ReflectionTestUtils.invokeMethod(order, "domainEvents");
        return List.copyOf(events);
    }

    @Test
    void isPaidOnceAndRaisesOrderPaidWithEveryLine() {
        Order order = orderOf(2000, 999);

        order.markPaid(Money.of(2999, "USD"), "cs_1", now);

        assertThat(order.status()).isEqualTo(OrderStatus.PAID);
        assertThat(order.paymentRef()).isEqualTo("cs_1");
        assertThat(events(order)).singleElement().isInstanceOfSatisfying(OrderPaid.class, paid -> {
            assertThat(paid.orderId()).isEqualTo(order.id());
            assertThat(paid.buyerId()).isEqualTo(buyer);
            assertThat(paid.total()).isEqualTo(Money.of(2999, "USD"));
            assertThat(paid.paidAt()).isEqualTo(now);
            assertThat(paid.lines()).extracting(OrderPaid.Line::net).containsExactly(Money.of(2000, "USD"), Money.of(999, "USD"));
            assertThat(paid.lines()).extracting(OrderPaid.Line::fee).containsExactly(Money.of(200, "USD"), Money.of(100, "USD"));
            assertThat(paid.lines()).extracting(OrderPaid.Line::sellerShare).containsExactly(Money.of(1800, "USD"), Money.of(899, "USD"));
            assertThat(paid.workflowIds()).hasSize(2);
            assertThat(paid.storeIds()).hasSize(2);
        });
        assertThatThrownBy(() -> order.markPaid(Money.of(2999, "USD"), "cs_2", now))
                .isInstanceOf(DomainException.class).hasMessage("order.already-paid");
        assertThat(events(order)).hasSize(1);
    }

    @Test
    void refusesAPaymentOfAnotherAmountOrCurrency() {
        Order order = orderOf(2000);

        assertThatThrownBy(() -> order.markPaid(Money.of(1999, "USD"), "cs_1", now)).hasMessage("order.payment-mismatch");
        assertThatThrownBy(() -> order.markPaid(Money.of(2000, "EUR"), "cs_1", now)).hasMessage("order.payment-mismatch");

        assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(events(order)).isEmpty();
    }

    @Test
    void aRefusedAttemptCanBeFollowedByAPaymentButAPaidOrderNeverFails() {
        Order order = orderOf(500);

        order.markFailed("Your card was declined.");
        assertThat(order.status()).isEqualTo(OrderStatus.FAILED);
        order.markPaid(Money.of(500, "USD"), "cs_1", now);

        assertThat(order.toView(now).failureReason()).isNull();
        assertThatThrownBy(() -> order.markFailed("late")).hasMessage("order.already-paid");
        assertThat(order.status()).isEqualTo(OrderStatus.PAID);
    }

    @Test
    void theCheckoutThatPaidIsTheOrdersPaymentReference() {
        Order order = orderOf(500);

        order.checkoutOpened("cs_first");
        assertThat(order.paymentRef()).isEqualTo("cs_first");
        order.markFailed("declined");
        order.checkoutOpened("cs_second");
        order.markPaid(Money.of(500, "USD"), "cs_second", now);

        assertThat(order.paymentRef()).isEqualTo("cs_second");
        assertThatThrownBy(() -> order.checkoutOpened("cs_third")).hasMessage("order.not-open");
    }

    @Test
    void anOpenOrderCanBeCancelledOnceAndThenNeitherFailsNorOpensACheckout() {
        Order order = orderOf(500);

        order.cancel(now);

        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThatThrownBy(() -> order.cancel(now)).hasMessage("order.not-open");
        assertThatThrownBy(() -> order.markFailed("late")).hasMessage("order.not-open");
        assertThatThrownBy(() -> order.checkoutOpened("cs_1")).hasMessage("order.not-open");
        assertThat(events(order)).isEmpty();
    }

    @Test
    void expiresOnlyOnceItsTimeIsUpAndShowsAsExpiredFromThatMoment() {
        Order order = orderOf(500);
        Instant before = now.plusSeconds(3599);
        Instant after = now.plusSeconds(3600);

        assertThat(order.isOverdue(before)).isFalse();
        assertThatThrownBy(() -> order.expire(before)).hasMessage("order.not-open");
        assertThat(order.toView(before).status()).isEqualTo(OrderStatus.PENDING);
        assertThat(order.toView(after).status()).isEqualTo(OrderStatus.EXPIRED);

        order.expire(after);

        assertThat(order.status()).isEqualTo(OrderStatus.EXPIRED);
        assertThat(order.toView(after).closedAt()).isEqualTo(after);
        assertThatThrownBy(() -> order.expire(after)).hasMessage("order.not-open");
    }

    @Test
    void aLatePaymentOfAClosedOrderPaysItOnce() {
        Order order = orderOf(500);
        order.expire(now.plusSeconds(3600));

        order.markPaid(Money.of(500, "USD"), "cs_1", now.plusSeconds(3601));

        assertThat(order.status()).isEqualTo(OrderStatus.PAID);
        assertThat(events(order)).singleElement().isInstanceOf(OrderPaid.class);
        assertThatThrownBy(() -> order.markPaid(Money.of(500, "USD"), "cs_1", now)).hasMessage("order.already-paid");
    }

    @Test
    void aReturnedPaymentCancelsAnOpenOrderGrantsNothingAndIsRemembered() {
        Order open = orderOf(500);
        Order expired = orderOf(500);
        expired.expire(now.plusSeconds(3600));

        open.paymentReturned("cs_1", "already owned", now);
        expired.paymentReturned("cs_2", "already owned", now);

        assertThat(open.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(expired.status()).isEqualTo(OrderStatus.EXPIRED);
        assertThat(open.toView(now).paymentReturned()).isTrue();
        assertThat(open.paymentRef()).isEqualTo("cs_1");
        assertThat(events(open)).isEmpty();
        assertThat(events(expired)).isEmpty();
    }

    @Test
    void isRefundedLineByLineAndAsAWholeWithItsLastLine() {
        Order order = orderOf(2000, 1000);
        order.markPaid(Money.of(3000, "USD"), "cs_1", now);
        List<OrderLine> lines = order.lines();

        order.refundLine(lines.get(1).id(), now);

        assertThat(order.status()).isEqualTo(OrderStatus.PAID);
        assertThatThrownBy(() -> order.refundLine(lines.get(1).id(), now)).hasMessage("refund.not-refundable");
        order.refundLine(lines.get(0).id(), now);
        assertThat(order.status()).isEqualTo(OrderStatus.REFUNDED);
        assertThatThrownBy(() -> order.refundLine(lines.get(0).id(), now)).hasMessage("refund.not-refundable");

        List<OrderLineRefunded> refunds = events(order).stream().filter(OrderLineRefunded.class::isInstance).map(OrderLineRefunded.class::cast).toList();
        assertThat(refunds).extracting(r -> r.line().lineId()).containsExactly(lines.get(1).id(), lines.get(0).id());
        assertThat(refunds).extracting(OrderLineRefunded::orderRefunded).containsExactly(false, true);
        assertThat(refunds.get(0).line().net()).isEqualTo(Money.of(1000, "USD"));
        assertThat(order.toView(now).lines()).allMatch(OrderManagement.LineView::refunded);
    }

    @Test
    void anUnpaidOrderHasNothingToRefund() {
        Order order = orderOf(2000);
        UUID line = order.lines().get(0).id();

        assertThatThrownBy(() -> order.refundLine(line, now)).isInstanceOf(DomainException.class).hasMessage("refund.not-refundable");
        order.markFailed("declined");
        assertThatThrownBy(() -> order.refundLine(line, now)).hasMessage("refund.not-refundable");
        assertThat(events(order)).isEmpty();
    }

    @Test
    void aBundleLineCarriesEachOfItsWorkflowsAndItsStore() {
        UUID store = UUID.randomUUID();
        List<UUID> workflows = List.of(UUID.randomUUID(), UUID.randomUUID());
        Sellable bundle = new Sellable(Sellable.Kind.BUNDLE, UUID.randomUUID(), "Duo", "duo", store, Money.of(4000, "USD"), workflows);
        Order order = Order.place(buyer, "key", pricing.quote(List.of(bundle)), now, now.plusSeconds(3600));

        order.markPaid(Money.of(4000, "USD"), "cs_1", now);

        OrderPaid paid = events(order).stream().filter(OrderPaid.class::isInstance).map(OrderPaid.class::cast).findFirst().orElseThrow();
        assertThat(paid.lines()).singleElement().satisfies(line -> {
            assertThat(line.kind()).isEqualTo(Sellable.Kind.BUNDLE);
            assertThat(line.title()).isEqualTo("Duo");
            assertThat(line.storeId()).isEqualTo(StoreId.of(store));
            assertThat(line.workflowIds()).containsExactly(WorkflowId.of(workflows.get(0)), WorkflowId.of(workflows.get(1)));
        });
    }
}
