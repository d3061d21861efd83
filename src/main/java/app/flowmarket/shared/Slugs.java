package app.flowmarket.shared;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** URL slugs: lower-case ASCII letters, digits and single hyphens. */
public final class Slugs {

    public static final Pattern VALID = Pattern.compile("^[a-z0-9]+(?:-[a-z0-9]+)*$");

    private Slugs() {
    }

    public static String slugify(String text, int maxLength) {
        if (text == null) {
            return "";
        }
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (slug.length() > maxLength) {
            slug = slug.substring(0, maxLength).replaceAll("-+$", "");
        }
        return slug;
    }

    public static boolean isValid(String slug, int maxLength) {
        return slug != null && slug.length() >= 2 && slug.length() <= maxLength && VALID.matcher(slug).matches();
    }
}
