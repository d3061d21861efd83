package app.flowmarket.shared;

import java.io.Serializable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A name or text written in English and, where someone translated it, in other languages (keyed by ISO 639-1 code).
 * A language without a translation shows the English text.
 */
public record Translated(String english, Map<String, String> translations) implements Serializable {

    public Translated {
        translations = Map.copyOf(translations);
    }

    public static Translated of(String english) {
        return new Translated(english, Map.of());
    }

    public String in(Locale locale) {
        String translated = translations.get(locale.getLanguage());
        return translated == null || translated.isBlank() ? english : translated;
    }

    /** Every distinct wording, English first: what a search should match whichever language the searcher types in. */
    public List<String> all() {
        LinkedHashSet<String> all = new LinkedHashSet<>();
        all.add(english);
        translations.values().stream().sorted().forEach(all::add);
        return List.copyOf(all);
    }
}
