package app.flowmarket.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import app.flowmarket.account.AccountManagement;
import app.flowmarket.mail.Mail;
import app.flowmarket.mail.Mailer;
import app.flowmarket.shared.AccountId;
import app.flowmarket.shared.DomainException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends queued deliveries over real HTTP, at least once. Due rows are claimed with {@code for update skip locked}
 * and leased for a while, so several nodes never send the same attempt twice and a crash only delays it. A 2xx
 * answer is success; anything else (redirects are not followed) is retried after 5 s, 5 min, 30 min, 2 h, 5 h,
 * 10 h, 14 h, 20 h and 24 h (or the receiver's Retry-After if longer); then the endpoint is disabled, as it is at
 * once on 410 Gone.
 */
@Component
class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    static final List<Duration> RETRIES = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30),
            Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(14), Duration.ofHours(20), Duration.ofHours(24));
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final int BATCH = 20;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final WebhookSettings settings;
    private final CloseableHttpClient http;
    private final AccountManagement accounts;
    private final Mailer mailer;

    WebhookDispatcher(JdbcClient jdbc, TransactionTemplate tx, WebhookSettings settings, AccountManagement accounts, Mailer mailer) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.settings = settings;
        this.accounts = accounts;
        this.mailer = mailer;
        // the addresses a host resolves to are checked when the connection is made, so a name that resolved to a public address
        // at save time cannot point inside the network at delivery time (DNS rebinding): what is checked is what is connected to
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new AddressGuard.Resolver(settings.allowedHosts()))
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(Timeout.ofSeconds(5))
                                .setSocketTimeout(Timeout.of(settings.timeout())).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(settings.timeout())).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableContentCompression()
                .setUserAgent("Flowmarket-Webhooks/1")
                .build();
    }

    private record Answer(int status, String body, Duration retryAfter) {
    }

    @jakarta.annotation.PreDestroy
    void close() throws IOException {
        http.close();
    }

    private record Due(UUID id, UUID endpointId, String messageId, String payload, int attempts, String url, String secret,
                       @Nullable String previousSecret, @Nullable Timestamp previousSecretUntil) {
    }

    @Scheduled(fixedDelayString = "${flowmarket.webhook.poll-interval:PT1S}")
    void deliverDue() {
        List<Due> due = tx.execute(status -> {
            List<Due> rows = jdbc.sql("""
                    select d.id, d.endpoint_id, d.message_id, d.payload, d.attempts, e.url, e.secret, e.previous_secret, e.previous_secret_until
                    from webhook_delivery d join webhook_endpoint e on e.id = d.endpoint_id
                    where d.status = 'PENDING' and d.next_attempt_at <= now() and e.enabled
                    order by d.next_attempt_at limit ? for update of d skip locked""")
                    .param(BATCH).query(Due.class).list();
            for (Due row : rows) {
                jdbc.sql("update webhook_delivery set next_attempt_at = ? where id = ?")
                        .params(Timestamp.from(Instant.now().plus(LEASE)), row.id()).update();
            }
            return rows;
        });
        if (due != null) {
            due.forEach(this::deliver);
        }
    }

    private void deliver(Due due) {
        long timestamp = Instant.now().getEpochSecond();
        String signature = Signatures.sign(due.secret(), due.messageId(), timestamp, due.payload());
        if (due.previousSecret() != null && due.previousSecretUntil() != null && due.previousSecretUntil().toInstant().isAfter(Instant.now())) {
            signature += " " + Signatures.sign(due.previousSecret(), due.messageId(), timestamp, due.payload());
        }
        long started = System.nanoTime();
        Integer status = null;
        String body = null;
        String error = null;
        Duration retryAfter = Duration.ZERO;
        try {
            URI uri = AddressGuard.check(due.url(), settings.allowedHosts());
            HttpPost post = new HttpPost(uri);
            post.setHeader("webhook-id", due.messageId());
            post.setHeader("webhook-timestamp", Long.toString(timestamp));
            post.setHeader("webhook-signature", signature);
            post.setEntity(new StringEntity(due.payload(), ContentType.APPLICATION_JSON.withCharset(StandardCharsets.UTF_8)));
            Answer answer = http.execute(post, response -> {
                Header header = response.getFirstHeader("Retry-After");
                return new Answer(response.getCode(), response.getEntity() == null ? "" : read(response.getEntity().getContent()),
                        header == null ? Duration.ZERO : seconds(header.getValue()));
            });
            status = answer.status();
            body = excerpt(answer.body());
            retryAfter = answer.retryAfter();
        } catch (AddressGuard.NotPublicException refused) {
            error = "refused: webhooks.url.private";
        } catch (DomainException refused) {
            error = "refused: " + refused.messageKey();
        } catch (Exception e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        int millis = (int) Duration.ofNanos(System.nanoTime() - started).toMillis();
        record(due, status, body, error == null ? null : excerpt(error), millis, retryAfter);
    }

    private void record(Due due, @Nullable Integer status, @Nullable String body, @Nullable String error, int millis, Duration retryAfter) {
        int attempts = due.attempts() + 1;
        boolean succeeded = status != null && status / 100 == 2;
        boolean gone = status != null && status == 410;
        tx.executeWithoutResult(s -> {
            if (succeeded) {
                jdbc.sql("""
                        update webhook_delivery set status = 'SUCCEEDED', attempts = ?, last_status_code = ?, last_response = ?,
                            last_duration_ms = ?, last_error = null, next_attempt_at = null, completed_at = now() where id = ?""")
                        .params(Arrays.asList(attempts, status, body, millis, due.id())).update();
            } else if (gone || attempts > RETRIES.size()) {
                jdbc.sql("""
                        update webhook_delivery set status = 'FAILED', attempts = ?, last_status_code = ?, last_response = ?,
                            last_duration_ms = ?, last_error = ?, next_attempt_at = null, completed_at = now() where id = ?""")
                        .params(Arrays.asList(attempts, status, body, millis, error, due.id())).update();
                int disabled = jdbc.sql("update webhook_endpoint set enabled = false, disabled_reason = ? where id = ? and enabled")
                        .params(gone ? "gone" : "failing", due.endpointId()).update();
                if (disabled == 1) {
                    log.info("Webhook endpoint {} disabled: {}", due.endpointId(), gone ? "410 Gone" : "every retry failed");
                    tellOwner(due, gone);
                }
            } else {
                Duration wait = RETRIES.get(attempts - 1);
                if (retryAfter.compareTo(wait) > 0) {
                    wait = retryAfter.compareTo(Duration.ofHours(24)) > 0 ? Duration.ofHours(24) : retryAfter;
                }
                jdbc.sql("""
                        update webhook_delivery set attempts = ?, last_status_code = ?, last_response = ?, last_duration_ms = ?,
                            last_error = ?, next_attempt_at = ? where id = ?""")
                        .params(Arrays.asList(attempts, status, body, millis, error, Timestamp.from(Instant.now().plus(wait)), due.id())).update();
            }
        });
    }

    /** The seller learns by mail that their endpoint was switched off, why, and where to switch it back on. */
    private void tellOwner(Due due, boolean gone) {
        UUID owner = jdbc.sql("select account_id from webhook_endpoint where id = ?").param(due.endpointId()).query(UUID.class).single();
        accounts.person(AccountId.of(owner)).ifPresent(person -> mailer.send(Mail.to(person.recipient())
                .once("webhook-disabled:" + due.id())
                .subject("webhooks.mail.disabled.subject")
                .paragraph(gone ? "webhooks.mail.disabled.gone" : "webhooks.mail.disabled.failing")
                .text(due.url())
                .paragraph("webhooks.mail.disabled.next")
                .action("webhooks.mail.disabled.action", "/settings/webhooks/" + due.endpointId())));
    }

    /** The start of the receiver's answer: enough for the delivery log, however much it sends. */
    private static String read(InputStream in) throws IOException {
        try (in) {
            return new String(in.readNBytes(4096), StandardCharsets.UTF_8);
        }
    }

    private static Duration seconds(String value) {
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
        } catch (NumberFormatException e) {
            return Duration.ZERO;
        }
    }

    private static @Nullable String excerpt(@Nullable String text) {
        return text == null ? null : text.length() <= 1000 ? text : text.substring(0, 1000);
    }
}
