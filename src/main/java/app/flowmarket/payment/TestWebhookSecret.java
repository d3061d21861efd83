package app.flowmarket.payment;

import app.flowmarket.shared.Tokens;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The secret the built-in test processor signs its webhooks with. Generated at random on first start
 * and kept in PostgreSQL (the first node to start wins, the others read it), so it is in no source
 * file and every node shares it; {@code flowmarket.payment.test-webhook-secret} overrides it.
 */
@Component
@ConditionalOnProperty(name = "flowmarket.payment.provider", havingValue = "test", matchIfMissing = true)
class TestWebhookSecret implements SmartInitializingSingleton {

    private final JdbcClient jdbc;
    private final String configured;
    private volatile @Nullable String secret;

    TestWebhookSecret(JdbcClient jdbc, PaymentSettings settings) {
        this.jdbc = jdbc;
        this.configured = settings.testWebhookSecret();
    }

    @Override
    public void afterSingletonsInstantiated() {
        value();
    }

    String value() {
        String known = secret;
        if (known == null) {
            synchronized (this) {
                if (secret == null) {
                    secret = configured != null && !configured.isBlank() ? configured.strip() : loadOrCreate();
                }
                known = secret;
            }
        }
        return known;
    }

    private String loadOrCreate() {
        jdbc.sql("insert into test_processor_secret (id, webhook_secret, created_at) values (1, ?, now()) on conflict do nothing")
                .param("whsec_" + Tokens.random()).update();
        return jdbc.sql("select webhook_secret from test_processor_secret where id = 1").query(String.class).single();
    }
}
