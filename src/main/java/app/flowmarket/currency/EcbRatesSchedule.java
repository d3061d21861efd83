package app.flowmarket.currency;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Fetches the ECB's rates once a day, on one node. Every node looks every
 * {@code flowmarket.currency.fetch-check-interval} whether a fetch is due; the first to claim the
 * {@code scheduled_run} row (an UPDATE that only one transaction can win, with a five-minute lease in
 * case it dies) fetches, and sets when the next one is due: the next working day after the ECB's
 * publication (around 16:00 CET) once it has today's rates, an hour later while they are not out yet,
 * the check interval after an error. The state is in PostgreSQL, so a restart loses nothing.
 */
@Component
@ConditionalOnProperty(name = "flowmarket.currency.source", havingValue = "ecb")
class EcbRatesSchedule {

    static final String JOB = "ecb-rates";
    private static final Logger log = LoggerFactory.getLogger(EcbRatesSchedule.class);
    // the ECB publishes around 16:00 Central European Time: 15:00 UTC in winter, 14:00 UTC in summer
    private static final LocalTime PUBLISHED_BY = LocalTime.of(15, 15);

    private final EcbExchangeRates rates;
    private final JdbcClient jdbc;
    private final Duration retryAfterError;
    private final Clock clock;

    @Autowired
    EcbRatesSchedule(EcbExchangeRates rates, JdbcClient jdbc, CurrencySettings settings) {
        this(rates, jdbc, settings.fetchCheckInterval(), Clock.systemUTC());
    }

    EcbRatesSchedule(EcbExchangeRates rates, JdbcClient jdbc, Duration retryAfterError, Clock clock) {
        this.rates = rates;
        this.jdbc = jdbc;
        this.retryAfterError = retryAfterError;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${flowmarket.currency.fetch-check-interval:PT15M}", initialDelayString = "PT10S")
    void check() {
        runIfDue();
    }

    /** Fetches if a fetch is due and no other node is at it; returns whether this node fetched. */
    boolean runIfDue() {
        Instant now = clock.instant();
        jdbc.sql("insert into scheduled_run (name, next_run_at) values (?, ?) on conflict (name) do nothing")
                .params(JOB, Timestamp.from(now)).update();
        int claimed = jdbc.sql("""
                update scheduled_run set claimed_until = ?
                where name = ? and next_run_at <= ? and (claimed_until is null or claimed_until < ?)""")
                .params(Timestamp.from(now.plus(Duration.ofMinutes(5))), JOB, Timestamp.from(now), Timestamp.from(now)).update();
        if (claimed == 0) {
            return false;
        }
        try {
            EcbExchangeRates.Refresh refresh = rates.refresh();
            Instant next = refresh.date().isBefore(LocalDate.now(clock)) ? now.plus(Duration.ofHours(1)) : nextPublication(now);
            finish(next, null);
        } catch (RuntimeException e) {
            log.warn("The ECB's rates were not updated, trying again in {}: {}", retryAfterError, e.getMessage());
            finish(now.plus(retryAfterError), e.getMessage());
        }
        return true;
    }

    /** After the ECB's publication on the next working day. */
    Instant nextPublication(Instant now) {
        LocalDate day = now.atZone(ZoneOffset.UTC).toLocalDate().plusDays(1);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return day.atTime(PUBLISHED_BY).toInstant(ZoneOffset.UTC);
    }

    private void finish(Instant next, @Nullable String error) {
        jdbc.sql("""
                update scheduled_run set next_run_at = ?, claimed_until = null,
                       last_success_at = case when cast(? as varchar) is null then now() else last_success_at end, last_error = ?
                where name = ?""")
                .params(Arrays.asList(Timestamp.from(next), error, error == null ? null : error.substring(0, Math.min(300, error.length())), JOB)).update();
    }
}
