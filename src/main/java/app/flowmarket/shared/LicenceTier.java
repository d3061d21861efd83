package app.flowmarket.shared;

import org.jspecify.annotations.Nullable;

/** How many people a licence covers: one, a team of five, or a whole company. */
public enum LicenceTier {
    SINGLE(1),
    TEAM(5),
    COMPANY(null);

    private final @Nullable Integer seats;

    LicenceTier(@Nullable Integer seats) {
        this.seats = seats;
    }

    /** The number of seats, or null for unlimited. */
    public @Nullable Integer seats() {
        return seats;
    }

    /** The message key part and the API value: "single". */
    public String slug() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
