package app.flowmarket.security;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Browser and operating system from a User-Agent header, coarsely ("Firefox 132", "Windows"): enough for a
 * person to recognise their own device in a list, never used to decide anything.
 */
final class UserAgents {

    record Device(String browser, String os) {
    }

    private static final Pattern[] BROWSERS = {
            Pattern.compile("(Edg)(?:e|A|iOS)?/(\\d+)"),
            Pattern.compile("(OPR|Opera)/(\\d+)"),
            Pattern.compile("(SamsungBrowser)/(\\d+)"),
            Pattern.compile("(Firefox|FxiOS)/(\\d+)"),
            Pattern.compile("(Chrome|CriOS|Chromium)/(\\d+)"),
            Pattern.compile("Version/(\\d+)(?:\\.\\d+)*.*(Safari)/"),
    };

    private UserAgents() {
    }

    static Device parse(@Nullable String userAgent) {
        String ua = userAgent == null ? "" : userAgent;
        return new Device(browser(ua), os(ua));
    }

    private static String browser(String ua) {
        for (Pattern pattern : BROWSERS) {
            Matcher m = pattern.matcher(ua);
            if (m.find()) {
                boolean safari = "Safari".equals(m.group(2));
                String name = safari ? "Safari" : switch (m.group(1)) {
                    case "Edg" -> "Edge";
                    case "OPR", "Opera" -> "Opera";
                    case "SamsungBrowser" -> "Samsung Internet";
                    case "FxiOS" -> "Firefox";
                    case "CriOS", "Chromium" -> "Chrome";
                    default -> m.group(1);
                };
                return name + " " + (safari ? m.group(1) : m.group(2));
            }
        }
        if (ua.isBlank()) {
            return "?";
        }
        // a script or tool: its first word says what it is ("curl/8.5", "Java-http-client/21")
        String first = ua.strip().split("[\\s(]", 2)[0];
        return first.length() > 40 ? first.substring(0, 40) : first;
    }

    private static String os(String ua) {
        if (ua.contains("iPhone") || ua.contains("iPad") || ua.contains("iOS")) {
            return ua.contains("iPad") ? "iPadOS" : "iOS";
        }
        if (ua.contains("Android")) {
            return "Android";
        }
        if (ua.contains("CrOS")) {
            return "ChromeOS";
        }
        if (ua.contains("Windows")) {
            return "Windows";
        }
        if (ua.contains("Mac OS X") || ua.contains("Macintosh")) {
            return "macOS";
        }
        if (ua.contains("Linux")) {
            return "Linux";
        }
        return "?";
    }
}
