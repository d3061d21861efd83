package app.flowmarket.analytics.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import app.flowmarket.analytics.Period;
import app.flowmarket.shared.DomainException;
import org.jspecify.annotations.Nullable;

/**
 * The period a seller picked: the last 7, 30 or 90 days, the last 12 months (today included), or their
 * own dates. Anything else is a clear 400 page, not a guess.
 */
public record PeriodChoice(String key, Period period) {

    public static final java.util.List<String> KEYS = java.util.List.of("7d", "30d", "90d", "12m", "custom");

    static PeriodChoice of(@Nullable String key, @Nullable String from, @Nullable String to, LocalDate today) {
        String chosen = key == null || key.isBlank() ? "30d" : key;
        return switch (chosen) {
            case "7d" -> new PeriodChoice(chosen, new Period(today.minusDays(6), today));
            case "30d" -> new PeriodChoice(chosen, new Period(today.minusDays(29), today));
            case "90d" -> new PeriodChoice(chosen, new Period(today.minusDays(89), today));
            case "12m" -> new PeriodChoice(chosen, new Period(today.minusMonths(12).plusDays(1), today));
            case "custom" -> new PeriodChoice(chosen, new Period(date(from), date(to)));
            default -> throw new DomainException("dashboard.period.invalid");
        };
    }

    /** The query string that asks for this period again (ISO dates only, nothing to escape). */
    public String query() {
        return "custom".equals(key) ? "period=custom&from=" + period.from() + "&to=" + period.to() : "period=" + key;
    }

    private static LocalDate date(@Nullable String value) {
        if (value == null || value.isBlank()) {
            throw new DomainException("dashboard.period.invalid");
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new DomainException("dashboard.period.invalid");
        }
    }
}
