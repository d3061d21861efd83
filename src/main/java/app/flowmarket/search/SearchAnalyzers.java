package app.flowmarket.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurationContext;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurer;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * The analyzers of the search index, defined once: Hibernate Search's Lucene backend and the
 * saved-search matcher use these same instances' definitions, so an alert matches exactly what
 * the search finds. The language analyzers carry the names of Elasticsearch's built-in ones, which
 * are the same chains; only the two custom ones need defining there.
 */
final class SearchAnalyzers {

    static final String FOLDING = "folding";
    static final String AUTOCOMPLETE = "autocomplete";
    static final String ENGLISH = "english";
    static final String FRENCH = "french";
    static final String SPANISH = "spanish";
    static final String GERMAN = "german";

    private SearchAnalyzers() {
    }

    /** The stemming analyzer of a catalogue language (en, fr, es, de). */
    static String forLanguage(String language) {
        return switch (language) {
            case "en" -> ENGLISH;
            case "fr" -> FRENCH;
            case "es" -> SPANISH;
            case "de" -> GERMAN;
            default -> throw new IllegalArgumentException(language);
        };
    }

    static Analyzer create(String name) {
        return switch (name) {
            case FOLDING -> custom(false);
            case AUTOCOMPLETE -> custom(true);
            case ENGLISH -> new EnglishAnalyzer();
            case FRENCH -> new FrenchAnalyzer();
            case SPANISH -> new SpanishAnalyzer();
            case GERMAN -> new GermanAnalyzer();
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static Analyzer custom(boolean edgeNgrams) {
        try {
            CustomAnalyzer.Builder builder = CustomAnalyzer.builder()
                    .withTokenizer("standard")
                    .addTokenFilter("lowercase")
                    .addTokenFilter("asciifolding");
            if (edgeNgrams) {
                builder.addTokenFilter("edgeNGram", new java.util.HashMap<>(Map.of("minGramSize", "1", "maxGramSize", "20")));
            }
            return builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Registered through {@code hibernate.search.backend.analysis.configurer}; serves either backend. */
    @org.springframework.stereotype.Component("searchAnalysisConfigurer")
    static class Configurer implements LuceneAnalysisConfigurer, ElasticsearchAnalysisConfigurer {
        @Override
        public void configure(LuceneAnalysisConfigurationContext context) {
            for (String name : new String[] {FOLDING, AUTOCOMPLETE, ENGLISH, FRENCH, SPANISH, GERMAN}) {
                context.analyzer(name).instance(create(name));
            }
        }

        @Override
        public void configure(ElasticsearchAnalysisConfigurationContext context) {
            context.tokenFilter("edge_1_20").type("edge_ngram").param("min_gram", 1).param("max_gram", 20);
            context.analyzer(FOLDING).custom().tokenizer("standard").tokenFilters("lowercase", "asciifolding");
            context.analyzer(AUTOCOMPLETE).custom().tokenizer("standard").tokenFilters("lowercase", "asciifolding", "edge_1_20");
        }
    }
}
