package app.flowmarket.moderation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rules over what people write: links to blocklisted or throw-away domains, spam phrases, too many links, a word
 * repeated over and over, and banned words. Each hit says which rule and shows the evidence.
 */
final class TextRules {

    static final Set<String> BLOCKED_DOMAINS = Set.of("bit.ly", "tinyurl.com", "goo.gl", "t.co", "is.gd", "grabify.link", "iplogger.org",
            "webhook.site", "requestbin.net", "pastebin.com");
    static final List<String> SPAM_PHRASES = List.of("make money fast", "guaranteed income", "100% free money", "click here now",
            "buy followers", "work from home and earn", "crypto giveaway", "double your bitcoin");
    static final Set<String> BANNED_WORDS = Set.of("cracked", "keygen", "warez", "nulled");
    static final int MAX_LINKS = 8;

    private static final Pattern LINK = Pattern.compile("https?://([0-9A-Za-z.-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern WORD = Pattern.compile("\\p{L}{4,}");

    private TextRules() {
    }

    static List<String> check(String text) {
        return check(text, MAX_LINKS, 10);
    }

    /** The hits, each "rule: evidence"; more than {@code maxLinks} links, or a word {@code repetitions} times and a third of all, hit. */
    static List<String> check(String text, int maxLinks, int repetitions) {
        List<String> hits = new ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT);
        Matcher link = LINK.matcher(text);
        int links = 0;
        while (link.find()) {
            links++;
            String host = link.group(1).toLowerCase(Locale.ROOT);
            if (BLOCKED_DOMAINS.stream().anyMatch(d -> host.equals(d) || host.endsWith("." + d))) {
                hits.add("blocked-domain: " + host);
            }
        }
        if (links > maxLinks) {
            hits.add("too-many-links: " + links);
        }
        SPAM_PHRASES.stream().filter(lower::contains).forEach(phrase -> hits.add("spam-phrase: " + phrase));
        Matcher word = WORD.matcher(lower);
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        int words = 0;
        while (word.find()) {
            words++;
            String w = word.group();
            counts.merge(w, 1, Integer::sum);
            if (BANNED_WORDS.contains(w) && !hits.contains("banned-word: " + w)) {
                hits.add("banned-word: " + w);
            }
        }
        int total = words;
        counts.forEach((w, n) -> {
            if (n >= repetitions && n * 3 > total) {
                hits.add("repetition: " + w + " ×" + n);
            }
        });
        return hits;
    }
}
