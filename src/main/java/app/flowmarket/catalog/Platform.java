package app.flowmarket.catalog;

import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The automation tool a workflow file is made for. */
public enum Platform {
    N8N("n8n"), MAKE("Make"), ZAPIER("Zapier"), OTHER("Other");

    private final String label;

    Platform(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Platform> fromSlug(@Nullable String slug) {
        if (slug == null) {
            return Optional.empty();
        }
        for (Platform platform : values()) {
            if (platform.slug().equalsIgnoreCase(slug.strip())) {
                return Optional.of(platform);
            }
        }
        return Optional.empty();
    }
}
