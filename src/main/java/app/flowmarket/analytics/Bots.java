package app.flowmarket.analytics;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Tells crawlers, link previewers, monitors and scripts from people, by their {@code User-Agent}: they
 * would count as views that never buy. A request without a browser's name is not a person either.
 */
final class Bots {

    private static final Pattern NOT_A_PERSON = Pattern.compile(
            "bot|crawl|spider|slurp|scrape|archiver|facebookexternalhit|embedly|preview|headless|phantomjs|lighthouse|pingdom|"
                    + "uptime|monitor|curl|wget|httpclient|http-client|okhttp|python|java/|go-http|node-fetch|axios|libwww|ruby|perl|"
                    + "postman|insomnia|feedfetcher|mediapartners",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BROWSER = Pattern.compile("mozilla/|opera/", Pattern.CASE_INSENSITIVE);

    private Bots() {
    }

    static boolean isBot(@Nullable String userAgent) {
        return userAgent == null || userAgent.isBlank() || !BROWSER.matcher(userAgent).find() || NOT_A_PERSON.matcher(userAgent).find();
    }
}
