package app.flowmarket.analytics;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A visitor's hash of the day: SHA-256 of a random salt of that day, their address and their browser.
 * The same person on the same day gets the same hash (a unique visitor), on the next day another one
 * that cannot be linked to it. Salts are shared by every node through the database and deleted once
 * their day is over, after which nobody can recompute a hash from an address.
 */
@Component
class VisitorHashes {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final ConcurrentMap<LocalDate, byte[]> salts = new ConcurrentHashMap<>();

    VisitorHashes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String hash(LocalDate day, String address, String userAgent) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt(day));
            sha.update(address.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(userAgent.getBytes(StandardCharsets.UTF_8));
            // 128 bits are plenty to tell a day's visitors apart
            byte[] digest = sha.digest();
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] salt(LocalDate day) {
        return salts.computeIfAbsent(day, d -> {
            byte[] fresh = new byte[32];
            RANDOM.nextBytes(fresh);
            // the first node to need the day's salt makes it; the others read that one
            jdbc.sql("insert into analytics_salt (day, salt) values (?, ?) on conflict (day) do nothing").params(d, fresh).update();
            return jdbc.sql("select salt from analytics_salt where day = ?").param(d).query(byte[].class).single();
        });
    }

    /** Forgets the salts of days that are over (and who was seen on them), so their hashes cannot be recomputed. */
    void forgetBefore(LocalDate today) {
        salts.keySet().removeIf(day -> day.isBefore(today.minusDays(1)));
        jdbc.sql("delete from analytics_salt where day < ?").param(today.minusDays(1)).update();
        jdbc.sql("delete from analytics_seen where day < ?").param(today.minusDays(1)).update();
        jdbc.sql("delete from analytics_visit where day < ?").param(today.minusDays(1)).update();
    }
}
