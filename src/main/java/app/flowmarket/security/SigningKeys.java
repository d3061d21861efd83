package app.flowmarket.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import app.flowmarket.shared.Tokens;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Signatures for links that carry their own authority (an expiring import link): an HMAC-SHA256 with a server secret kept
 * per purpose in the database, created by the first node that needs it, so every node signs and checks alike.
 */
@Component
public class SigningKeys {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final JdbcClient jdbc;
    private final Map<String, SecretKeySpec> keys = new ConcurrentHashMap<>();

    SigningKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The signature of a value for one purpose, URL-safe. */
    public String sign(String purpose, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(keys.computeIfAbsent(purpose, this::load));
            return B64.encodeToString(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a signature is the value's, compared in constant time. */
    public boolean verify(String purpose, String value, String signature) {
        return Tokens.sameSecret(sign(purpose, value), signature);
    }

    private SecretKeySpec load(String purpose) {
        String name = "signing:" + purpose;
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        // the first node to start wins; the others read its key
        jdbc.sql("insert into security_secret (name, secret, created_at) values (?, ?, now()) on conflict do nothing")
                .params(name, Base64.getEncoder().encodeToString(fresh)).update();
        String stored = jdbc.sql("select secret from security_secret where name = ?").param(name).query(String.class).single();
        return new SecretKeySpec(Base64.getDecoder().decode(stored), "HmacSHA256");
    }
}
