package app.flowmarket.currency;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The production adapter: the ECB's daily euro reference rates, fetched into the {@code exchange_rate}
 * table by {@link EcbRatesSchedule} (one node a day) and read from there like the stored ones. A day whose
 * rates look broken is refused rather than shown to buyers: a date ahead of tomorrow, or a rate that moved
 * by more than a quarter since the day in force (the ECB's rates do not; a truncated or garbled feed does).
 */
@Component
@ConditionalOnProperty(name = "flowmarket.currency.source", havingValue = "ecb")
class EcbExchangeRates implements ExchangeRates {

    private static final Logger log = LoggerFactory.getLogger(EcbExchangeRates.class);
    private static final BigDecimal LARGEST_DAILY_MOVE = new BigDecimal("0.25");

    private final RateTable table;
    private final EcbFeed feed;
    private final Clock clock;

    @Autowired
    EcbExchangeRates(RateTable table, CurrencySettings settings) {
        this(table, new EcbFeed(settings.ecbUrl()), Clock.systemUTC());
    }

    EcbExchangeRates(RateTable table, EcbFeed feed, Clock clock) {
        this.table = table;
        this.feed = feed;
        this.clock = clock;
    }

    @Override
    public DailyRates current() {
        return table.current();
    }

    @Override
    public String source() {
        return "ecb";
    }

    /** What one fetch gave: the day the ECB published, and whether it was new to us. */
    record Refresh(LocalDate date, boolean stored) {
    }

    /** Fetches the ECB's latest day and stores it unless it is stored already. */
    Refresh refresh() {
        DailyRates fetched = feed.fetch();
        LocalDate tomorrow = LocalDate.now(clock).plusDays(1);
        if (fetched.date().isAfter(tomorrow)) {
            throw new IllegalStateException("The ECB's rates are dated " + fetched.date() + ", in the future");
        }
        DailyRates inForce = table.current();
        if (!fetched.date().isAfter(inForce.date())) {
            return new Refresh(fetched.date(), table.store(fetched));
        }
        for (Map.Entry<String, BigDecimal> rate : fetched.perEuro().entrySet()) {
            BigDecimal before = inForce.perEuro().get(rate.getKey());
            if (before != null && before.signum() > 0) {
                BigDecimal move = rate.getValue().subtract(before).abs().divide(before, MathContext.DECIMAL64);
                if (move.compareTo(LARGEST_DAILY_MOVE) > 0) {
                    throw new IllegalStateException("The ECB's rate for " + rate.getKey() + " of " + fetched.date() + " (" + rate.getValue()
                            + ") is more than 25 % away from the one in force (" + before + "); refused");
                }
            }
        }
        boolean stored = table.store(fetched);
        if (stored) {
            log.info("Stored the ECB's reference rates of {} ({} currencies)", fetched.date(), fetched.perEuro().size() - 1);
        }
        return new Refresh(fetched.date(), stored);
    }
}
