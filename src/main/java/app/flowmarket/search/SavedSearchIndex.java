package app.flowmarket.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    // each saved search has a slot; its words are split and numbered once, when it is indexed. A slot is listed under
    // its anchor word (or among those without words) as (slot, number of other words, the other words): checking a
    // candidate's words reads the list in order, and only a search whose words are all there costs a look at the slot
    private final Map<UUID, Integer> slots = new HashMap<>();
    private UUID[] ids = new UUID[1024];
    private @Nullable SearchQuery[] filtered = new SearchQuery[1024];
    private int[][] wordsBySlot = new int[1024][];
    private int nextSlot;
    private IntList[] byAnchor = new IntList[256];
    private IntList withoutWords = new IntList();
    private int dead;
    private int addedSinceAnchored;

    /** Adds or replaces one saved search. */
    void put(UUID id, SearchQuery search) {
        List<String> split = SearchTerms.words(search.query());
        lock.writeLock().lock();
        try {
            Integer known = slots.get(id);
            if (known != null) {
                free(known);
            }
            int[] numbered = new int[split.size()];
            for (int i = 0; i < numbered.length; i++) {
                numbered[i] = wordId(split.get(i));
                searchesPerWord[numbered[i]]++;
            }
            int slot = nextSlot++;
            if (slot >= ids.length) {
                ids = Arrays.copyOf(ids, slot * 2);
                filtered = Arrays.copyOf(filtered, slot * 2);
                wordsBySlot = Arrays.copyOf(wordsBySlot, slot * 2);
            }
            ids[slot] = id;
            filtered[slot] = search.activeFilters() > 0 ? search : null;
            wordsBySlot[slot] = numbered;
            slots.put(id, slot);
            list(slot, numbered);
            addedSinceAnchored++;
        } finally {
            lock.writeLock().unlock();
        }
    }

    void remove(UUID id) {
        lock.writeLock().lock();
        try {
            Integer slot = slots.remove(id);
            if (slot != null) {
                free(slot);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Called after a batch of changes: when many searches were added or removed since the anchors were last chosen
     * (the whole index, after it is built at start), chooses them again with the words' current counts and drops the
     * removed searches' slots.
     */
    void refresh() {
        lock.writeLock().lock();
        try {
            int live = slots.size();
            if (dead > live / 4 || addedSinceAnchored > live / 2) {
                reanchor();
            }
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
            return slots.size();
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
            UUID id = all ? ids[slot] : null;
            if (id == null) {
                continue;
            }
            SearchQuery search = filtered[slot];
            if (!filters || search == null || listing.matchesFilters(search)) {
                found.add(id);
            }
        }
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
        if (ids[slot] != null) {
            for (int id : wordsBySlot[slot]) {
                searchesPerWord[id]--;
            }
            ids[slot] = null;
            filtered[slot] = null;
            wordsBySlot[slot] = null;
            dead++;
        }
    }

    // renumbers the live slots densely and lists each under its rarest word by the counts of now
    private void reanchor() {
        // the live slots, numbered anew in the order of their anchors: the searches a listing's word selects then have
        // neighbouring slots, so their ids and filters are read in order too
        int[] live = new int[slots.size()];
        int[] anchors = new int[live.length];
        int[] perAnchor = new int[words.size() + 2];
        int count = 0;
        for (int slot = 0; slot < nextSlot; slot++) {
            if (ids[slot] != null) {
                live[count] = slot;
                anchors[count] = anchor(wordsBySlot[slot]);
                perAnchor[anchors[count] + 2]++;
                count++;
            }
        }
        for (int i = 1; i < perAnchor.length; i++) {
            perAnchor[i] += perAnchor[i - 1];
        }
        int capacity = Math.max(1024, count * 5 / 4);
        UUID[] newIds = new UUID[capacity];
        SearchQuery[] newFiltered = new SearchQuery[capacity];
        int[][] newWords = new int[capacity][];
        for (int i = 0; i < count; i++) {
            int slot = live[i];
            int renumbered = perAnchor[anchors[i] + 1]++;
            newIds[renumbered] = ids[slot];
            newFiltered[renumbered] = filtered[slot];
            newWords[renumbered] = wordsBySlot[slot];
            slots.put(ids[slot], renumbered);
        }
        ids = newIds;
        filtered = newFiltered;
        wordsBySlot = newWords;
        nextSlot = count;
        byAnchor = new IntList[byAnchor.length];
        withoutWords = new IntList();
        for (int slot = 0; slot < count; slot++) {
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
        private int[] values = new int[4];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }
    }
}
