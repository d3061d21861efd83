package app.flowmarket.analytics;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import app.flowmarket.shared.DomainException;
import org.jspecify.annotations.Nullable;

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

    /**
     * The period cut where the monthly rollups can stand in for the daily ones: the days before its first whole
     * calendar month, its whole months (from the first day of the first to the last day of the last), and the days
     * after; each part null when empty, and {@code months} null when no month lies wholly inside.
     */
    public Split split() {
        LocalDate firstWhole = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        LocalDate afterWhole = to.plusDays(1).withDayOfMonth(1);
        if (!firstWhole.isBefore(afterWhole)) {
            return new Split(this, null, null);
        }
        return new Split(from.isBefore(firstWhole) ? new Period(from, firstWhole.minusDays(1)) : null,
                new Period(firstWhole, afterWhole.minusDays(1)), afterWhole.isAfter(to) ? null : new Period(afterWhole, to));
    }

    /** A period as days to read from the daily rollups, whole months to read from the monthly ones, and days again. */
    public record Split(@Nullable Period head, @Nullable Period months, @Nullable Period tail) {
    }
}
