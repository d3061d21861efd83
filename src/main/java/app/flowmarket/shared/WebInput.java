package app.flowmarket.shared;

import java.util.regex.Pattern;

/** Small checks on what people type or what comes back in links. */
public final class WebInput {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");

    private WebInput() {
    }

    public static boolean isEmail(String value) {
        return value != null && value.length() <= 254 && EMAIL.matcher(value).matches();
    }

    /** A path on this site to go back to, or the fallback: never an open redirect to another host. */
    public static String localPath(String candidate, String fallback) {
        return candidate != null && candidate.startsWith("/") && !candidate.startsWith("//") && !candidate.contains("\\")
                ? candidate : fallback;
    }

    /** A page number from the URL; anything that is not one means the first page. */
    public static int page(String value) {
        try {
            return PageResult.safePage(value == null ? 1 : Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
