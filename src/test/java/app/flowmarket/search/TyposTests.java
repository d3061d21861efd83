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
    void findsEveryTermWithinTheEditsAsTheSavedSearchMatcherDoesNotOnlyTheFiftyClosest() throws Exception {
        org.apache.lucene.store.ByteBuffersDirectory directory = new org.apache.lucene.store.ByteBuffersDirectory();
        int terms = 0;
        try (var writer = new org.apache.lucene.index.IndexWriter(directory, new org.apache.lucene.index.IndexWriterConfig(new KeywordAnalyzer()))) {
            // "invoices" with one letter changed, in 7 places by 10 letters: 70 terms one edit away, each in a listing of its own
            for (int at = 1; at < 8; at++) {
                for (char c = 'a'; c < 'k'; c++) {
                    String term = "invoices".substring(0, at) + c + "invoices".substring(at + 1);
                    if (!term.equals("invoices")) {
                        var document = new org.apache.lucene.document.Document();
                        document.add(new org.apache.lucene.document.StringField("title", term, org.apache.lucene.document.Field.Store.NO));
                        writer.addDocument(document);
                        assertThat(SearchMatcher.withinEdits("invoices", term, 2)).isTrue();
                        terms++;
                    }
                }
            }
        }
        try (var reader = org.apache.lucene.index.DirectoryReader.open(directory)) {
            assertThat(terms).isGreaterThan(50);
            assertThat(new org.apache.lucene.search.IndexSearcher(reader).count(Typos.inAnyOf(List.of("title"), "invoices", 2))).isEqualTo(terms);
        }
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
