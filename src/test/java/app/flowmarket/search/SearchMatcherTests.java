package app.flowmarket.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.FuzzyQuery;
import org.junit.jupiter.api.Test;

class SearchMatcherTests {

    @Test
    void typoAllowanceIsExactlyLucenesFuzzyQuery() throws Exception {
        Random random = new Random(11);
        String letters = "abcdeé";
        int agreedMatches = 0;
        for (int i = 0; i < 20_000; i++) {
            String a = word(random, letters);
            String b = random.nextBoolean() ? mutate(random, a, letters) : word(random, letters);
            int edits = 1 + random.nextInt(2);
            MemoryIndex index = new MemoryIndex();
            index.addField("f", b, new KeywordAnalyzer());
            boolean lucene = index.createSearcher().count(new FuzzyQuery(new Term("f", a), edits, 1)) > 0;
            assertThat(SearchMatcher.withinEdits(a, b, edits)).as("%s ~%d %s", a, edits, b).isEqualTo(lucene);
            agreedMatches += lucene ? 1 : 0;
        }
        assertThat(agreedMatches).as("plenty of matching pairs were tried").isGreaterThan(3000);
    }

    private static String word(Random random, String letters) {
        StringBuilder word = new StringBuilder();
        for (int n = 1 + random.nextInt(7); n > 0; n--) {
            word.append(letters.charAt(random.nextInt(letters.length())));
        }
        return word.toString();
    }

    private static String mutate(Random random, String word, String letters) {
        StringBuilder out = new StringBuilder(word);
        for (int n = 1 + random.nextInt(3); n > 0 && out.length() > 1; n--) {
            int at = random.nextInt(out.length());
            switch (random.nextInt(4)) {
                case 0 -> out.deleteCharAt(at);
                case 1 -> out.insert(at, letters.charAt(random.nextInt(letters.length())));
                case 2 -> out.setCharAt(at, letters.charAt(random.nextInt(letters.length())));
                default -> {
                    if (at + 1 < out.length()) {
                        char c = out.charAt(at);
                        out.setCharAt(at, out.charAt(at + 1));
                        out.setCharAt(at + 1, c);
                    }
                }
            }
        }
        return out.toString();
    }
}
