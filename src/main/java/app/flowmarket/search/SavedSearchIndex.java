package app.flowmarket.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.RoundingMode;
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
import org.apache.lucene.document.IntPoint;
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
import org.apache.lucene.search.FuzzyQuery;
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

    private record Slot(UUID id, SearchQuery search) {
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
        int slot = slots.computeIfAbsent(id, k -> nextSlot++);
        if (slot >= bySlot.length) {
            bySlot = java.util.Arrays.copyOf(bySlot, Math.max(slot + 1, bySlot.length * 2));
        }
        bySlot[slot] = new Slot(id, search);
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
        doc.add(new StringField("category", orAny(search.category()), Field.Store.NO));
        doc.add(new StringField("tag", orAny(search.tag()), Field.Store.NO));
        doc.add(new StringField("platform", search.platform() == null ? ANY : search.platform().slug(), Field.Store.NO));
        doc.add(new StringField("price", search.price() == null ? ANY : SearchMatcher.priceBand(search.price(), search.currency()), Field.Store.NO));
        doc.add(new StringField("integration", orAny(search.integration()), Field.Store.NO));
        doc.add(new IntPoint("rating", search.minRating() == null ? 0 : search.minRating()));
        try {
            writer.updateDocument(new Term("id", key), doc);
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
            if (entry != null && listing.matches(entry.search())) {
                matches.add(entry.id());
            }
        }
        return matches;
    }

    /** The saved searches that may match this listing: a superset of those that do. */
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
            searcher.search(query(listing), new SimpleCollector() {
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

    private static Query query(SearchMatcher.Document listing) {
        SearchMatcher.Listing values = listing.listing();
        BooleanQuery.Builder text = new BooleanQuery.Builder();
        Set<String> anchors = new HashSet<>(listing.terms());
        anchors.add(ANY);
        text.add(terms("anchor", anchors), BooleanClause.Occur.SHOULD);
        int fuzzy = 0;
        for (String term : listing.fuzzyTerms()) {
            // fuzzy anchors have at least four letters and one typo up to five, two beyond: a word
            // of three letters can only be one typo away, and shorter ones none
            int edits = term.length() >= 4 ? MAX_EDITS : term.length() == 3 ? 1 : 0;
            if (edits > 0 && fuzzy++ < MAX_FUZZY_TERMS) {
                text.add(new FuzzyQuery(new Term("anchor_fuzzy", term), edits, 1, 10_000, true), BooleanClause.Occur.SHOULD);
            }
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        all.add(text.build(), BooleanClause.Occur.MUST);
        all.add(terms("category", withAny(values.categorySlug() == null ? List.of() : List.of(values.categorySlug()))), BooleanClause.Occur.FILTER);
        all.add(terms("tag", withAny(values.tagSlugs())), BooleanClause.Occur.FILTER);
        all.add(terms("platform", withAny(List.of(values.platform().slug()))), BooleanClause.Occur.FILTER);
        all.add(terms("price", withAny(List.copyOf(values.priceBands()))), BooleanClause.Occur.FILTER);
        all.add(terms("integration", withAny(values.integrations())), BooleanClause.Occur.FILTER);
        int stars = values.rating() == null ? 0 : values.rating().setScale(0, RoundingMode.FLOOR).intValue();
        all.add(IntPoint.newRangeQuery("rating", 0, stars), BooleanClause.Occur.FILTER);
        return new ConstantScoreQuery(all.build());
    }

    private static Query terms(String field, java.util.Collection<String> values) {
        List<BytesRef> refs = values.stream().map(BytesRef::new).toList();
        return new TermInSetQuery(field, refs);
    }

    private static Set<String> withAny(List<String> values) {
        Set<String> set = new HashSet<>(values);
        set.add(ANY);
        return set;
    }

    private static String orAny(@Nullable String value) {
        return value == null ? ANY : value;
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
    }
}
