package app.flowmarket.payment;

import static org.assertj.core.api.Assertions.assertThat;

import app.flowmarket.IntegrationTest;
import app.flowmarket.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** Switching the processor to Stripe is configuration only, and the test processor is then gone. */
@IntegrationTest
@TestPropertySource(properties = {
        "flowmarket.payment.provider=stripe",
        "flowmarket.payment.stripe.secret-key=sk_test_config",
        "flowmarket.payment.stripe.webhook-secret=whsec_config",
        "flowmarket.payment.stripe.api-base=http://127.0.0.1:9"})
class StripeModeIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Payments payments;

    @Test
    void stripeIsTheGatewayAndTheTestPaymentPageDoesNotExist() {
        assertThat(payments.provider()).isEqualTo("stripe");
        assertThat(new WebSession(port).get("/pay/test/cs_test_anything").status()).isEqualTo(404);
    }
}
