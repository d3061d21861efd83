package app.flowmarket.security;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.flowmarket.shared.PersonalData;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The security module's public API: a person's sign-in history, re-authentication, and "This wasn't me". */
@Service
public class AccountSecurity implements PersonalData {

    private final SignIns signIns;
    private final Sessions sessions;
    private final UserDetailsService accounts;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;

    AccountSecurity(SignIns signIns, Sessions sessions, UserDetailsService accounts, PasswordEncoder passwords,
                    ApplicationEventPublisher events, JdbcClient jdbc) {
        this.signIns = signIns;
        this.sessions = sessions;
        this.accounts = accounts;
        this.passwords = passwords;
        this.events = events;
        this.jdbc = jdbc;
    }

    /** One sign-in as the Security page shows it. */
    public record SignInView(Instant occurredAt, String method, String ip, String browser, String os, String place,
                             boolean newDevice, boolean newPlace, boolean alerted) {
    }

    /** The last {@value SignIns#KEPT} sign-ins, newest first. */
    @Transactional(readOnly = true)
    public List<SignInView> history(UUID accountId) {
        return signIns.latest(accountId, SignIns.KEPT).stream()
                .map(s -> new SignInView(s.occurredAt(), s.method(), s.ip(), s.browser(), s.os(), s.place(), s.newDevice(), s.newPlace(),
                        s.alerted()))
                .toList();
    }

    /**
     * Re-authentication before something that cannot be undone by a stolen session alone: the password is checked
     * against the account as it is now (not as it was when this session signed in).
     */
    public boolean passwordMatches(String email, @Nullable String password) {
        if (password == null || password.isEmpty() || password.length() > 1024) {
            return false;
        }
        try {
            UserDetails account = accounts.loadUserByUsername(email);
            return account.getPassword() != null && passwords.matches(password, account.getPassword());
        } catch (RuntimeException e) {
            return false;
        }
    }

    public boolean isDisownable(@Nullable String token) {
        return token != null && signIns.isDisownable(token);
    }

    /**
     * "This wasn't me": the token of an alert is used up, and the account module ends every session and mails
     * a password reset ({@link SignInDisowned}). False for an unknown, used or expired token.
     */
    @Transactional
    public boolean disown(@Nullable String token) {
        return token != null && signIns.disown(token).map(accountId -> {
            events.publishEvent(new SignInDisowned(accountId));
            return true;
        }).orElse(false);
    }

    /** Ends every session of the person, this one too. */
    public int endAllSessions(String email) {
        return sessions.endAllBut(email, null);
    }

    /** A sign-in made elsewhere before (demo data, an import): history only, no alert, no session. */
    public record PastSignIn(Instant at, String method, String ip, String userAgent, @Nullable String country, @Nullable String city,
                             boolean newDevice, boolean newPlace) {
    }

    @Transactional
    public void importSignIns(UUID accountId, List<PastSignIn> past) {
        for (PastSignIn signIn : past) {
            UserAgents.Device device = UserAgents.parse(signIn.userAgent());
            jdbc.sql("""
                    insert into sign_in (account_id, occurred_at, method, ip, browser, os, country, city, new_device, new_place, alerted)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(java.util.Arrays.asList(accountId, java.sql.Timestamp.from(signIn.at()), signIn.method(), signIn.ip(),
                            device.browser(), device.os(), signIn.country(), signIn.city(), signIn.newDevice(), signIn.newPlace(),
                            signIn.newDevice() || signIn.newPlace()))
                    .update();
            String place = signIn.country() == null ? "ip:" + SignIns.addressPlace(signIn.ip())
                    : "geo:" + signIn.country() + "|" + (signIn.city() == null ? "" : signIn.city());
            jdbc.sql("insert into sign_in_place (account_id, place, first_seen) values (?, ?, ?) on conflict do nothing")
                    .params(accountId, place, java.sql.Timestamp.from(signIn.at())).update();
        }
    }

    @Override
    public String part() {
        return "security";
    }

    @Override
    public void export(Subject subject, Sink sink) {
        List<Map<String, @Nullable Object>> history = jdbc.sql("""
                select occurred_at, method, ip, browser, os, country, city, asn, new_device, new_place, alerted
                from sign_in where account_id = ? order by occurred_at desc""")
                .param(subject.account().value()).query().listOfRows();
        sink.table("sign-ins", "Your last sign-ins: when, how (password or mailed link), from which address, browser, system and "
                + "approximate place, and whether it was a new device or place we alerted you about.", history);
        List<Map<String, @Nullable Object>> places = jdbc.sql("select place, first_seen from sign_in_place where account_id = ? order by first_seen")
                .param(subject.account().value()).query().listOfRows();
        sink.table("known-places", "Places (or addresses) you have signed in from, so a new one can be alerted.", places);
        List<Map<String, @Nullable Object>> active = sessions.of(subject.email(), null).stream()
                .map(s -> Map.<String, @Nullable Object>of("signed_in_at", s.signedInAt(), "last_active", s.lastActive(), "browser", s.browser(),
                        "os", s.os(), "ip", s.ip(), "place", s.place()))
                .toList();
        sink.table("sessions", "Your signed-in sessions when the export was made.", active);
    }

    @Override
    @Transactional
    public void erase(Subject subject) {
        sessions.endAllBut(subject.email(), null);
        jdbc.sql("delete from sign_in where account_id = ?").param(subject.account().value()).update();
        jdbc.sql("delete from sign_in_place where account_id = ?").param(subject.account().value()).update();
        jdbc.sql("delete from one_time_tokens where lower(username) = lower(?)").param(subject.email()).update();
    }

    @Override
    public List<String> erasedKeys() {
        return List.of("privacy.erased.security");
    }
}
