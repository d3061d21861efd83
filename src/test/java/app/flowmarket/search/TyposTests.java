package app.flowmarket.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;

import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.junit.jupiter.api.Test;

class TyposTests {

    @Test
    void findsExactlyWhatLucenesFuzzyQueryFindsInAnyOfTheFields() throws Exception {
        Random random = new Random(7);
        String letters = "abcde";
        int matches = 0;
        for (int i = 0; i < 20_000; i++) {
            String a = SearchMatcherTests.word(random, letters);
            String b = random.nextBoolean() ? SearchMatcherTests.mutate(random, a, letters) : SearchMatcherTests.word(random, letters);
            String field = random.nextBoolean() ? "f" : "g";
            int edits = 1 + random.nextInt(2);
            MemoryIndex index = new MemoryIndex();
            index.addField(field, b, new KeywordAnalyzer());
            index.addField("other", a, new KeywordAnalyzer());
            BooleanQuery.Builder fuzzy = new BooleanQuery.Builder();
            fuzzy.add(new FuzzyQuery(new Term("f", a), edits, 1), BooleanClause.Occur.SHOULD);
            fuzzy.add(new FuzzyQuery(new Term("g", a), edits, 1), BooleanClause.Occur.SHOULD);
            boolean lucene = index.createSearcher().count(fuzzy.build()) > 0;
            boolean typos = index.createSearcher().count(Typos.inAnyOf(List.of("f", "g"), a, edits)) > 0;
            assertThat(typos).as("%s ~%d %s in %s", a, edits, b, field).isEqualTo(lucene);
            matches += lucene ? 1 : 0;
        }
        assertThat(matches).as("plenty of matching pairs were tried").isGreaterThan(3000);
    }

    @Test
    void foldsTheWordAsTheFieldsAre() throws Exception {
        MemoryIndex index = new MemoryIndex();
        index.addField("title", "notifications", new KeywordAnalyzer());
        assertThat(index.createSearcher().count(Typos.inAnyOf(List.of("title"), "NOTIFICATÍONS", 2))).isEqualTo(1);
        assertThat(index.createSearcher().count(Typos.inAnyOf(List.of("title"), "notifcatoins", 2))).isEqualTo(1);
        assertThat(index.createSearcher().count(Typos.inAnyOf(List.of("title"), "motifications", 2)))
                .as("the first letter is as typed").isZero();
    }
}
