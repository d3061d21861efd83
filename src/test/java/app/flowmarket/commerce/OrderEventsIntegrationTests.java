package app.flowmarket.commerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import app.flowmarket.IntegrationTest;
import app.flowmarket.account.AccountManagement;
import app.flowmarket.shared.AccountId;
import app.flowmarket.shared.Money;
import app.flowmarket.shared.OrderId;
import app.flowmarket.shared.StoreId;
import app.flowmarket.shared.WorkflowId;
import app.flowmarket.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventSerializer;

@IntegrationTest
class OrderEventsIntegrationTests {

    @Autowired
    EventSerializer serializer;

    @Autowired
    OrderMails orderMails;

    @Autowired
    AccountManagement accounts;

    @Autowired
    JdbcClient jdbc;

    static OrderPaid.Line line() {
        return new OrderPaid.Line(UUID.randomUUID(), Sellable.Kind.BUNDLE, UUID.randomUUID(), "Duo", StoreId.of(UUID.randomUUID()),
                List.of(WorkflowId.of(UUID.randomUUID()), WorkflowId.of(UUID.randomUUID())),
                Money.of(4000, "EUR"), Money.of(400, "EUR"), Money.of(3600, "EUR"), Money.of(4640, "USD"), new java.math.BigDecimal("1.16"));
    }

    List<String> subjectsTo(String email) {
        return jdbc.sql("select subject from mail_outbox where recipient = ?").param(email).query(String.class).list();
    }

    @Test
    void orderEventsSurviveTheEventPublicationRegistry() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        OrderPaid paid = new OrderPaid(OrderId.of(UUID.randomUUID()), 42, AccountId.of(UUID.randomUUID()), List.of(line(), line()),
                Money.of(9280, "USD"), now, java.time.LocalDate.of(2026, 11, 20));
        OrderLineRefunded refunded = new OrderLineRefunded(paid.orderId(), 42, paid.buyerId(), paid.lines().get(0), false, now);

        assertThat(serializer.deserialize(serializer.serialize(paid), OrderPaid.class)).isEqualTo(paid);
        assertThat(serializer.deserialize(serializer.serialize(refunded), OrderLineRefunded.class)).isEqualTo(refunded);
    }

    @Test
    void aRedeliveredOrderEventQueuesItsMailOnce() {
        String email = Fixtures.uniqueEmail("redelivered");
        UUID buyerId = accounts.createVerified(email, Fixtures.PASSWORD, "Rita Redelivered");
        OrderPaid paid = new OrderPaid(OrderId.of(UUID.randomUUID()), 7, AccountId.of(buyerId), List.of(line()), Money.of(4640, "USD"), Instant.now(),
                java.time.LocalDate.of(2026, 11, 20));
        OrderLineRefunded refunded = new OrderLineRefunded(paid.orderId(), 7, paid.buyerId(), paid.lines().get(0), true, Instant.now());

        // the listeners run asynchronously, like a delivery and a redelivery racing each other
        orderMails.on(paid);
        orderMails.on(paid);
        orderMails.on(refunded);
        orderMails.on(refunded);

        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(10)).until(() -> subjectsTo(email).size() == 2);
        assertThat(subjectsTo(email)).containsExactlyInAnyOrder("Your Flowmarket receipt for order 7", "Refund for order 7");
    }
}
