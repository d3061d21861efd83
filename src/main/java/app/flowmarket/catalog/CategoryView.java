package app.flowmarket.catalog;

import app.flowmarket.shared.Translated;
import java.util.Locale;
import java.util.UUID;

/** A category as pages show it, named in each language of the site. */
public record CategoryView(UUID id, String slug, Translated name, Translated description) implements java.io.Serializable {

    public String name(Locale locale) {
        return name.in(locale);
    }

    public String description(Locale locale) {
        return description.in(locale);
    }
}
