package app.flowmarket.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;

/**
 * What a search box text means: its words, each of which a result must contain (in any field,
 * stemmed in any catalogue language, or one or two typos away). Words that are stop words in one of
 * the languages are dropped, since the stemmed fields never hold them.
 */
final class SearchTerms {

    static final int MAX_WORDS = 8;
    /** Shorter words must be spelled right: one typo in "api" is another word. */
    static final int FUZZY_MIN_LENGTH = 4;

    /** What separates words: anything but letters and digits (compiled once: it runs for every search and saved search). */
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final CharArraySet STOP_WORDS = new CharArraySet(1000, true);

    static {
        STOP_WORDS.addAll(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        STOP_WORDS.addAll(FrenchAnalyzer.getDefaultStopSet());
        STOP_WORDS.addAll(SpanishAnalyzer.getDefaultStopSet());
        STOP_WORDS.addAll(GermanAnalyzer.getDefaultStopSet());
    }

    private SearchTerms() {
    }

    static List<String> words(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        Set<String> all = new LinkedHashSet<>();
        for (String part : SEPARATORS.split(text.toLowerCase(Locale.ROOT))) {
            if (!part.isEmpty() && all.size() < MAX_WORDS) {
                all.add(part);
            }
        }
        List<String> content = new ArrayList<>();
        for (String word : all) {
            if (!STOP_WORDS.contains(word)) {
                content.add(word);
            }
        }
        return content.isEmpty() ? List.copyOf(all) : content;
    }

    /** Lucene's AUTO fuzziness: one edit up to five letters, two beyond. */
    static int maxEdits(String word) {
        return word.length() < FUZZY_MIN_LENGTH ? 0 : word.length() <= 5 ? 1 : 2;
    }
}
