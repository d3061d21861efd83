package app.flowmarket.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import app.flowmarket.shared.CurrentUser;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Browsers that signed in to an account before. After each sign-in the browser gets (or keeps) a device id for
 * that account in a long-lived cookie, signed with a key generated at first start and kept in PostgreSQL (shared
 * by every node). The signature covers the account's password hash too, so a new password forgets every known
 * browser, as it ends every session. One cookie holds up to {@value #MAX_ACCOUNTS} accounts per browser.
 */
@Component
class KnownDevices {

    static final String COOKIE = "flowmarket-device";
    private static final int MAX_ACCOUNTS = 5;
    private static final String KEY_NAME = "known-device-cookie";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final JdbcClient jdbc;
    private final SecuritySettings settings;
    private volatile @Nullable SecretKeySpec key;

    KnownDevices(JdbcClient jdbc, SecuritySettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /** One account's entry: {@code accountId.deviceId.signature}. */
    private record Entry(String accountId, String deviceId, String signature) {

        static Optional<Entry> parse(String text) {
            String[] parts = text.split("\\.", -1);
            if (parts.length != 3 || parts[1].length() != 22 || parts[2].length() != 43) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Entry(UUID.fromString(parts[0]).toString(), parts[1], parts[2]));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }

        @Override
        public String toString() {
            return accountId + "." + deviceId + "." + signature;
        }
    }

    /** Whether the browser carries any entry at all: only then is the account worth looking up. */
    boolean mayKnow(HttpServletRequest request) {
        return !entries(request).isEmpty();
    }

    /** The browser's device id for this account, if its entry is genuine and the password has not changed since. */
    Optional<String> deviceFor(HttpServletRequest request, CurrentUser account) {
        return entries(request).stream()
                .filter(entry -> entry.accountId().equals(account.id().toString()))
                .filter(entry -> MessageDigest.isEqual(entry.signature().getBytes(StandardCharsets.US_ASCII),
                        sign(account, entry.deviceId()).getBytes(StandardCharsets.US_ASCII)))
                .map(Entry::deviceId)
                .findFirst();
    }

    /**
     * After a sign-in: the browser is known to the account from now on (its device id kept if it had one).
     * Returns the browser's device id.
     */
    String remember(HttpServletRequest request, HttpServletResponse response, CurrentUser account) {
        String deviceId = deviceFor(request, account).orElseGet(KnownDevices::newDeviceId);
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry(account.id().toString(), deviceId, sign(account, deviceId)));
        entries(request).stream()
                .filter(entry -> !entry.accountId().equals(account.id().toString()))
                .limit(MAX_ACCOUNTS - 1)
                .forEach(entries::add);
        String value = String.join("~", entries.stream().map(Entry::toString).toList());
        // only the sign-in endpoints need it; Strict: a cross-site form can never post it along
        response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(COOKIE, value)
                .path("/login").httpOnly(true).secure(request.isSecure()).sameSite("Strict")
                .maxAge(settings.signIn().deviceLifetime()).build().toString());
        return deviceId;
    }

    private static List<Entry> entries(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return List.of();
        }
        return Arrays.stream(cookies)
                .filter(cookie -> COOKIE.equals(cookie.getName()) && cookie.getValue() != null && cookie.getValue().length() <= 1000)
                .flatMap(cookie -> Arrays.stream(cookie.getValue().split("~")))
                .map(Entry::parse)
                .flatMap(Optional::stream)
                .limit(MAX_ACCOUNTS)
                .toList();
    }

    private static String newDeviceId() {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        return B64.encodeToString(id);
    }

    private String sign(CurrentUser account, String deviceId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key());
            return B64.encodeToString(mac.doFinal((account.id() + "\n" + deviceId + "\n" + account.passwordHash())
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec current = key;
        if (current == null) {
            synchronized (this) {
                current = key;
                if (current == null) {
                    byte[] fresh = new byte[32];
                    RANDOM.nextBytes(fresh);
                    // the first node to start wins; the others read its key
                    jdbc.sql("insert into security_secret (name, secret, created_at) values (?, ?, now()) on conflict do nothing")
                            .params(KEY_NAME, Base64.getEncoder().encodeToString(fresh))
                            .update();
                    String stored = jdbc.sql("select secret from security_secret where name = ?").param(KEY_NAME)
                            .query(String.class).single();
                    current = new SecretKeySpec(Base64.getDecoder().decode(stored), "HmacSHA256");
                    key = current;
                }
            }
        }
        return current;
    }
}
