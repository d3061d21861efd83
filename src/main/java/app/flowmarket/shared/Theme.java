package app.flowmarket.shared;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/** The colours a person reads the site in: light, dark, or whatever their system prefers. */
public enum Theme {
    SYSTEM, LIGHT, DARK;

    /** The browser's choice, read before the page is rendered so that it paints in the right colours at once. */
    public static final String COOKIE = "flowmarket-theme";

    /** As it is written in the cookie, the account and the page's {@code data-theme}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Theme> parse(@Nullable String value) {
        return value == null ? Optional.empty()
                : Arrays.stream(values()).filter(theme -> theme.value().equals(value)).findFirst();
    }
}
