package app.flowmarket.search;

import java.io.IOException;
import java.util.List;
import java.util.Objects;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.AttributeSource;
import org.apache.lucene.util.automaton.CompiledAutomaton;

/**
 * A search word with typos allowed, looked for in several fields, for the embedded (Lucene) index. It uses the automaton
 * Lucene's fuzzy query uses ({@link SearchTerms#maxEdits} edits, transpositions counted as one, the first letter as
 * typed), but builds it once per word, not once per field as one fuzzy query per field does: building them was most of a
 * search's time. It matches every term within those edits, as the saved-search matcher does (the fuzzy query kept the
 * 50 closest). Automata of words in use are kept, up to a bounded amount of memory; a typo match scores a constant,
 * which {@link CatalogSearch} weighs low.
 */
final class Typos {

    private static final int PREFIX = 1;
    /** Words longer than this are not kept: nobody searches them twice. */
    private static final int LONGEST_KEPT = 30;
    private static final Cache<String, CompiledAutomaton> AUTOMATA = Caffeine.newBuilder()
            .maximumWeight(32L * 1024 * 1024)
            .weigher((String word, CompiledAutomaton automaton) -> (int) Math.min(Integer.MAX_VALUE, automaton.ramBytesUsed()))
            .build();

    private Typos() {
    }

    /** Any of the fields holds a word within {@code edits} of the given one (folded as the fields are). */
    static Query inAnyOf(List<String> fields, String word, int edits) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String token : SearchMatcher.analyze(SearchAnalyzers.FOLDING, "", word)) {
            CompiledAutomaton automaton = token.length() > LONGEST_KEPT ? automaton(token, edits)
                    : AUTOMATA.get(edits + " " + token, key -> automaton(token, edits));
            for (String field : fields) {
                any.add(new Within(field, token, edits, automaton), BooleanClause.Occur.SHOULD);
            }
        }
        return any.build();
    }

    private static CompiledAutomaton automaton(String token, int edits) {
        return FuzzyQuery.getFuzzyAutomaton(token, edits, PREFIX, true);
    }

    /** The terms of one field the automaton accepts. */
    static final class Within extends MultiTermQuery {

        private final String token;
        private final int edits;
        private final CompiledAutomaton automaton;

        Within(String field, String token, int edits, CompiledAutomaton automaton) {
            super(field, CONSTANT_SCORE_BLENDED_REWRITE);
            this.token = token;
            this.edits = edits;
            this.automaton = automaton;
        }

        @Override
        protected TermsEnum getTermsEnum(Terms terms, AttributeSource atts) throws IOException {
            return automaton.getTermsEnum(terms);
        }

        @Override
        public void visit(QueryVisitor visitor) {
            if (visitor.acceptField(field)) {
                visitor.consumeTermsMatching(this, field, () -> automaton.runAutomaton);
            }
        }

        @Override
        public String toString(String defaultField) {
            return (field.equals(defaultField) ? "" : field + ":") + token + "~" + edits;
        }

        @Override
        public boolean equals(Object other) {
            return sameClassAs(other) && field.equals(((Within) other).field) && token.equals(((Within) other).token)
                    && edits == ((Within) other).edits;
        }

        @Override
        public int hashCode() {
            return Objects.hash(classHash(), field, token, edits);
        }
    }
}
