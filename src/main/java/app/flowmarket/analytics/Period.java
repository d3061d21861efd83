package app.flowmarket.analytics;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import app.flowmarket.shared.DomainException;

/**
 * The days a dashboard shows, both ends included (UTC days), and how its charts group them: by day up
 * to about three months, by month beyond. The previous period is as long and ends the day before.
 */
public record Period(LocalDate from, LocalDate to) {

    /** The longest period one request may ask for (ten years), so a typo cannot ask for a million days. */
    public static final long MAX_DAYS = 3660;

    public Period {
        if (to.isBefore(from)) {
            throw new DomainException("dashboard.period.reversed");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new DomainException("dashboard.period.too-long");
        }
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    public Period previous() {
        return new Period(from.minusDays(days()), from.minusDays(1));
    }

    public boolean monthly() {
        return days() > 92;
    }
}
