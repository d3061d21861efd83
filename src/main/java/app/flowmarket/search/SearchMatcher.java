package app.flowmarket.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import app.flowmarket.catalog.Platform;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.jspecify.annotations.Nullable;

/**
 * Reverse search: does one listing match a saved search? The listing is put alone in an in-memory
 * Lucene index with the same analyzers as the search index, and the search's words are looked up
 * exactly as {@link CatalogSearch} looks them up (every word in some field, stemmed or within its
 * typo allowance); filters are compared as values. Also gives what a presearcher needs to pick
 * candidate words without looking each one up: a listing's terms, and the forms a word takes.
 */
final class SearchMatcher {

    private static final Map<String, Analyzer> ANALYZERS = new HashMap<>();

    static {
        for (CatalogSearch.TextField field : CatalogSearch.TEXT_FIELDS) {
            ANALYZERS.computeIfAbsent(field.analyzer(), SearchAnalyzers::create);
        }
    }

    private SearchMatcher() {
    }

    /**
     * What a listing shows to search: its texts and the values its filters and facets read. {@code priceBands}
     * are the price bands it is in, one per currency ({@link #priceBand}), as the search filters them; {@code n8nMinimum}
     * the minimum n8n release its file needs ({@code N8nReleases.code}; null when unknown or not an n8n file).
     */
    public record Listing(String title, String summary, String description, List<String> tagNames, List<String> tagSlugs,
                          List<String> integrations, String storeName, Platform platform, @Nullable String categorySlug,
                          Set<String> priceBands, BigDecimal rating, @Nullable Integer n8nMinimum) {
    }

    /** A price band in a currency, as listings and saved searches name it ("under-25:USD"). */
    public static String priceBand(SearchQuery.PriceRange range, java.util.Currency currency) {
        return range.slug() + ":" + currency.getCurrencyCode();
    }

    /**
     * The forms a search word takes in the index: {@code byField} holds its terms under each field's analyzer, in the
     * order of {@link CatalogSearch#TEXT_FIELDS}; {@code forms} all of them, {@code folded} those of the typo-tolerant
     * fields (none when the word allows no typo) and {@code maxEdits} its typos. A listing that has none of the forms,
     * and no term of a typo-tolerant field within the typos of a folded spelling, cannot have the word.
     */
    public record WordForms(List<List<String>> byField, Set<String> forms, List<String> folded, int maxEdits) {
    }

    public static WordForms forms(String word) {
        // saved searches share their words: each is analysed once (by every field's analyzer), not once per search
        if (FORMS.size() > 100_000) {
            FORMS.clear();
        }
        return FORMS.computeIfAbsent(word, SearchMatcher::formsOf);
    }

    private static final Map<String, WordForms> FORMS = new java.util.concurrent.ConcurrentHashMap<>();

    private static WordForms formsOf(String word) {
        List<List<String>> byField = new ArrayList<>();
        Set<String> forms = new LinkedHashSet<>();
        Set<String> folded = new LinkedHashSet<>();
        int edits = SearchTerms.maxEdits(word);
        for (CatalogSearch.TextField field : CatalogSearch.TEXT_FIELDS) {
            List<String> terms = List.copyOf(new LinkedHashSet<>(analyze(field.analyzer(), field.name(), word)));
            byField.add(terms);
            forms.addAll(terms);
            if (field.fuzzy() && edits > 0) {
                folded.addAll(terms);
            }
        }
        return new WordForms(List.copyOf(byField), java.util.Collections.unmodifiableSet(forms), List.copyOf(folded), edits);
    }

    public static Document document(Listing listing) {
        return new Document(listing);
    }

    /**
     * One listing's terms, field by field, ready to be matched against any number of searches. A word is in a field
     * when the field's analyzer gives it a term the field has: what a TermQuery finds in an index of this one listing.
     */
    public static final class Document {

        private final Listing listing;
        private final List<Set<String>> fieldTerms = new ArrayList<>();
        private final Set<String> terms = new LinkedHashSet<>();
        private final Set<String> fuzzyTerms = new LinkedHashSet<>();
        private final Map<String, Boolean> wordMatches = new HashMap<>();

        private Document(Listing listing) {
            this.listing = listing;
            for (CatalogSearch.TextField field : CatalogSearch.TEXT_FIELDS) {
                String text = text(field.name());
                Set<String> inField = text.isEmpty() ? Set.of() : new java.util.HashSet<>(analyze(field.analyzer(), field.name(), text));
                fieldTerms.add(inField);
                terms.addAll(inField);
                if (field.fuzzy()) {
                    fuzzyTerms.addAll(inField);
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
        public boolean matches(SearchQuery search) {
            return matchesFilters(search) && matchesText(search.query());
        }

        public boolean matchesFilters(SearchQuery search) {
            return (search.category() == null || search.category().equals(listing.categorySlug()))
                    && (search.tag() == null || listing.tagSlugs().contains(search.tag()))
                    && (search.platform() == null || search.platform() == listing.platform())
                    && (search.price() == null || listing.priceBands().contains(priceBand(search.price(), search.currency())))
                    && (search.integration() == null || listing.integrations().contains(search.integration()))
                    && (search.minRating() == null || listing.rating().compareTo(BigDecimal.valueOf(search.minRating())) >= 0)
                    && (search.n8nCeiling() == null || listing.n8nMinimum() != null && listing.n8nMinimum() >= 1
                            && listing.n8nMinimum() <= search.n8nCeiling());
        }

        /**
         * The text part alone: every word must be in the listing. Each word is looked up once per
         * listing (saved searches share their words): exactly, in each field with that field's
         * analyzer; else within its typo allowance of a term of the typo-tolerant fields, which is
         * what a FuzzyQuery with a one-letter prefix accepts on this one document.
         */
        public boolean matchesText(String query) {
            return matchesWords(SearchTerms.words(query));
        }

        /** {@link #matchesText} for a query already split into its words ({@link SearchTerms#words}). */
        public boolean matchesWords(List<String> words) {
            for (String word : words) {
                if (!matchesWord(word)) {
                    return false;
                }
            }
            return true;
        }

        /** True when the listing has this one word ({@link #matchesText}); remembered for the next search that has it. */
        public boolean matchesWord(String word) {
            return wordMatches.computeIfAbsent(word, this::lookUp);
        }

        /** The exact half of {@link #matchesWord}: some field has one of the word's terms under its own analyzer. */
        boolean hasExactly(String word) {
            List<List<String>> byField = forms(word).byField();
            for (int i = 0; i < byField.size(); i++) {
                Set<String> inField = fieldTerms.get(i);
                for (String term : byField.get(i)) {
                    if (inField.contains(term)) {
                        return true;
                    }
                }
            }
            return false;
        }

        private boolean lookUp(String word) {
            if (hasExactly(word)) {
                return true;
            }
            WordForms forms = forms(word);
            if (forms.maxEdits() == 0) {
                return false;
            }
            for (int i = 0; i < CatalogSearch.TEXT_FIELDS.size(); i++) {
                if (!CatalogSearch.TEXT_FIELDS.get(i).fuzzy()) {
                    continue;
                }
                for (String term : forms.byField().get(i)) {
                    for (String candidate : fieldTerms.get(i)) {
                        if (withinEdits(term, candidate, forms.maxEdits())) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }

        private String text(String field) {
            return switch (field) {
                case "title", "title_en", "title_fr", "title_es", "title_de" -> nz(listing.title());
                case "summary", "summary_en", "summary_fr", "summary_es", "summary_de" -> nz(listing.summary());
                case "description", "description_en", "description_fr", "description_es", "description_de" -> nz(listing.description());
                case "tags.name", "tags.names" -> String.join("\n", listing.tagNames());
                case "integrations" -> String.join("\n", listing.integrations());
                case "storeName" -> nz(listing.storeName());
                default -> throw new IllegalArgumentException(field);
            };
        }
    }

    /**
     * Lucene's fuzzy match: the first code point equal, and the rest within {@code max} edits, where an
     * edit inserts, deletes or substitutes a character or swaps two adjacent ones.
     */
    static boolean withinEdits(String a, String b, int max) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        if (y.length == 0 || x[0] != y[0] || Math.abs(x.length - y.length) > max) {
            return false;
        }
        int n = x.length - 1;
        int m = y.length - 1;
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            int rowMin = d[i][0];
            for (int j = 1; j <= m; j++) {
                int cost = x[i] == y[j] ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && x[i] == y[j - 1] && x[i - 1] == y[j]) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
                rowMin = Math.min(rowMin, d[i][j]);
            }
            if (rowMin > max) {
                return false;
            }
        }
        return d[n][m] <= max;
    }

    static List<String> analyze(String analyzer, String field, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream stream = Objects.requireNonNull(ANALYZERS.get(analyzer), analyzer).tokenStream(field, text)) {
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
