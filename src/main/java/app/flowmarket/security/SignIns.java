package app.flowmarket.security;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import app.flowmarket.mail.Mail;
import app.flowmarket.mail.Mailer;
import app.flowmarket.mail.Recipient;
import app.flowmarket.shared.CurrentUser;
import app.flowmarket.shared.Tokens;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records every successful sign-in (the last {@value #KEPT} per account), writes what the Security page shows
 * about the session into it, and alerts the owner — by mail and in the app — when the browser or the place is
 * one the account has not signed in from before. A place is new exactly once (a row per account and place),
 * and a browser is known from its signed device cookie, so each new device or place is alerted once.
 */
@Component
class SignIns {

    static final int KEPT = 50;
    static final String SESSION_IP = "flowmarket.session.ip";
    static final String SESSION_BROWSER = "flowmarket.session.browser";
    static final String SESSION_OS = "flowmarket.session.os";
    static final String SESSION_PLACE = "flowmarket.session.place";
    static final String SESSION_SIGNED_IN_AT = "flowmarket.session.signed-in-at";
    private static final Duration DISOWN_LIFETIME = Duration.ofDays(7);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final Logger log = LoggerFactory.getLogger(SignIns.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final GeoIpLookup geoIp;
    private final Mailer mailer;
    private final ApplicationEventPublisher events;

    SignIns(JdbcClient jdbc, TransactionTemplate tx, GeoIpLookup geoIp, Mailer mailer, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.geoIp = geoIp;
        this.mailer = mailer;
        this.events = events;
    }

    /** One sign-in as the history shows it. */
    record SignIn(long id, Instant occurredAt, String method, String ip, String browser, String os, @Nullable String country,
                  @Nullable String city, @Nullable String asn, boolean newDevice, boolean newPlace, boolean alerted) {

        String place() {
            return new GeoIpLookup.Place(country, city, asn).label();
        }
    }

    /** After a successful sign-in (password or mailed link); a failure here never fails the sign-in. */
    void signedIn(HttpServletRequest request, CurrentUser user, boolean knownDevice) {
        String ip = String.valueOf(request.getRemoteAddr());
        UserAgents.Device device = UserAgents.parse(request.getHeader("User-Agent"));
        Optional<GeoIpLookup.Place> place = lookup(ip);
        String placeLabel = place.map(GeoIpLookup.Place::label).orElse("");
        HttpSession session = request.getSession();
        session.setAttribute(SESSION_IP, ip);
        session.setAttribute(SESSION_BROWSER, device.browser());
        session.setAttribute(SESSION_OS, device.os());
        session.setAttribute(SESSION_PLACE, placeLabel);
        session.setAttribute(SESSION_SIGNED_IN_AT, String.valueOf(Instant.now().toEpochMilli()));
        String method = request.getServletPath().startsWith("/login/ott") ? "link" : "password";
        try {
            tx.executeWithoutResult(status -> record(user, ip, device, place, method, knownDevice));
        } catch (RuntimeException e) {
            log.warn("Sign-in could not be recorded: {}", e.toString());
        }
    }

    private void record(CurrentUser user, String ip, UserAgents.Device device, Optional<GeoIpLookup.Place> place, String method,
                        boolean knownDevice) {
        Instant now = Instant.now();
        boolean hadSignedIn = jdbc.sql("select exists (select 1 from sign_in where account_id = ?)").param(user.id())
                .query(Boolean.class).single();
        // a city (or a country) when the GeoIP database knows the address; otherwise the address itself
        String placeKey = place.filter(p -> p.country() != null)
                .map(p -> "geo:" + p.country() + "|" + (p.city() == null ? "" : p.city()))
                .orElse("ip:" + addressPlace(ip));
        boolean newPlace = jdbc.sql("insert into sign_in_place (account_id, place, first_seen) values (?, ?, ?) on conflict do nothing")
                .params(user.id(), placeKey, Timestamp.from(now)).update() > 0;
        boolean alert = hadSignedIn && (!knownDevice || newPlace);
        String token = alert ? Tokens.random() : null;
        long id = jdbc.sql("""
                insert into sign_in (account_id, occurred_at, method, ip, browser, os, country, city, asn, new_device, new_place, alerted,
                                     disown_token_hash, disown_expires_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(java.util.Arrays.asList(user.id(), Timestamp.from(now), method, ip, device.browser(), device.os(),
                        place.map(GeoIpLookup.Place::country).orElse(null), place.map(GeoIpLookup.Place::city).orElse(null),
                        place.map(GeoIpLookup.Place::asn).orElse(null), !knownDevice, newPlace, alert,
                        token == null ? null : Tokens.sha256Hex(token), token == null ? null : Timestamp.from(now.plus(DISOWN_LIFETIME))))
                .query(Long.class).single();
        jdbc.sql("""
                delete from sign_in where account_id = ? and id not in
                    (select id from sign_in where account_id = ? order by occurred_at desc, id desc limit ?)""")
                .params(user.id(), user.id(), KEPT).update();
        if (alert) {
            String where = place.map(GeoIpLookup.Place::label).filter(label -> !label.isEmpty()).orElse("—");
            String deviceLabel = device.browser() + " · " + device.os();
            mailer.send(Mail.to(new Recipient(user.email(), user.displayName(), user.preferredLocale()))
                    .subject("mail.sign-in-alert.subject")
                    .paragraph(!knownDevice ? "mail.sign-in-alert.new-device" : "mail.sign-in-alert.new-place")
                    .paragraph("mail.sign-in-alert.details", WHEN.format(now), deviceLabel, where, ip)
                    .paragraph("mail.sign-in-alert.if-you")
                    .paragraph("mail.sign-in-alert.if-not")
                    .action("mail.sign-in-alert.action", "/security/not-me?token=" + token)
                    .once("sign-in-alert:" + id));
            events.publishEvent(new NewSignInAlerted(user.id(), id, now, deviceLabel, where, ip));
            log.info("Sign-in from a new {} for an account: alerted", !knownDevice ? "device" : "place");
        }
    }

    /** The address as a place: its IPv6 /64, and this machine's loopback addresses (IPv4 or IPv6) as one place. */
    static String addressPlace(String ip) {
        if (ip.startsWith("127.") || ip.equals("::1") || ip.equals("0:0:0:0:0:0:0:1")) {
            return "loopback";
        }
        return LoginThrottle.source(ip);
    }

    private Optional<GeoIpLookup.Place> lookup(String ip) {
        try {
            return geoIp.lookup(ip);
        } catch (RuntimeException e) {
            log.debug("GeoIP lookup failed: {}", e.toString());
            return Optional.empty();
        }
    }

    List<SignIn> latest(UUID accountId, int limit) {
        return jdbc.sql("""
                select id, occurred_at, method, ip, browser, os, country, city, asn, new_device, new_place, alerted
                from sign_in where account_id = ? order by occurred_at desc, id desc limit ?""")
                .params(accountId, limit).query(SignIn.class).list();
    }

    /**
     * "This wasn't me": the account whose alert carried the token, if it is genuine and unexpired. The token is
     * used up; every other alert's token stays usable.
     */
    Optional<UUID> disown(String token) {
        if (token == null || token.length() != 43) {
            return Optional.empty();
        }
        return jdbc.sql("""
                update sign_in set disown_token_hash = null, disown_expires_at = null
                where disown_token_hash = ? and disown_expires_at > now() returning account_id""")
                .param(Tokens.sha256Hex(token)).query(UUID.class).optional();
    }

    boolean isDisownable(String token) {
        return token != null && token.length() == 43 && jdbc.sql("select exists (select 1 from sign_in where disown_token_hash = ? and disown_expires_at > now())")
                .param(Tokens.sha256Hex(token)).query(Boolean.class).single();
    }
}
