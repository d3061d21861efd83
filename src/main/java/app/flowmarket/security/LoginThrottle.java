package app.flowmarket.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

import app.flowmarket.shared.Tokens;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
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
        try {
            BucketConfiguration configuration = BucketConfiguration.builder()
                    .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, window))
                    .build();
            return buckets().getProxy(("flowmarket:" + key).getBytes(StandardCharsets.UTF_8), () -> configuration).tryConsume(1);
        } catch (RuntimeException e) {
            log.warn("Rate limit store unavailable, letting the sign-in through: {}", e.toString());
            return true;
        }
    }

    private ProxyManager<byte[]> buckets() {
        if (buckets == null) {
            synchronized (this) {
                if (buckets == null) {
                    var config = redis.getStandaloneConfiguration();
                    RedisURI.Builder uri = RedisURI.builder().withHost(config.getHostName()).withPort(config.getPort())
                            .withDatabase(config.getDatabase());
                    config.getPassword().toOptional().ifPresent(password -> uri.withPassword(password));
                    client = RedisClient.create(uri.build());
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
