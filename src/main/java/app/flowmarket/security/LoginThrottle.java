package app.flowmarket.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import app.flowmarket.shared.Tokens;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits sign-in attempts per account and per client address with token buckets kept in Redis,
 * so the limit holds across app nodes. Over the limit the sign-in page says to wait; the password
 * is not even checked. If Redis is unreachable the check is skipped (logged), so sign-in keeps working.
 */
@Component
public class LoginThrottle extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    private static final Duration COMMAND_TIMEOUT = Duration.ofMillis(500);

    /** After two failures the store is not asked for 15 s: every request would otherwise wait for its timeout. */
    private final CircuitBreaker breaker = CircuitBreaker.of("rate-limits", CircuitBreakerConfig.custom()
            .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
            .slidingWindowSize(2).minimumNumberOfCalls(2).failureRateThreshold(100)
            .waitDurationInOpenState(Duration.ofSeconds(15))
            .permittedNumberOfCallsInHalfOpenState(1)
            .build());

    private final LettuceConnectionFactory redis;
    private final SecuritySettings settings;
    private volatile ProxyManager<byte[]> buckets;
    private RedisClient client;
    private StatefulRedisConnection<byte[], byte[]> connection;

    LoginThrottle(LettuceConnectionFactory redis, SecuritySettings settings) {
        this.redis = redis;
        this.settings = settings;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String email = request.getParameter("email");
        boolean allowed = take("login:ip:" + request.getRemoteAddr(), settings.loginAttemptsPerAddress(), settings.addressWindow())
                & (email == null || take("login:account:" + Tokens.sha256Hex(email.strip().toLowerCase(Locale.ROOT)),
                settings.loginAttemptsPerAccount(), settings.accountWindow()));
        if (!allowed) {
            log.info("Sign-in throttled for a client");
            response.sendRedirect(request.getContextPath() + "/login?throttled");
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * Takes one token from the named bucket (shared through Redis by every node); false when it is empty.
     * Other modules use it for their own limits (newsletter sign-ups, API calls).
     */
    public boolean take(String key, int capacity, Duration window) {
        if (!breaker.tryAcquirePermission()) {
            return true;
        }
        long started = System.nanoTime();
        try {
            BucketConfiguration configuration = BucketConfiguration.builder()
                    .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, window))
                    .build();
            boolean taken = buckets().getProxy(("flowmarket:" + key).getBytes(StandardCharsets.UTF_8), () -> configuration).tryConsume(1);
            breaker.onSuccess(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            return taken;
        } catch (RuntimeException e) {
            breaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, e);
            log.warn("Rate limit store unavailable, letting the request through: {}", e.toString());
            return true;
        }
    }

    private ProxyManager<byte[]> buckets() {
        if (buckets == null) {
            synchronized (this) {
                if (buckets == null) {
                    var config = redis.getStandaloneConfiguration();
                    // short timeouts, and commands refused at once while disconnected: an unreachable Redis
                    // must cost a sign-in a few hundred milliseconds, not the client's default minute per call
                    RedisURI.Builder uri = RedisURI.builder().withHost(config.getHostName()).withPort(config.getPort())
                            .withDatabase(config.getDatabase()).withTimeout(COMMAND_TIMEOUT);
                    config.getPassword().toOptional().ifPresent(password -> uri.withPassword(password));
                    client = RedisClient.create(uri.build());
                    client.setOptions(ClientOptions.builder()
                            .socketOptions(SocketOptions.builder().connectTimeout(COMMAND_TIMEOUT).build())
                            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                            .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
                            .build());
                    connection = client.connect(ByteArrayCodec.INSTANCE);
                    buckets = Bucket4jLettuce.casBasedBuilder(connection)
                            .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                            .build();
                }
            }
        }
        return buckets;
    }

    @jakarta.annotation.PreDestroy
    synchronized void close() {
        if (connection != null) {
            connection.close();
        }
        if (client != null) {
            client.shutdown();
        }
    }
}
