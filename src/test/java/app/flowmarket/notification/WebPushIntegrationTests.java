package app.flowmarket.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import app.flowmarket.IntegrationTest;
import app.flowmarket.account.AccountManagement;
import app.flowmarket.catalog.SellerFixture;
import app.flowmarket.support.Fixtures;
import app.flowmarket.support.WebSession;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Web Push sent to a local push service that checks the VAPID signature and decrypts the message (RFC 8291). */
@IntegrationTest
class WebPushIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    AccountManagement accounts;

    @Autowired
    JdbcClient jdbc;

    HttpServer pushService;
    final LinkedBlockingQueue<Received> received = new LinkedBlockingQueue<>();
    final AtomicInteger answer = new AtomicInteger(201);

    record Received(Map<String, String> headers, byte[] body) {
    }

    @BeforeEach
    void startPushService() throws Exception {
        pushService = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        pushService.createContext("/push/", exchange -> {
            Map<String, String> headers = new java.util.HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
            received.add(new Received(headers, exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(answer.get(), -1);
            exchange.close();
        });
        pushService.start();
    }

    @AfterEach
    void stopPushService() {
        pushService.stop(0);
    }

    @Test
    void aFollowerNoticeReachesTheSubscribedBrowserEncryptedAndSigned() throws Exception {
        WebSession seller = SellerFixture.newSeller(port);
        String storeSlug = seller.get("/seller/store").body().replaceAll("(?s).*href=\"/stores/([a-z0-9-]+)\".*", "$1");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair browser = generator.generateKeyPair();
        byte[] browserPublic = WebPush.uncompressed((ECPublicKey) browser.getPublic());
        byte[] auth = new byte[16];
        new SecureRandom().nextBytes(auth);
        String endpoint = "http://127.0.0.1:" + pushService.getAddress().getPort() + "/push/" + UUID.randomUUID();
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();

        seller.get("/settings/notifications");
        assertThat(seller.postJson("/settings/push/subscriptions", "{\"endpoint\": \"" + endpoint + "\", \"keys\": {\"p256dh\": \""
                + b64.encodeToString(browserPublic) + "\", \"auth\": \"" + b64.encodeToString(auth) + "\"}}").status()).isEqualTo(200);
        assertThat(seller.postJson("/settings/push/subscriptions", "{\"endpoint\": \"javascript:alert(1)\", \"keys\": {}}").status())
                .isEqualTo(400);
        // push is opt-in: with the type not switched on, a new follower pushes nothing
        String earlyFan = Fixtures.uniqueEmail("earlyfan");
        accounts.createVerified(earlyFan, Fixtures.PASSWORD, "Early Fan");
        new WebSession(port).signIn(earlyFan, Fixtures.PASSWORD).post("/stores/" + storeSlug + "/follow", Map.of()).assertStatus(302);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from notification_delivery where event_key like 'follow:%' || ?").param(
                accounts.loadUserByUsername(earlyFan).id().toString()).query(Long.class).single() == 1);
        assertThat(received.poll(2, TimeUnit.SECONDS)).as("nothing pushed while push is off").isNull();

        seller.postMultipartless("/settings/notifications", "NEW_FOLLOWER:IN_APP=on&NEW_FOLLOWER:PUSH=on").assertStatus(302);
        String serverKey = seller.get("/settings/push/key").body().replaceAll(".*\"publicKey\":\"([^\"]+)\".*", "$1");

        String fanEmail = Fixtures.uniqueEmail("pushfan");
        accounts.createVerified(fanEmail, Fixtures.PASSWORD, "Push Fan");
        new WebSession(port).signIn(fanEmail, Fixtures.PASSWORD).post("/stores/" + storeSlug + "/follow", Map.of()).assertStatus(302);

        Received push = received.poll(20, TimeUnit.SECONDS);
        assertThat(push).as("the push service was called").isNotNull();
        assertThat(push.headers()).containsEntry("content-encoding", "aes128gcm").containsKey("ttl");
        String authorization = push.headers().get("authorization");
        assertThat(authorization).startsWith("vapid t=").endsWith(", k=" + serverKey);
        String jwt = authorization.substring("vapid t=".length(), authorization.indexOf(','));
        String[] parts = jwt.split("\\.");
        Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
        verifier.initVerify(WebPush.publicKey(Base64.getUrlDecoder().decode(serverKey)));
        verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(verifier.verify(Base64.getUrlDecoder().decode(parts[2]))).as("VAPID signature").isTrue();
        assertThat(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8))
                .contains("\"aud\":\"http://127.0.0.1:" + pushService.getAddress().getPort() + "\"");

        String message = decrypt(push.body(), browser, browserPublic, auth);
        assertThat(message).contains("\"title\"").contains("\"body\":\"Push Fan\"").contains("\"url\":\"/stores/" + storeSlug + "\"");

        // a subscription the push service says is gone is removed
        answer.set(410);
        String otherEmail = Fixtures.uniqueEmail("pushfan2");
        accounts.createVerified(otherEmail, Fixtures.PASSWORD, "Second Fan");
        new WebSession(port).signIn(otherEmail, Fixtures.PASSWORD).post("/stores/" + storeSlug + "/follow", Map.of()).assertStatus(302);
        assertThat(received.poll(20, TimeUnit.SECONDS)).isNotNull();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                jdbc.sql("select count(*) from push_subscription where endpoint = ?").param(endpoint).query(Long.class).single() == 0);
    }

    /** The browser's side of RFC 8291, written from the RFC. */
    static String decrypt(byte[] body, KeyPair browser, byte[] browserPublic, byte[] auth) throws Exception {
        byte[] salt = Arrays.copyOfRange(body, 0, 16);
        int idLength = body[20] & 0xff;
        byte[] serverPublic = Arrays.copyOfRange(body, 21, 21 + idLength);
        byte[] ciphertext = Arrays.copyOfRange(body, 21 + idLength, body.length);
        KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
        agreement.init(browser.getPrivate());
        agreement.doPhase(WebPush.publicKey(serverPublic), true);
        byte[] shared = agreement.generateSecret();
        byte[] prkKey = mac(auth, shared);
        byte[] info = join("WebPush: info".getBytes(StandardCharsets.US_ASCII), new byte[] {0}, browserPublic, serverPublic, new byte[] {1});
        byte[] ikm = mac(prkKey, info);
        byte[] prk = mac(salt, ikm);
        byte[] cek = Arrays.copyOf(mac(prk, join("Content-Encoding: aes128gcm".getBytes(StandardCharsets.US_ASCII), new byte[] {0, 1})), 16);
        byte[] nonce = Arrays.copyOf(mac(prk, join("Content-Encoding: nonce".getBytes(StandardCharsets.US_ASCII), new byte[] {0, 1})), 12);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
        byte[] padded = cipher.doFinal(ciphertext);
        int end = padded.length - 1;
        while (end > 0 && padded[end] == 0) {
            end--;
        }
        assertThat(padded[end]).as("last-record delimiter").isEqualTo((byte) 2);
        return new String(padded, 0, end, StandardCharsets.UTF_8);
    }

    static byte[] mac(byte[] key, byte[] data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    static byte[] join(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
