package app.flowmarket.analytics;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Where a visit came from: a channel, the name of the site or campaign source that sent it
 * ({@code google}, {@code x}, {@code newsletter}) and the campaign, if the link named one. Tagged
 * links ({@code utm_source}, {@code utm_medium}, {@code utm_campaign}, or the share buttons'
 * {@code ref}) win over the {@code Referer} header, which browsers often cut down to the host.
 */
public record TrafficSource(Channel channel, String referrer, String campaign) {

    public enum Channel { SEARCH, SOCIAL, EMAIL, OTHER, DIRECT, INTERNAL }

    static final int MAX = 100;

    public static final TrafficSource DIRECT = new TrafficSource(Channel.DIRECT, "", "");
    public static final TrafficSource INTERNAL = new TrafficSource(Channel.INTERNAL, "", "");

    // a site's usual name, by the host it links from (without www., m. and the like)
    private static final Map<String, String> SEARCH_HOSTS = Map.ofEntries(
            Map.entry("bing.com", "bing"), Map.entry("duckduckgo.com", "duckduckgo"), Map.entry("search.yahoo.com", "yahoo"),
            Map.entry("yahoo.com", "yahoo"), Map.entry("ecosia.org", "ecosia"), Map.entry("baidu.com", "baidu"),
            Map.entry("qwant.com", "qwant"), Map.entry("search.brave.com", "brave"), Map.entry("startpage.com", "startpage"),
            Map.entry("kagi.com", "kagi"), Map.entry("perplexity.ai", "perplexity"), Map.entry("chatgpt.com", "chatgpt"));
    private static final Map<String, String> SOCIAL_HOSTS = Map.ofEntries(
            Map.entry("t.co", "x"), Map.entry("x.com", "x"), Map.entry("twitter.com", "x"),
            Map.entry("linkedin.com", "linkedin"), Map.entry("lnkd.in", "linkedin"),
            Map.entry("reddit.com", "reddit"), Map.entry("out.reddit.com", "reddit"), Map.entry("old.reddit.com", "reddit"),
            Map.entry("facebook.com", "facebook"), Map.entry("fb.com", "facebook"), Map.entry("instagram.com", "instagram"),
            Map.entry("youtube.com", "youtube"), Map.entry("youtu.be", "youtube"), Map.entry("news.ycombinator.com", "hacker news"),
            Map.entry("mastodon.social", "mastodon"), Map.entry("bsky.app", "bluesky"), Map.entry("threads.net", "threads"),
            Map.entry("pinterest.com", "pinterest"), Map.entry("tiktok.com", "tiktok"), Map.entry("discord.com", "discord"),
            Map.entry("producthunt.com", "product hunt"), Map.entry("dev.to", "dev.to"), Map.entry("medium.com", "medium"));
    private static final Map<String, String> MAIL_HOSTS = Map.of(
            "mail.google.com", "gmail", "outlook.live.com", "outlook", "outlook.office.com", "outlook", "mail.yahoo.com", "yahoo mail");
    // names a tagged link uses for the same sites
    private static final Map<String, String> SOURCE_ALIASES = Map.ofEntries(
            Map.entry("twitter", "x"), Map.entry("x", "x"), Map.entry("linkedin", "linkedin"), Map.entry("reddit", "reddit"),
            Map.entry("facebook", "facebook"), Map.entry("fb", "facebook"), Map.entry("instagram", "instagram"),
            Map.entry("youtube", "youtube"), Map.entry("hn", "hacker news"), Map.entry("hackernews", "hacker news"),
            Map.entry("mastodon", "mastodon"), Map.entry("bluesky", "bluesky"), Map.entry("threads", "threads"),
            Map.entry("pinterest", "pinterest"), Map.entry("tiktok", "tiktok"), Map.entry("discord", "discord"),
            Map.entry("producthunt", "product hunt"));
    private static final Set<String> SEARCH_SOURCES = Set.of("google", "bing", "duckduckgo", "yahoo", "ecosia", "baidu", "yandex",
            "qwant", "brave", "startpage", "kagi");
    private static final Set<String> MAIL_MEDIUMS = Set.of("email", "e-mail", "newsletter", "mail");

    public TrafficSource {
        referrer = clip(referrer);
        campaign = clip(campaign);
    }

    /**
     * Classifies a request: its tagged-link parameters if it has any, else its {@code Referer} (a page of
     * {@code ownHost} is internal, no referrer is direct).
     */
    public static TrafficSource classify(@Nullable String referer, String ownHost, @Nullable String utmSource,
                                         @Nullable String utmMedium, @Nullable String utmCampaign, @Nullable String ref) {
        String tagged = firstNonBlank(utmSource, ref);
        String campaign = utmCampaign == null ? "" : utmCampaign.strip().toLowerCase(Locale.ROOT);
        if (tagged != null) {
            return fromTag(tagged.strip().toLowerCase(Locale.ROOT), utmMedium == null ? "" : utmMedium.strip().toLowerCase(Locale.ROOT), campaign);
        }
        if (referer == null || referer.isBlank()) {
            return DIRECT;
        }
        String host = hostOf(referer.strip());
        if (host == null) {
            return new TrafficSource(Channel.OTHER, "", campaign);
        }
        if (host.equalsIgnoreCase(ownHost)) {
            return INTERNAL;
        }
        return fromHost(host, campaign);
    }

    private static TrafficSource fromTag(String source, String medium, String campaign) {
        if (MAIL_MEDIUMS.contains(medium) || MAIL_MEDIUMS.contains(source)) {
            return new TrafficSource(Channel.EMAIL, source, campaign);
        }
        if (SOURCE_ALIASES.containsKey(source)) {
            return new TrafficSource(Channel.SOCIAL, SOURCE_ALIASES.get(source), campaign);
        }
        if (SEARCH_SOURCES.contains(source) || medium.equals("cpc") || medium.equals("organic")) {
            return new TrafficSource(Channel.SEARCH, source, campaign);
        }
        if (medium.equals("social")) {
            return new TrafficSource(Channel.SOCIAL, source, campaign);
        }
        return new TrafficSource(Channel.OTHER, source, campaign);
    }

    private static TrafficSource fromHost(String rawHost, String campaign) {
        String host = rawHost.toLowerCase(Locale.ROOT).replaceFirst("^(www|m|l|lm|mobile)\\.", "");
        String name;
        if ((name = lookup(MAIL_HOSTS, host)) != null) {
            return new TrafficSource(Channel.EMAIL, name, campaign);
        }
        if (host.matches("(.+\\.)?google(\\.[a-z]{2,3}){1,2}") && !host.startsWith("mail.")) {
            return new TrafficSource(Channel.SEARCH, "google", campaign);
        }
        if (host.matches("(.+\\.)?yandex(\\.[a-z]{2,3}){1,2}")) {
            return new TrafficSource(Channel.SEARCH, "yandex", campaign);
        }
        if ((name = lookup(SEARCH_HOSTS, host)) != null) {
            return new TrafficSource(Channel.SEARCH, name, campaign);
        }
        if ((name = lookup(SOCIAL_HOSTS, host)) != null) {
            return new TrafficSource(Channel.SOCIAL, name, campaign);
        }
        return new TrafficSource(Channel.OTHER, host, campaign);
    }

    /** The name for a host or any domain it is under ({@code uk.linkedin.com} → linkedin). */
    private static @Nullable String lookup(Map<String, String> names, String host) {
        String candidate = host;
        while (true) {
            String name = names.get(candidate);
            if (name != null) {
                return name;
            }
            int dot = candidate.indexOf('.');
            if (dot < 0 || candidate.indexOf('.', dot + 1) < 0) {
                return null;
            }
            candidate = candidate.substring(dot + 1);
        }
    }

    /** The host of a referrer: an http(s) URL's host, or an Android app's package ({@code android-app://com.linkedin.android}). */
    private static @Nullable String hostOf(String referer) {
        try {
            URI uri = URI.create(referer);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost();
            if (scheme.equals("android-app") && host != null) {
                return appHost(host.toLowerCase(Locale.ROOT));
            }
            return (scheme.equals("http") || scheme.equals("https")) && host != null && !host.isBlank() ? host.toLowerCase(Locale.ROOT) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String appHost(String app) {
        return switch (app) {
            case "com.google.android.gm" -> "mail.google.com";
            case "com.google.android.googlequicksearchbox" -> "google.com";
            case "com.linkedin.android" -> "linkedin.com";
            case "com.reddit.frontpage" -> "reddit.com";
            case "com.twitter.android" -> "x.com";
            case "com.facebook.katana" -> "facebook.com";
            default -> app;
        };
    }

    private static @Nullable String firstNonBlank(@Nullable String a, @Nullable String b) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        return b != null && !b.isBlank() ? b : null;
    }

    private static String clip(@Nullable String value) {
        if (value == null) {
            return "";
        }
        String clean = value.replaceAll("\\p{Cntrl}", "");
        return clean.length() > MAX ? clean.substring(0, MAX) : clean;
    }
}
