package app.flowmarket.payment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import app.flowmarket.shared.Money;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Stripe adapter against a local HTTP stub of Stripe's API: the requests it makes and the webhooks it trusts. */
class StripePaymentGatewayTests {

    static final String KEY = "sk_test_flowmarket";
    static final String WEBHOOK_SECRET = "whsec_stripe_test";

    WireMockServer stripe;
    StripePaymentGateway gateway;

    @BeforeEach
    void start() {
        stripe = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        stripe.start();
        gateway = new StripePaymentGateway(new PaymentSettings.Stripe("http://127.0.0.1:" + stripe.port(), KEY, WEBHOOK_SECRET),
                Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        stripe.stop();
    }

    @Test
    void opensACheckoutSessionForTheOrderThatExpiresWithIt() {
        UUID orderId = UUID.randomUUID();
        stripe.stubFor(post("/v1/checkout/sessions").willReturn(aResponse().withStatus(200)
                .withBody("{\"id\": \"cs_test_123\", \"url\": \"https://checkout.stripe.com/c/pay/cs_test_123\"}")));
        Instant orderExpires = Instant.now().plusSeconds(3600);

        PaymentGateway.HostedCheckout checkout = gateway.openCheckout(new PaymentGateway.CheckoutRequest(orderId, Money.of(1999, "EUR"),
                "Flowmarket order 7", "buyer@example.test", "/orders/" + orderId + "?returned", "/orders/" + orderId, "https://shop.example",
                orderExpires), "checkout-" + orderId);

        assertThat(checkout.checkoutRef()).isEqualTo("cs_test_123");
        assertThat(checkout.redirectUrl()).isEqualTo("https://checkout.stripe.com/c/pay/cs_test_123");
        stripe.verify(postRequestedFor(urlEqualTo("/v1/checkout/sessions"))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withHeader("Idempotency-Key", equalTo("checkout-" + orderId))
                .withRequestBody(containing("mode=payment"))
                .withRequestBody(containing("client_reference_id=" + orderId))
                .withRequestBody(containing("line_items%5B0%5D%5Bprice_data%5D%5Bunit_amount%5D=1999"))
                .withRequestBody(containing("line_items%5B0%5D%5Bprice_data%5D%5Bcurrency%5D=eur"))
                .withRequestBody(containing("success_url=https%3A%2F%2Fshop.example%2Forders%2F" + orderId))
                .withRequestBody(containing("expires_at=" + orderExpires.getEpochSecond())));
    }

    @Test
    void aSessionNeverExpiresSoonerThanStripeAllows() {
        stripe.stubFor(post("/v1/checkout/sessions").willReturn(aResponse().withStatus(200).withBody("{\"id\": \"cs_1\", \"url\": \"u\"}")));
        Instant now = Instant.now();

        gateway.openCheckout(new PaymentGateway.CheckoutRequest(UUID.randomUUID(), Money.of(100, "USD"), "x", "b@example.test", "/s", "/c",
                "https://shop.example", now.plusSeconds(60)), "k");

        String body = stripe.getAllServeEvents().get(0).getRequest().getBodyAsString();
        long expiresAt = Long.parseLong(body.replaceAll(".*expires_at=(\\d+).*", "$1"));
        assertThat(expiresAt).isGreaterThanOrEqualTo(now.plusSeconds(30 * 60).getEpochSecond());
    }

    @Test
    void aSessionIsPayableWhileOpenAndIsExpiredAtStripeWhenItsOrderCloses() {
        stripe.stubFor(get("/v1/checkout/sessions/cs_open").willReturn(aResponse().withStatus(200)
                .withBody("{\"id\": \"cs_open\", \"status\": \"open\", \"url\": \"https://checkout.stripe.com/c/pay/cs_open\"}")));
        stripe.stubFor(get("/v1/checkout/sessions/cs_done").willReturn(aResponse().withStatus(200)
                .withBody("{\"id\": \"cs_done\", \"status\": \"complete\", \"url\": null}")));
        stripe.stubFor(post("/v1/checkout/sessions/cs_open/expire").willReturn(aResponse().withStatus(200).withBody("{\"id\": \"cs_open\"}")));
        stripe.stubFor(post("/v1/checkout/sessions/cs_done/expire").willReturn(aResponse().withStatus(400)
                .withBody("{\"error\": {\"message\": \"Only Checkout Sessions with a status of open can be expired.\"}}")));

        assertThat(gateway.checkoutState("cs_open")).isEqualTo(new PaymentGateway.CheckoutState(PaymentGateway.CheckoutState.Status.OPEN,
                "https://checkout.stripe.com/c/pay/cs_open"));
        assertThat(gateway.checkoutState("cs_done").status()).isEqualTo(PaymentGateway.CheckoutState.Status.COMPLETE);
        gateway.expireCheckout("cs_open");
        gateway.expireCheckout("cs_done");

        stripe.verify(postRequestedFor(urlEqualTo("/v1/checkout/sessions/cs_open/expire")).withHeader("Authorization", equalTo("Bearer " + KEY)));
    }

    @Test
    void refundsAgainstTheSessionsPaymentIntent() {
        stripe.stubFor(get("/v1/checkout/sessions/cs_test_9").willReturn(aResponse().withStatus(200)
                .withBody("{\"id\": \"cs_test_9\", \"payment_intent\": \"pi_42\"}")));
        stripe.stubFor(post("/v1/refunds").willReturn(aResponse().withStatus(200).withBody("{\"id\": \"re_1\"}")));

        String refund = gateway.refund("cs_test_9", Money.of(500, "USD"), "refund-line-1");

        assertThat(refund).isEqualTo("re_1");
        stripe.verify(postRequestedFor(urlEqualTo("/v1/refunds"))
                .withHeader("Idempotency-Key", equalTo("refund-line-1"))
                .withRequestBody(containing("payment_intent=pi_42"))
                .withRequestBody(containing("amount=500")));
    }

    @Test
    void stripeErrorsBecomeFailuresWithoutTheSecretKey() {
        stripe.stubFor(post("/v1/checkout/sessions").willReturn(aResponse().withStatus(402)
                .withBody("{\"error\": {\"message\": \"Your account cannot currently make live charges.\"}}")));

        assertThatThrownBy(() -> gateway.openCheckout(new PaymentGateway.CheckoutRequest(UUID.randomUUID(), Money.of(100, "USD"),
                "x", "b@example.test", "/s", "/c", "https://shop.example", null), "k"))
                .hasMessageContaining("402").hasMessageContaining("cannot currently make live charges").hasMessageNotContaining(KEY);
    }

    @Test
    void readsAPaidSessionFromASignedWebhookAndRefusesForgeries() {
        UUID orderId = UUID.randomUUID();
        String payload = """
                {"id": "evt_1", "type": "checkout.session.completed", "data": {"object": {"id": "cs_test_5", "client_reference_id": "%s",
                 "payment_status": "paid", "amount_total": 2500, "currency": "usd"}}}""".formatted(orderId);
        long now = Instant.now().getEpochSecond();

        PaymentGateway.WebhookEvent event = gateway.readWebhook(payload,
                Map.of("Stripe-Signature", WebhookSignature.sign(payload, WEBHOOK_SECRET, now)));

        assertThat(event.type()).isEqualTo(PaymentGateway.WebhookEvent.SUCCEEDED);
        assertThat(event.orderId()).isEqualTo(orderId);
        assertThat(event.amountMinor()).isEqualTo(2500);
        assertThat(event.currency()).isEqualTo("USD");
        assertThatThrownBy(() -> gateway.readWebhook(payload, Map.of("Stripe-Signature", WebhookSignature.sign(payload, "whsec_other", now))))
                .isInstanceOf(PaymentGateway.InvalidWebhookException.class);
        assertThatThrownBy(() -> gateway.readWebhook(payload, Map.of()))
                .isInstanceOf(PaymentGateway.InvalidWebhookException.class);
    }

    @Test
    void anUnpaidOrUnrelatedEventIsIgnored() {
        String unpaid = """
                {"id": "evt_2", "type": "checkout.session.completed", "data": {"object": {"id": "cs_1", "client_reference_id": "%s",
                 "payment_status": "unpaid", "amount_total": 10, "currency": "usd"}}}""".formatted(UUID.randomUUID());
        String other = "{\"id\": \"evt_3\", \"type\": \"customer.created\", \"data\": {\"object\": {}}}";
        long now = Instant.now().getEpochSecond();

        assertThat(gateway.readWebhook(unpaid, Map.of("stripe-signature", WebhookSignature.sign(unpaid, WEBHOOK_SECRET, now))).type())
                .isEqualTo(PaymentGateway.WebhookEvent.IGNORED);
        assertThat(gateway.readWebhook(other, Map.of("Stripe-Signature", WebhookSignature.sign(other, WEBHOOK_SECRET, now))).type())
                .isEqualTo(PaymentGateway.WebhookEvent.IGNORED);
    }

    @Test
    void theCheckoutThatTookAPaymentIsAskedOfStripe() {
        stripe.stubFor(get(urlEqualTo("/v1/checkout/sessions?limit=1&payment_intent=pi_old")).willReturn(aResponse().withStatus(200)
                .withBody("{\"object\": \"list\", \"data\": [{\"id\": \"cs_old\", \"payment_intent\": \"pi_old\"}], \"has_more\": false}")));
        stripe.stubFor(get(urlEqualTo("/v1/checkout/sessions?limit=1&payment_intent=pi_elsewhere")).willReturn(aResponse().withStatus(200)
                .withBody("{\"object\": \"list\", \"data\": [], \"has_more\": false}")));

        assertThat(gateway.checkoutOfPayment("pi_old")).contains("cs_old");
        assertThat(gateway.checkoutOfPayment("pi_elsewhere")).as("a payment taken outside a Checkout Session").isEmpty();
    }

    @Test
    void aDisputeNamesItsPaymentIntentAndTheFeeItsBalanceTransactionsCharged() {
        String created = """
                {"id": "evt_d1", "type": "charge.dispute.created", "data": {"object": {"id": "dp_1", "object": "dispute", "amount": 2500,
                 "currency": "usd", "payment_intent": "pi_1", "status": "needs_response",
                 "balance_transactions": [{"amount": -2500, "currency": "usd", "fee": 1500}]}}}""";
        String won = """
                {"id": "evt_d2", "type": "charge.dispute.closed", "data": {"object": {"id": "dp_1", "object": "dispute", "amount": 2500,
                 "currency": "usd", "payment_intent": "pi_1", "status": "won",
                 "balance_transactions": [{"amount": -2500, "currency": "usd", "fee": 1500}, {"amount": 4000, "currency": "usd", "fee": -1500}]}}}""";
        String lostInEuros = """
                {"id": "evt_d3", "type": "charge.dispute.closed", "data": {"object": {"id": "dp_2", "object": "dispute", "amount": 1000,
                 "currency": "gbp", "payment_intent": "pi_2", "status": "lost",
                 "balance_transactions": [{"amount": -1150, "currency": "eur", "exchange_rate": 1.15, "fee": 2300}]}}}""";
        String inquiry = """
                {"id": "evt_d4", "type": "charge.dispute.closed", "data": {"object": {"id": "dp_3", "amount": 1000, "currency": "usd",
                 "payment_intent": "pi_3", "status": "warning_closed", "balance_transactions": []}}}""";
        long now = Instant.now().getEpochSecond();

        PaymentGateway.WebhookEvent opened = gateway.readWebhook(created, Map.of("Stripe-Signature", WebhookSignature.sign(created, WEBHOOK_SECRET, now)));
        assertThat(opened.type()).isEqualTo(PaymentGateway.WebhookEvent.DISPUTE_OPENED);
        assertThat(opened.paymentRef()).isEqualTo("pi_1");
        assertThat(opened.amountMinor()).isEqualTo(2500);
        assertThat(opened.currency()).isEqualTo("USD");
        assertThat(opened.dispute()).isEqualTo(new PaymentGateway.Dispute("dp_1", 1500, false));
        PaymentGateway.WebhookEvent closed = gateway.readWebhook(won, Map.of("Stripe-Signature", WebhookSignature.sign(won, WEBHOOK_SECRET, now)));
        assertThat(closed.type()).isEqualTo(PaymentGateway.WebhookEvent.DISPUTE_CLOSED);
        assertThat(closed.dispute()).as("a dispute won gives the fee back").isEqualTo(new PaymentGateway.Dispute("dp_1", 0, true));
        PaymentGateway.WebhookEvent lost = gateway.readWebhook(lostInEuros,
                Map.of("Stripe-Signature", WebhookSignature.sign(lostInEuros, WEBHOOK_SECRET, now)));
        assertThat(lost.dispute()).as("a fee settled in euros, in the disputed pounds").isEqualTo(new PaymentGateway.Dispute("dp_2", 2000, false));
        assertThat(gateway.readWebhook(inquiry, Map.of("Stripe-Signature", WebhookSignature.sign(inquiry, WEBHOOK_SECRET, now))).type())
                .isEqualTo(PaymentGateway.WebhookEvent.IGNORED);
    }
}
