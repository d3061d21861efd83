package app.flowmarket.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;


/**
 * The presearcher of saved-search alerts (the idea of Luwak and Elasticsearch's percolator): saved
 * searches are indexed by their anchor word and filters, and a new listing's terms select the few
 * that could match it. Candidates are then confirmed one by one with {@link SearchMatcher.Document}.
 * In memory; rebuilt from the database at start and kept current by revision.
 */
final class SavedSearchIndex implements AutoCloseable {

    static final String ANY = "*";
    /** Typos are symmetric: the listing's word within two edits of the saved word finds it. */
    private static final int MAX_EDITS = 2;
    private static final int MAX_FUZZY_TERMS = 400;

    private final IndexWriter writer;
    private final SearcherManager searchers;
    // each saved search has a slot; the index stores the slot, so a candidate costs an array read
    private final Map<UUID, Integer> slots = new ConcurrentHashMap<>();
    private volatile Slot[] bySlot = new Slot[1024];
    private int nextSlot;

    // the search's words are split once, when it is indexed, not for every listing it is a candidate for
    private record Slot(UUID id, SearchQuery search, List<String> words) {
    }

    SavedSearchIndex() {
        try {
            writer = new IndexWriter(new ByteBuffersDirectory(), new IndexWriterConfig().setRAMBufferSizeMB(64));
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds or replaces one saved search. Visible to {@link #candidates} after {@link #refresh()}. */
    synchronized void put(UUID id, SearchQuery search) {
        Document doc = new Document();
        String key = id.toString();
        Integer known = slots.get(id);
        int slot = known != null ? known : nextSlot++;
        slots.put(id, slot);
        if (slot >= bySlot.length) {
            bySlot = java.util.Arrays.copyOf(bySlot, Math.max(slot + 1, bySlot.length * 2));
        }
        bySlot[slot] = new Slot(id, search, SearchTerms.words(search.query()));
        doc.add(new StringField("id", key, Field.Store.NO));
        doc.add(new NumericDocValuesField("slot", slot));
        SearchMatcher.Anchor anchor = SearchMatcher.anchor(search.query());
        if (anchor.matchesEverything()) {
            doc.add(new StringField("anchor", ANY, Field.Store.NO));
        }
        for (String form : anchor.forms()) {
            doc.add(new StringField("anchor", form, Field.Store.NO));
        }
        if (anchor.fuzzy() != null) {
            doc.add(new StringField("anchor_fuzzy", anchor.fuzzy(), Field.Store.NO));
        }
        try {
            // a new saved search (every one, when the index is built at start) has nothing to replace
            if (known == null) {
                writer.addDocument(doc);
            } else {
                writer.updateDocument(new Term("id", key), doc);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized void remove(UUID id) {
        Integer slot = slots.get(id);
        if (slot != null) {
            bySlot[slot] = null;
        }
        try {
            writer.deleteDocuments(new Term("id", id.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The saved searches this listing matches: candidates from the presearch, each confirmed. */
    List<UUID> matches(SearchMatcher.Document listing) {
        List<UUID> matches = new ArrayList<>();
        Slot[] table = bySlot;
        for (int slot : candidateSlots(listing)) {
            Slot entry = slot < table.length ? table[slot] : null;
            // filters first: comparing values is cheaper than looking words up
            if (entry != null && listing.matchesFilters(entry.search()) && listing.matchesWords(entry.words())) {
                matches.add(entry.id());
            }
        }
        return matches;
    }

    /**
     * The saved searches that may match this listing: a superset of those that do. The presearch looks at
     * words only; filters are compared when candidates are confirmed (a filter clause that mostly matches
     * "any" costs the presearch a pass over nearly every saved search).
     */
    List<UUID> candidates(SearchMatcher.Document listing) {
        Slot[] table = bySlot;
        List<UUID> ids = new ArrayList<>();
        for (int slot : candidateSlots(listing)) {
            if (slot < table.length && table[slot] != null) {
                ids.add(table[slot].id());
            }
        }
        return ids;
    }

    private int[] candidateSlots(SearchMatcher.Document listing) {
        IndexSearcher searcher;
        try {
            searcher = searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            org.apache.lucene.util.IntsRefBuilder found = new org.apache.lucene.util.IntsRefBuilder();
            searcher.search(query(listing, searcher), new SimpleCollector() {
                private @Nullable NumericDocValues values;

                @Override
                protected void doSetNextReader(LeafReaderContext context) throws IOException {
                    values = context.reader().getNumericDocValues("slot");
                }

                @Override
                public void collect(int doc) throws IOException {
                    if (values != null && values.advanceExact(doc)) {
                        found.append((int) values.longValue());
                    }
                }

                @Override
                public ScoreMode scoreMode() {
                    return ScoreMode.COMPLETE_NO_SCORES;
                }
            });
            return java.util.Arrays.copyOf(found.ints(), found.length());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                searchers.release(searcher);
            } catch (IOException ignored) {
                // releasing an in-memory reader cannot fail in a way worth reporting
            }
        }
    }

    int size() {
        return writer.getDocStats().numDocs;
    }

    private static Query query(SearchMatcher.Document listing, IndexSearcher searcher) throws IOException {
        BooleanQuery.Builder text = new BooleanQuery.Builder();
        Set<String> anchors = new HashSet<>(listing.terms());
        anchors.add(ANY);
        text.add(terms("anchor", anchors), BooleanClause.Occur.SHOULD);
        List<String> fuzzy = fuzzyAnchors(listing, searcher);
        if (!fuzzy.isEmpty()) {
            text.add(terms("anchor_fuzzy", fuzzy), BooleanClause.Occur.SHOULD);
        }
        return new ConstantScoreQuery(text.build());
    }

    /**
     * The typo-tolerant anchors within reach of the listing's words: what a FuzzyQuery per listing word (one-letter
     * prefix, transpositions) would find, found by reading the anchors once instead of building an automaton per
     * word, which cost about as much as all the rest of the presearch, whatever the number of saved searches.
     */
    private static List<String> fuzzyAnchors(SearchMatcher.Document listing, IndexSearcher searcher) throws IOException {
        // the listing's words by first letter, each with its allowance: fuzzy anchors have at least four letters and
        // one typo up to five, two beyond; a word of three letters can only be one typo away, and shorter ones none
        Map<Integer, List<String>> byFirst = new java.util.HashMap<>();
        int kept = 0;
        for (String term : listing.fuzzyTerms()) {
            int edits = edits(term);
            if (edits > 0 && kept++ < MAX_FUZZY_TERMS) {
                byFirst.computeIfAbsent(term.codePointAt(0), k -> new ArrayList<>()).add(term);
            }
        }
        List<String> found = new ArrayList<>();
        if (byFirst.isEmpty()) {
            return found;
        }
        org.apache.lucene.index.Terms terms = org.apache.lucene.index.MultiTerms.getTerms(searcher.getIndexReader(), "anchor_fuzzy");
        if (terms == null) {
            return found;
        }
        org.apache.lucene.index.TermsEnum all = terms.iterator();
        for (BytesRef ref = all.next(); ref != null; ref = all.next()) {
            String anchor = ref.utf8ToString();
            if (anchor.isEmpty()) {
                continue;
            }
            for (String term : byFirst.getOrDefault(anchor.codePointAt(0), List.of())) {
                if (SearchMatcher.withinEdits(term, anchor, edits(term))) {
                    found.add(anchor);
                    break;
                }
            }
        }
        return found;
    }

    private static int edits(String term) {
        return term.length() >= 4 ? MAX_EDITS : term.length() == 3 ? 1 : 0;
    }

    private static Query terms(String field, java.util.Collection<String> values) {
        List<BytesRef> refs = values.stream().map(BytesRef::new).toList();
        return new TermInSetQuery(field, refs);
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
    }
}
