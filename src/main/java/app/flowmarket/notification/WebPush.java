package app.flowmarket.notification;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import org.jspecify.annotations.Nullable;

/**
 * Standard Web Push: messages encrypted for the browser's key (RFC 8291, aes128gcm content coding of
 * RFC 8188) and signed with the server's VAPID key (RFC 8292). The VAPID key pair is generated on
 * first start and stored in PostgreSQL, so every node signs with the same key. Subscriptions the
 * push service says are gone (404/410) are removed.
 */
@Component
class WebPush {

    private static final Logger log = LoggerFactory.getLogger(WebPush.class);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final String subject;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private volatile @Nullable KeyPairHolder vapid;

    WebPush(JdbcClient jdbc, @Value("${flowmarket.notification.push-subject:mailto:admin@flowmarket.local}") String subject) {
        this.jdbc = jdbc;
        this.subject = subject;
    }

    record Subscription(UUID id, UUID accountId, String endpoint, String p256dh, String auth) {
    }

    private record KeyPairHolder(String publicKey, PrivateKey privateKey) {
    }

    /** The server's public VAPID key, as browsers want it for {@code applicationServerKey}. */
    String publicKey() {
        return vapid().publicKey();
    }

    void subscribe(UUID accountId, @Nullable String endpoint, @Nullable String p256dh, @Nullable String auth) {
        if (endpoint == null || !endpoint.startsWith("https://") && !endpoint.startsWith("http://") || endpoint.length() > 1000
                || p256dh == null || B64D.decode(p256dh).length != 65 || auth == null || B64D.decode(auth).length != 16) {
            throw new IllegalArgumentException("invalid push subscription");
        }
        jdbc.sql("""
                insert into push_subscription (id, account_id, endpoint, p256dh, auth, created_at) values (?, ?, ?, ?, ?, now())
                on conflict (endpoint) do update set account_id = excluded.account_id, p256dh = excluded.p256dh, auth = excluded.auth""")
                .params(UUID.randomUUID(), accountId, endpoint, p256dh, auth).update();
    }

    void unsubscribe(UUID accountId, @Nullable String endpoint) {
        jdbc.sql("delete from push_subscription where account_id = ? and endpoint = ?").params(Arrays.asList(accountId, endpoint)).update();
    }

    List<Subscription> subscriptions(UUID accountId) {
        return jdbc.sql("select id, account_id, endpoint, p256dh, auth from push_subscription where account_id = ?")
                .param(accountId).query(Subscription.class).list();
    }

    /** Sends to every device of the person, in the background (the push service may be slow). */
    void sendToAccount(UUID accountId, String title, String body, String link) {
        List<Subscription> devices = subscriptions(accountId);
        if (devices.isEmpty()) {
            return;
        }
        byte[] payload = json.writeValueAsBytes(json.createObjectNode().put("title", title).put("body", body == null ? "" : body)
                .put("url", link == null ? "/notifications" : link));
        Thread.ofVirtual().name("web-push").start(() -> devices.forEach(device -> deliver(device, payload)));
    }

    void deliver(Subscription device, byte[] payload) {
        try {
            byte[] body = encrypt(payload, B64D.decode(device.p256dh()), B64D.decode(device.auth()));
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(device.endpoint()))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Encoding", "aes128gcm")
                    .header("Content-Type", "application/octet-stream")
                    .header("TTL", "86400")
                    .header("Urgency", "normal")
                    .header("Authorization", authorization(device.endpoint()))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() == 404 || response.statusCode() == 410) {
                jdbc.sql("delete from push_subscription where id = ?").param(device.id()).update();
            } else if (response.statusCode() / 100 != 2) {
                log.info("Push service answered {} for a subscription", response.statusCode());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.info("Push delivery failed: {}", e.toString());
        }
    }

    /** RFC 8291: ECDH with the browser's key, HKDF with its auth secret, one aes128gcm record. */
    static byte[] encrypt(byte[] plaintext, byte[] uaPublic, byte[] authSecret) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair as = generator.generateKeyPair();
        byte[] asPublic = uncompressed((ECPublicKey) as.getPublic());
        KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
        agreement.init(as.getPrivate());
        agreement.doPhase(publicKey(uaPublic), true);
        byte[] shared = agreement.generateSecret();

        byte[] prkKey = hmac(authSecret, shared);
        byte[] keyInfo = concat("WebPush: info".getBytes(StandardCharsets.US_ASCII), new byte[] {0}, uaPublic, asPublic);
        byte[] ikm = hmac(prkKey, concat(keyInfo, new byte[] {1}));
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        byte[] prk = hmac(salt, ikm);
        byte[] cek = Arrays.copyOf(hmac(prk, concat("Content-Encoding: aes128gcm".getBytes(StandardCharsets.US_ASCII), new byte[] {0, 1})), 16);
        byte[] nonce = Arrays.copyOf(hmac(prk, concat("Content-Encoding: nonce".getBytes(StandardCharsets.US_ASCII), new byte[] {0, 1})), 12);

        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
        byte[] ciphertext = cipher.doFinal(concat(plaintext, new byte[] {2}));
        ByteBuffer header = ByteBuffer.allocate(16 + 4 + 1 + asPublic.length);
        header.put(salt).putInt(4096).put((byte) asPublic.length).put(asPublic);
        return concat(header.array(), ciphertext);
    }

    /** RFC 8292: {@code vapid t=<ES256 JWT for the push service's origin>, k=<our public key>}. */
    String authorization(String endpoint) throws Exception {
        URI uri = URI.create(endpoint);
        String audience = uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        String header = B64.encodeToString("{\"typ\":\"JWT\",\"alg\":\"ES256\"}".getBytes(StandardCharsets.UTF_8));
        String claims = B64.encodeToString(json.writeValueAsBytes(json.createObjectNode().put("aud", audience)
                .put("exp", Instant.now().plus(Duration.ofHours(12)).getEpochSecond()).put("sub", subject)));
        Signature signer = Signature.getInstance("SHA256withECDSAinP1363Format");
        signer.initSign(vapid().privateKey());
        signer.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
        String jwt = header + "." + claims + "." + B64.encodeToString(signer.sign());
        return "vapid t=" + jwt + ", k=" + vapid().publicKey();
    }

    private KeyPairHolder vapid() {
        if (vapid == null) {
            synchronized (this) {
                if (vapid == null) {
                    vapid = loadOrCreate();
                }
            }
        }
        return vapid;
    }

    private KeyPairHolder loadOrCreate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            // the first node to start wins; the others read its key
            jdbc.sql("insert into push_vapid_key (id, public_key, private_key, created_at) values (1, ?, ?, now()) on conflict do nothing")
                    .params(B64.encodeToString(uncompressed((ECPublicKey) pair.getPublic())),
                            Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()))
                    .update();
            record Row(String publicKey, String privateKey) {
            }
            Row row = jdbc.sql("select public_key, private_key from push_vapid_key where id = 1").query(Row.class).single();
            PrivateKey privateKey = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(row.privateKey())));
            return new KeyPairHolder(row.publicKey(), privateKey);
        } catch (Exception e) {
            throw new IllegalStateException("Could not set up the VAPID key", e);
        }
    }

    static byte[] uncompressed(ECPublicKey key) {
        byte[] out = new byte[65];
        out[0] = 4;
        copy32(key.getW().getAffineX(), out, 1);
        copy32(key.getW().getAffineY(), out, 33);
        return out;
    }

    static ECPublicKey publicKey(byte[] uncompressed) throws Exception {
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        ECParameterSpec spec = parameters.getParameterSpec(ECParameterSpec.class);
        ECPoint point = new ECPoint(new BigInteger(1, Arrays.copyOfRange(uncompressed, 1, 33)),
                new BigInteger(1, Arrays.copyOfRange(uncompressed, 33, 65)));
        return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, spec));
    }

    static byte[] hmac(byte[] key, byte[] data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }

    private static void copy32(BigInteger value, byte[] out, int offset) {
        byte[] bytes = value.toByteArray();
        int start = Math.max(0, bytes.length - 32);
        int length = Math.min(32, bytes.length);
        System.arraycopy(bytes, start, out, offset + 32 - length, length);
    }
}
