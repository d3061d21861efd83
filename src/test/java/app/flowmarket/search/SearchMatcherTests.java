package app.flowmarket.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import java.util.Set;

import app.flowmarket.catalog.Platform;

import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
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

    @Test
    void aWordIsInAListingExactlyWhenTheSearchPagesTermQueriesFindIt() throws Exception {
        Random random = new Random(5);
        String[] words = {"invoice", "invoices", "facture", "factures", "rechnung", "rechnungen", "sheet", "sheets", "slack",
                "running", "runs", "ran", "email", "e-mail", "emails", "crm", "ai", "daily", "reports", "reporting", "café", "cafe",
                "leads", "google", "weekly", "sync", "syncing", "notificaciones", "notification", "the", "de", "und"};
        int found = 0;
        for (int i = 0; i < 300; i++) {
            String title = words[random.nextInt(words.length)] + " " + words[random.nextInt(words.length)];
            String summary = words[random.nextInt(words.length)] + ", " + words[random.nextInt(words.length)];
            String description = "Sends " + words[random.nextInt(words.length)] + " " + words[random.nextInt(words.length)];
            SearchMatcher.Listing listing = new SearchMatcher.Listing(title, summary, description, List.of(words[random.nextInt(words.length)]),
                    List.of(), List.of(words[random.nextInt(words.length)]), "Store", Platform.N8N, null, Set.of(), BigDecimal.ZERO, null);
            SearchMatcher.Document document = SearchMatcher.document(listing);
            MemoryIndex index = new MemoryIndex();
            for (CatalogSearch.TextField field : CatalogSearch.TEXT_FIELDS) {
                String text = switch (field.name().replaceAll("_..$", "")) {
                    case "title" -> title;
                    case "summary" -> summary;
                    case "description" -> description;
                    case "tags.name", "tags.names" -> String.join("\n", listing.tagNames());
                    case "integrations" -> String.join("\n", listing.integrations());
                    default -> listing.storeName();
                };
                index.addField(field.name(), text, SearchAnalyzers.create(field.analyzer()));
            }
            for (String word : words) {
                boolean lucene = index.search(exactQuery(word)) > 0f;
                assertThat(document.hasExactly(word)).as("%s in %s / %s / %s", word, title, summary, description).isEqualTo(lucene);
                found += lucene ? 1 : 0;
            }
        }
        assertThat(found).as("plenty of words were found").isGreaterThan(1000);
    }

    /** One word looked up as CatalogSearch's match predicate does: in every field, with that field's analyzer. */
    private static Query exactQuery(String word) {
        BooleanQuery.Builder either = new BooleanQuery.Builder();
        for (CatalogSearch.TextField field : CatalogSearch.TEXT_FIELDS) {
            for (String term : SearchMatcher.analyze(field.analyzer(), field.name(), word)) {
                either.add(new TermQuery(new Term(field.name(), term)), BooleanClause.Occur.SHOULD);
            }
        }
        return either.build();
    }

    static String word(Random random, String letters) {
        StringBuilder word = new StringBuilder();
        for (int n = 1 + random.nextInt(7); n > 0; n--) {
            word.append(letters.charAt(random.nextInt(letters.length())));
        }
        return word.toString();
    }

    static String mutate(Random random, String word, String letters) {
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
