package app.flowmarket.catalog;

import app.flowmarket.shared.Translated;
import java.util.Locale;

/** A tag as pages show it, named in each language of the site. */
public record TagView(String slug, Translated name) implements java.io.Serializable {

    public String name(Locale locale) {
        return name.in(locale);
    }
}
