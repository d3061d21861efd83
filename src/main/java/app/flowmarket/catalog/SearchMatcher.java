package app.flowmarket.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Reverse search: does one listing match a saved search? The listing is put alone in an in-memory
 * Lucene index with the same analyzers as the search index, and the search's words are looked up
 * exactly as {@link CatalogSearch} looks them up (every word in some field, stemmed or within its
 * typo allowance); filters are compared as values. Also gives what a presearcher needs to pick
 * candidate searches without running each one: a listing's terms, and a search's anchor word.
 */
public final class SearchMatcher {

    private static final Map<String, Analyzer> ANALYZERS = new HashMap<>();

    static {
        for (CatalogSearch.TextField field : CatalogSearch.TEXT_FIELDS) {
            ANALYZERS.computeIfAbsent(field.analyzer(), SearchAnalyzers::create);
        }
    }

    private SearchMatcher() {
    }

    /** What a listing shows to search: its texts and the values its filters and facets read. */
    public record Listing(String title, String summary, String description, List<String> tagNames, List<String> tagSlugs,
                          List<String> integrations, String storeName, Platform platform, String categorySlug,
                          long priceMinor, BigDecimal rating) {
    }

    /**
     * A saved search's anchor: the forms its longest word takes in the index (any analyzer), and its
     * folded spelling with the typos allowed. Every match contains the anchor, so a listing whose terms
     * miss all of these (and come within no typo of it) cannot match. No words: every listing is a candidate.
     */
    public record Anchor(Set<String> forms, String fuzzy, int maxEdits) {

        public boolean matchesEverything() {
            return forms.isEmpty();
        }
    }

    public static Anchor anchor(String query) {
        List<String> words = SearchTerms.words(query);
        if (words.isEmpty()) {
            return new Anchor(Set.of(), null, 0);
        }
        String longest = words.stream().max(Comparator.comparingInt(String::length)).orElseThrow();
        Set<String> forms = new LinkedHashSet<>();
        for (CatalogSearch.TextField field : CatalogSearch.TEXT_FIELDS) {
            forms.addAll(analyze(field.analyzer(), field.name(), longest));
        }
        List<String> folded = analyze(SearchAnalyzers.FOLDING, "title", longest);
        int edits = SearchTerms.maxEdits(longest);
        return new Anchor(forms, edits > 0 && !folded.isEmpty() ? folded.get(0) : null, edits);
    }

    public static Document document(Listing listing) {
        return new Document(listing);
    }

    /** One listing, indexed alone in memory, ready to be matched against any number of searches. */
    public static final class Document {

        private final Listing listing;
        private final MemoryIndex index = new MemoryIndex();
        private final Set<String> terms = new LinkedHashSet<>();
        private final Set<String> fuzzyTerms = new LinkedHashSet<>();
        private final Map<String, Boolean> textMatches = new HashMap<>();

        private Document(Listing listing) {
            this.listing = listing;
            for (CatalogSearch.TextField field : CatalogSearch.TEXT_FIELDS) {
                String text = text(field.name());
                if (text.isEmpty()) {
                    continue;
                }
                index.addField(field.name(), text, ANALYZERS.get(field.analyzer()));
                List<String> fieldTerms = analyze(field.analyzer(), field.name(), text);
                terms.addAll(fieldTerms);
                if (field.fuzzy()) {
                    fuzzyTerms.addAll(fieldTerms);
                }
            }
        }

        public Listing listing() {
            return listing;
        }

        /** Every term the listing has in any text field, under any analyzer. */
        public Set<String> terms() {
            return terms;
        }

        /** The terms of the fields where typos are forgiven. */
        public Set<String> fuzzyTerms() {
            return fuzzyTerms;
        }

        /** True when {@link CatalogSearch#search} for this search would list this (published) listing. */
        public boolean matches(CatalogQueries.Search search) {
            return matchesFilters(search) && matchesText(search.query());
        }

        public boolean matchesFilters(CatalogQueries.Search search) {
            return (search.category() == null || search.category().equals(listing.categorySlug()))
                    && (search.tag() == null || listing.tagSlugs().contains(search.tag()))
                    && (search.platform() == null || search.platform() == listing.platform())
                    && (search.price() == null || search.price().contains(listing.priceMinor()))
                    && (search.integration() == null || listing.integrations().contains(search.integration()))
                    && (search.minRating() == null || listing.rating().compareTo(BigDecimal.valueOf(search.minRating())) >= 0);
        }

        /** The text part alone, remembered per query text: many saved searches share a few popular queries. */
        public boolean matchesText(String query) {
            return textMatches.computeIfAbsent(query, q -> {
                List<String> words = SearchTerms.words(q);
                return words.isEmpty() || index.search(textQuery(words)) > 0f;
            });
        }

        private String text(String field) {
            return switch (field) {
                case "title", "title_en", "title_fr", "title_es", "title_de" -> nz(listing.title());
                case "summary", "summary_en", "summary_fr", "summary_es", "summary_de" -> nz(listing.summary());
                case "description", "description_en", "description_fr", "description_es", "description_de" -> nz(listing.description());
                case "tags.name" -> String.join("\n", listing.tagNames());
                case "integrations" -> String.join("\n", listing.integrations());
                case "storeName" -> nz(listing.storeName());
                default -> throw new IllegalArgumentException(field);
            };
        }
    }

    /** The same question as CatalogSearch's text predicate, as one Lucene query. */
    static Query textQuery(List<String> words) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (String word : words) {
            BooleanQuery.Builder either = new BooleanQuery.Builder();
            for (CatalogSearch.TextField field : CatalogSearch.TEXT_FIELDS) {
                for (String term : analyze(field.analyzer(), field.name(), word)) {
                    either.add(new TermQuery(new Term(field.name(), term)), BooleanClause.Occur.SHOULD);
                }
            }
            int edits = SearchTerms.maxEdits(word);
            if (edits > 0) {
                for (CatalogSearch.TextField field : CatalogSearch.TEXT_FIELDS) {
                    if (field.fuzzy()) {
                        for (String term : analyze(field.analyzer(), field.name(), word)) {
                            either.add(new FuzzyQuery(new Term(field.name(), term), edits, 1), BooleanClause.Occur.SHOULD);
                        }
                    }
                }
            }
            all.add(either.build(), BooleanClause.Occur.MUST);
        }
        return all.build();
    }

    static List<String> analyze(String analyzer, String field, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream stream = ANALYZERS.get(analyzer).tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                out.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
