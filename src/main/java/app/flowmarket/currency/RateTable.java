package app.flowmarket.currency;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import app.flowmarket.shared.AfterCommit;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code exchange_rate} table: one row per day and currency. The newest day is the one in force.
 * Each node keeps it in memory for {@code flowmarket.currency.keep-in-memory} (prices are shown on every
 * page), and drops it at once when it stores a new day itself.
 */
@Component
class RateTable {

    private record Snapshot(DailyRates rates, Instant loadedAt) {
    }

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final CurrencySettings settings;
    private final Clock clock;
    private volatile @Nullable Snapshot snapshot;
    /** Raised by every {@link #forget}: a read that began before it must not keep what it loaded. */
    private long generation;

    RateTable(JdbcClient jdbc, ApplicationEventPublisher events, CurrencySettings settings) {
        this.jdbc = jdbc;
        this.events = events;
        this.settings = settings;
        this.clock = Clock.systemUTC();
    }

    DailyRates current() {
        Snapshot known = snapshot;
        Instant now = clock.instant();
        if (known == null || known.loadedAt().plus(settings.keepInMemory()).isBefore(now)) {
            long readFrom;
            synchronized (this) {
                readFrom = generation;
            }
            known = new Snapshot(load(), now);
            synchronized (this) {
                if (generation == readFrom) {
                    snapshot = known;
                }
            }
        }
        return known.rates();
    }

    private DailyRates load() {
        record Row(LocalDate rateDate, String currency, BigDecimal perEuro, String source) {
        }
        var rows = jdbc.sql("""
                select rate_date, currency, per_euro, source from exchange_rate
                where rate_date = (select max(rate_date) from exchange_rate) order by currency""")
                .query(Row.class).list();
        if (rows.isEmpty()) {
            throw new IllegalStateException("No exchange rates are stored (table exchange_rate is empty)");
        }
        Map<String, BigDecimal> perEuro = new LinkedHashMap<>();
        rows.forEach(row -> perEuro.put(row.currency(), row.perEuro()));
        return new DailyRates(rows.get(0).rateDate(), rows.get(0).source(), perEuro);
    }

    /**
     * Stores a day's rates unless that day is stored already; returns whether they are new. New rates newer
     * than those in force announce themselves ({@link ExchangeRatesUpdated}) in the same transaction.
     */
    @Transactional
    boolean store(DailyRates rates) {
        LocalDate newest = jdbc.sql("select max(rate_date) from exchange_rate").query(LocalDate.class).optional().orElse(null);
        int inserted = 0;
        for (Map.Entry<String, BigDecimal> rate : rates.perEuro().entrySet()) {
            if (rate.getKey().equals(DailyRates.EURO.getCurrencyCode())) {
                continue;
            }
            inserted += jdbc.sql("""
                    insert into exchange_rate (rate_date, currency, per_euro, source, fetched_at)
                    values (?, ?, ?, ?, now()) on conflict (rate_date, currency) do nothing""")
                    .params(Date.valueOf(rates.date()), rate.getKey(), rate.getValue(), rates.source()).update();
        }
        if (inserted == 0) {
            return false;
        }
        forget();
        // and again once they are committed: a read between the two saw the rates before them
        AfterCommit.run(this::forget);
        if (newest == null || rates.date().isAfter(newest)) {
            events.publishEvent(new ExchangeRatesUpdated(rates.date(), rates.source()));
        }
        return true;
    }

    /** Forgets what is in memory, so the next read sees the table as it is now. */
    synchronized void forget() {
        generation++;
        snapshot = null;
    }
}
