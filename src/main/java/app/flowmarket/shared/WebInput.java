package app.flowmarket.shared;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Small checks on what people type or what comes back in links. */
public final class WebInput {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");

    private WebInput() {
    }

    public static boolean isEmail(String value) {
        return value != null && value.length() <= 254 && EMAIL.matcher(value).matches();
    }

    /**
     * A path on this site to go back to, or the fallback when none is given. Anything else (another
     * host, line breaks that would split the Location header) is refused with a 400 before the caller
     * acts, never turned into an open redirect or a server error.
     */
    public static String localPath(@Nullable String candidate, String fallback) {
        if (candidate == null || candidate.isEmpty()) {
            return fallback;
        }
        boolean local = candidate.length() <= 2000 && candidate.startsWith("/") && !candidate.startsWith("//")
                && !candidate.contains("\\") && candidate.chars().noneMatch(c -> Character.isISOControl(c) || Character.isWhitespace(c));
        if (!local) {
            throw new DomainException("request.bad-return-path");
        }
        return candidate;
    }

    /** A page number from the URL; anything that is not one means the first page. */
    public static int page(@Nullable String value) {
        try {
            return PageResult.safePage(value == null ? 1 : Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
