package app.flowmarket.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.jspecify.annotations.Nullable;


/**
 * The presearcher of saved-search alerts (the idea of Luwak and Elasticsearch's percolator, at the level of words):
 * saved searches share a small vocabulary, so a new listing first finds which of the saved searches' distinct words it
 * has (the words whose forms are among its terms or within their typos of them, each then looked up exactly with
 * {@link SearchMatcher.Document#matchesWord}); then a search can match only if all its words are among those. Each
 * saved search is listed under one of its words, the one fewest saved searches have, and checked against the listing's
 * words (a bit each) and filters when that word is found. In memory; rebuilt from the database at start and kept
 * current by revision.
 */
final class SavedSearchIndex implements AutoCloseable {

    /** Typos are symmetric: the listing's word within two edits of the saved word finds it. */
    private static final int MAX_EDITS = 2;

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    // the distinct words of the saved searches; a word's id indexes the arrays below
    private final Map<String, Integer> wordIds = new HashMap<>();
    private final List<String> words = new ArrayList<>();
    private final List<SearchMatcher.WordForms> forms = new ArrayList<>();
    private int[] searchesPerWord = new int[256];
    // a form a word takes in the index -> the words taking it; (first letter, length) of a folded spelling -> the words
    private final Map<String, IntList> byForm = new HashMap<>();
    private final Map<Long, IntList> byFolded = new HashMap<>();

    // each saved search has a slot: its id as two longs, its words (numbered once, when it is indexed) and its filters.
    // A million saved searches are a few arrays, not millions of small objects for the collector to copy. A slot is
    // listed under its anchor word (or among those without words) as (slot, number of other words, the other words):
    // checking a candidate's words reads the list in order, and only a search whose words are all there costs a look at
    // the slot. Slots added since the last refresh are not listed yet: a listing checks them one by one
    private final SlotTable slots = new SlotTable();
    private long[] idHigh = new long[1024];
    private long[] idLow = new long[1024];
    private boolean[] live = new boolean[1024];
    private @Nullable SearchQuery[] filtered = new SearchQuery[1024];
    private int[][] wordsBySlot = new int[1024][];
    private int nextSlot;
    private int listedUpTo;
    private int liveCount;
    private IntList[] byAnchor = new IntList[256];
    private IntList withoutWords = new IntList();
    private int dead;
    private int addedSinceAnchored;

    // saved searches share their texts and filters: each distinct one is split and numbered, or parsed, once between
    // two refreshes (the start-up read is one batch), and the searches that have it share the result
    private final Map<String, int[]> numberedTexts = new HashMap<>();
    private final Map<String, Optional<SearchQuery>> parsedFilters = new HashMap<>();

    /** Adds or replaces one saved search. */
    void put(UUID id, SearchQuery search) {
        lock.writeLock().lock();
        try {
            put(id, numbered(search.query()), search.activeFilters() > 0 ? search : null);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Adds or replaces one saved search as stored: its text and its filters ({@link SearchQuery#filterQuery()}). Matches as
     * {@code put(id, SearchQuery.parse(query, filters))} does.
     */
    void put(UUID id, String query, String filters) {
        lock.writeLock().lock();
        try {
            put(id, numbered(SearchQuery.text(query)), filters.isEmpty() ? null : parsedFilters.computeIfAbsent(filters, f -> {
                // only the filters are compared, so one parsed search serves every saved search with these filters
                SearchQuery parsed = SearchQuery.parse("", f);
                return parsed.activeFilters() > 0 ? Optional.of(parsed) : Optional.empty();
            }).orElse(null));
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void put(UUID id, int[] numbered, @Nullable SearchQuery withFilters) {
        long high = id.getMostSignificantBits();
        long low = id.getLeastSignificantBits();
        int known = slots.find(high, low);
        if (known >= 0) {
            free(known);
        }
        for (int word : numbered) {
            searchesPerWord[word]++;
        }
        int slot = nextSlot++;
        if (slot >= idHigh.length) {
            int capacity = slot * 2;
            idHigh = Arrays.copyOf(idHigh, capacity);
            idLow = Arrays.copyOf(idLow, capacity);
            live = Arrays.copyOf(live, capacity);
            filtered = Arrays.copyOf(filtered, capacity);
            wordsBySlot = Arrays.copyOf(wordsBySlot, capacity);
        }
        idHigh[slot] = high;
        idLow[slot] = low;
        live[slot] = true;
        filtered[slot] = withFilters;
        wordsBySlot[slot] = numbered;
        slots.put(slot);
        liveCount++;
        addedSinceAnchored++;
    }

    /** The text's words, numbered: shared by the searches with the same text. */
    private int[] numbered(String text) {
        int[] known = numberedTexts.get(text);
        if (known != null) {
            return known;
        }
        List<String> split = SearchTerms.words(text);
        int[] numbered = new int[split.size()];
        for (int i = 0; i < numbered.length; i++) {
            numbered[i] = wordId(split.get(i));
        }
        numberedTexts.put(text, numbered);
        return numbered;
    }

    void remove(UUID id) {
        lock.writeLock().lock();
        try {
            int slot = slots.find(id.getMostSignificantBits(), id.getLeastSignificantBits());
            if (slot >= 0) {
                free(slot);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Called after a batch of changes: when many searches were added or removed since the anchors were last chosen
     * (the whole index, after it is built at start), chooses them again with the words' current counts and drops the
     * removed searches' slots; otherwise lists the searches added since under their anchors.
     */
    void refresh() {
        lock.writeLock().lock();
        try {
            if (dead > liveCount / 4 || addedSinceAnchored > liveCount / 2) {
                reanchor();
            } else {
                for (int slot = listedUpTo; slot < nextSlot; slot++) {
                    if (live[slot]) {
                        list(slot, wordsBySlot[slot]);
                    }
                }
                listedUpTo = nextSlot;
            }
            numberedTexts.clear();
            parsedFilters.clear();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The saved searches this listing matches. */
    List<UUID> matches(SearchMatcher.Document listing) {
        return find(listing, true);
    }

    /** The saved searches whose words the listing has, their filters not compared: a superset of {@link #matches}. */
    List<UUID> candidates(SearchMatcher.Document listing) {
        return find(listing, false);
    }

    int size() {
        lock.readLock().lock();
        try {
            return liveCount;
        } finally {
            lock.readLock().unlock();
        }
    }

    private List<UUID> find(SearchMatcher.Document listing, boolean filters) {
        List<UUID> found = new ArrayList<>();
        lock.readLock().lock();
        try {
            BitSet has = wordsOf(listing);
            collect(withoutWords, has, listing, filters, found);
            for (int word = has.nextSetBit(0); word >= 0; word = has.nextSetBit(word + 1)) {
                IntList anchored = byAnchor[word];
                if (anchored != null) {
                    collect(anchored, has, listing, filters, found);
                }
            }
            for (int slot = listedUpTo; slot < nextSlot; slot++) {
                if (live[slot] && hasAll(has, wordsBySlot[slot]) && (!filters || matchesFilters(slot, listing))) {
                    found.add(new UUID(idHigh[slot], idLow[slot]));
                }
            }
        } finally {
            lock.readLock().unlock();
        }
        return found;
    }

    private void collect(IntList anchored, BitSet has, SearchMatcher.Document listing, boolean filters, List<UUID> found) {
        int[] values = anchored.values;
        int i = 0;
        while (i < anchored.size) {
            int slot = values[i];
            int end = i + 2 + values[i + 1];
            boolean all = true;
            for (int w = i + 2; w < end && all; w++) {
                all = has.get(values[w]);
            }
            i = end;
            if (all && live[slot] && (!filters || matchesFilters(slot, listing))) {
                found.add(new UUID(idHigh[slot], idLow[slot]));
            }
        }
    }

    private boolean matchesFilters(int slot, SearchMatcher.Document listing) {
        SearchQuery search = filtered[slot];
        return search == null || listing.matchesFilters(search);
    }

    private static boolean hasAll(BitSet has, int[] numbered) {
        for (int word : numbered) {
            if (!has.get(word)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The saved searches' words this listing has. Candidates are the words one of whose forms is among the listing's
     * terms, and those whose folded spelling is within its typos of a term of a typo-tolerant field (same first letter,
     * at most two letters longer or shorter); each is then looked up exactly as the search page does.
     */
    private BitSet wordsOf(SearchMatcher.Document listing) {
        BitSet candidates = new BitSet(words.size());
        for (String term : listing.terms()) {
            IntList ids = byForm.get(term);
            if (ids != null) {
                for (int i = 0; i < ids.size; i++) {
                    candidates.set(ids.values[i]);
                }
            }
        }
        for (String term : listing.fuzzyTerms()) {
            int length = term.codePointCount(0, term.length());
            for (int other = length - MAX_EDITS; other <= length + MAX_EDITS; other++) {
                IntList ids = byFolded.get(foldedKey(term.codePointAt(0), other));
                if (ids == null) {
                    continue;
                }
                for (int i = 0; i < ids.size; i++) {
                    int id = ids.values[i];
                    if (!candidates.get(id) && withinTypos(forms.get(id), term)) {
                        candidates.set(id);
                    }
                }
            }
        }
        BitSet has = new BitSet(words.size());
        for (int id = candidates.nextSetBit(0); id >= 0; id = candidates.nextSetBit(id + 1)) {
            if (searchesPerWord[id] > 0 && listing.matchesWord(words.get(id))) {
                has.set(id);
            }
        }
        return has;
    }

    private static boolean withinTypos(SearchMatcher.WordForms forms, String term) {
        for (String folded : forms.folded()) {
            if (SearchMatcher.withinEdits(folded, term, forms.maxEdits())) {
                return true;
            }
        }
        return false;
    }

    private int wordId(String word) {
        Integer known = wordIds.get(word);
        if (known != null) {
            return known;
        }
        int id = words.size();
        SearchMatcher.WordForms wordForms = SearchMatcher.forms(word);
        words.add(word);
        forms.add(wordForms);
        wordIds.put(word, id);
        if (id >= searchesPerWord.length) {
            searchesPerWord = Arrays.copyOf(searchesPerWord, searchesPerWord.length * 2);
            byAnchor = Arrays.copyOf(byAnchor, byAnchor.length * 2);
        }
        for (String form : wordForms.forms()) {
            byForm.computeIfAbsent(form, f -> new IntList()).add(id);
        }
        for (String folded : wordForms.folded()) {
            byFolded.computeIfAbsent(foldedKey(folded.codePointAt(0), folded.codePointCount(0, folded.length())), k -> new IntList())
                    .add(id);
        }
        return id;
    }

    private static long foldedKey(int firstCodePoint, int length) {
        return ((long) firstCodePoint << 32) | (length & 0xffffffffL);
    }

    /** Lists the slot under its word that the fewest saved searches have (the longest among equals), or among those without words. */
    private void list(int slot, int[] numbered) {
        int anchor = anchor(numbered);
        if (anchor < 0) {
            withoutWords.add(slot);
            withoutWords.add(0);
            return;
        }
        if (byAnchor[anchor] == null) {
            byAnchor[anchor] = new IntList();
        }
        IntList anchored = byAnchor[anchor];
        anchored.add(slot);
        anchored.add(numbered.length - 1);
        for (int id : numbered) {
            if (id != anchor) {
                anchored.add(id);
            }
        }
    }

    private int anchor(int[] numbered) {
        if (numbered.length == 0) {
            return -1;
        }
        int anchor = numbered[0];
        for (int id : numbered) {
            if (searchesPerWord[id] < searchesPerWord[anchor]
                    || searchesPerWord[id] == searchesPerWord[anchor] && words.get(id).length() > words.get(anchor).length()) {
                anchor = id;
            }
        }
        return anchor;
    }

    private void free(int slot) {
        if (live[slot]) {
            for (int id : wordsBySlot[slot]) {
                searchesPerWord[id]--;
            }
            live[slot] = false;
            filtered[slot] = null;
            liveCount--;
            dead++;
        }
    }

    // renumbers the live slots densely and lists each under its rarest word by the counts of now
    private void reanchor() {
        // the live slots, numbered anew in the order of their anchors: the searches a listing's word selects then have
        // neighbouring slots, so their ids and filters are read in order too. Each anchor's list is sized before it is
        // filled (its searches' words are counted first), so no list grows by copying
        int[] anchors = new int[nextSlot];
        int[] perAnchor = new int[words.size() + 2];
        int[] listLength = new int[words.size() + 1];
        for (int slot = 0; slot < nextSlot; slot++) {
            if (live[slot]) {
                int anchor = anchor(wordsBySlot[slot]);
                anchors[slot] = anchor;
                perAnchor[anchor + 2]++;
                listLength[anchor + 1] += 2 + Math.max(0, wordsBySlot[slot].length - 1);
            }
        }
        for (int i = 1; i < perAnchor.length; i++) {
            perAnchor[i] += perAnchor[i - 1];
        }
        int count = liveCount;
        int capacity = Math.max(1024, count * 5 / 4);
        long[] newHigh = new long[capacity];
        long[] newLow = new long[capacity];
        boolean[] newLive = new boolean[capacity];
        SearchQuery[] newFiltered = new SearchQuery[capacity];
        int[][] newWords = new int[capacity][];
        for (int slot = 0; slot < nextSlot; slot++) {
            if (live[slot]) {
                int renumbered = perAnchor[anchors[slot] + 1]++;
                newHigh[renumbered] = idHigh[slot];
                newLow[renumbered] = idLow[slot];
                newLive[renumbered] = true;
                newFiltered[renumbered] = filtered[slot];
                newWords[renumbered] = wordsBySlot[slot];
            }
        }
        idHigh = newHigh;
        idLow = newLow;
        live = newLive;
        filtered = newFiltered;
        wordsBySlot = newWords;
        nextSlot = count;
        listedUpTo = count;
        slots.clear(count);
        byAnchor = new IntList[byAnchor.length];
        withoutWords = new IntList(listLength[0]);
        for (int word = 0; word < words.size(); word++) {
            if (listLength[word + 1] > 0) {
                byAnchor[word] = new IntList(listLength[word + 1]);
            }
        }
        for (int slot = 0; slot < count; slot++) {
            slots.put(slot);
            list(slot, wordsBySlot[slot]);
        }
        dead = 0;
        addedSinceAnchored = 0;
    }

    @Override
    public void close() {
        // nothing to release: the index is plain arrays on the heap
    }

    /** A growable list of ints without boxing: the slots under a word can be hundreds of thousands. */
    private static final class IntList {
        private int[] values;
        private int size;

        IntList() {
            this(4);
        }

        IntList(int capacity) {
            values = new int[Math.max(4, capacity)];
        }

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }
    }

    /**
     * The slot of each saved search id: open addressing over the slots' own id arrays (linear probing, at most half
     * full), so a million ids are one int array rather than a million map entries, boxed slots and UUIDs. A replaced or
     * removed search keeps its entry, pointing at its newest slot, until the slots are renumbered.
     */
    private final class SlotTable {
        private int[] table = new int[2048];
        private int entries;

        /** The slot of this id, live or freed, or -1. */
        int find(long high, long low) {
            int mask = table.length - 1;
            for (int i = hash(high, low) & mask; table[i] != 0; i = (i + 1) & mask) {
                int slot = table[i] - 1;
                if (idHigh[slot] == high && idLow[slot] == low) {
                    return slot;
                }
            }
            return -1;
        }

        /** Points the slot's id at it (a new entry, or the id's older slot replaced). */
        void put(int slot) {
            if (entries + 1 > table.length / 2) {
                int[] old = table;
                table = new int[old.length * 2];
                entries = 0;
                for (int entry : old) {
                    if (entry != 0) {
                        insert(entry - 1);
                    }
                }
            }
            insert(slot);
        }

        private void insert(int slot) {
            long high = idHigh[slot];
            long low = idLow[slot];
            int mask = table.length - 1;
            int i = hash(high, low) & mask;
            while (table[i] != 0) {
                int other = table[i] - 1;
                if (idHigh[other] == high && idLow[other] == low) {
                    table[i] = slot + 1;
                    return;
                }
                i = (i + 1) & mask;
            }
            table[i] = slot + 1;
            entries++;
        }

        /** Empties the table, sized for this many ids. */
        void clear(int expected) {
            table = new int[Math.max(2048, Integer.highestOneBit(Math.max(1, expected) * 2 - 1) << 1)];
            entries = 0;
        }

        private static int hash(long high, long low) {
            long h = (high ^ low) * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32));
        }
    }
}
