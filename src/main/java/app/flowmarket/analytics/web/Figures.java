package app.flowmarket.analytics.web;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import app.flowmarket.shared.Money;
import org.jspecify.annotations.Nullable;

/** The dashboard's numbers as the reader's language writes them. */
public final class Figures {

    private final Locale locale;
    private final String currency;
    private final String isNew;

    Figures(Locale locale, String currency, String isNew) {
        this.locale = locale;
        this.currency = currency;
        this.isNew = isNew;
    }

    public String count(long value) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }

    public String money(long minor) {
        return Money.of(minor, currency).format(locale);
    }

    public String money(@Nullable Money money) {
        return money == null ? "–" : money.format(locale);
    }

    public String percent(@Nullable Double value) {
        if (value == null) {
            return "–";
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(1);
        return format.format(value) + " %";
    }

    /** A part of a whole as a percentage, to one decimal; a dash when the whole is nothing. */
    public String share(long part, long whole) {
        return whole == 0 ? "–" : percent(Math.round(part * 1000.0 / whole) / 10.0);
    }

    /** The change from the previous period, as a signed percentage; "new" when there was nothing before. */
    public String change(long current, long previous) {
        if (previous == 0) {
            return current == 0 ? "±0 %" : isNew;
        }
        long percent = Math.round((current - previous) * 100.0 / previous);
        if (percent > 999) {
            return "> +999 %";
        }
        return (percent > 0 ? "+" : percent < 0 ? "−" : "±") + Math.abs(percent) + " %";
    }

    /** Whether the change is up, down or flat (for its colour and its words for screen readers). */
    public String trend(long current, long previous) {
        return current > previous ? "up" : current < previous ? "down" : "flat";
    }

    public String day(LocalDate day) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(day);
    }

    /** A chart label: the day, or the month when the chart counts months. */
    public String label(LocalDate start, boolean monthly) {
        return monthly ? DateTimeFormatter.ofPattern("LLL yyyy", locale).format(start)
                : DateTimeFormatter.ofPattern("d MMM", locale).format(start);
    }

    /** A minor amount as a plain decimal number for a chart axis. */
    public String decimal(long minor) {
        return Money.of(minor, currency).toDecimal().toPlainString();
    }
}
