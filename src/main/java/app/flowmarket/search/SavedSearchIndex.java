package app.flowmarket.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantReadWriteLock;


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

    // each saved search has a slot; a slot is listed under its anchor word (or among those without words)
    private final Map<UUID, Integer> slots = new HashMap<>();
    private Slot[] bySlot = new Slot[1024];
    private int nextSlot;
    private IntList[] byAnchor = new IntList[256];
    private IntList withoutWords = new IntList();
    private int dead;
    private int addedSinceAnchored;

    // the search's words are split and numbered once, when it is indexed, not for every listing it could match
    private record Slot(UUID id, SearchQuery search, int[] words) {
    }

    /** Adds or replaces one saved search. */
    void put(UUID id, SearchQuery search) {
        List<String> split = SearchTerms.words(search.query());
        lock.writeLock().lock();
        try {
            Integer known = slots.get(id);
            if (known != null) {
                free(known);
            }
            int[] ids = new int[split.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = wordId(split.get(i));
                searchesPerWord[ids[i]]++;
            }
            int slot = nextSlot++;
            if (slot >= bySlot.length) {
                bySlot = Arrays.copyOf(bySlot, bySlot.length * 2);
            }
            bySlot[slot] = new Slot(id, search, ids);
            slots.put(id, slot);
            list(slot, ids);
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
            for (int i = 0; i < withoutWords.size; i++) {
                collect(withoutWords.values[i], has, listing, filters, found);
            }
            for (int word = has.nextSetBit(0); word >= 0; word = has.nextSetBit(word + 1)) {
                IntList anchored = byAnchor[word];
                if (anchored != null) {
                    for (int i = 0; i < anchored.size; i++) {
                        collect(anchored.values[i], has, listing, filters, found);
                    }
                }
            }
        } finally {
            lock.readLock().unlock();
        }
        return found;
    }

    private void collect(int slot, BitSet has, SearchMatcher.Document listing, boolean filters, List<UUID> found) {
        Slot entry = bySlot[slot];
        if (entry == null) {
            return;
        }
        for (int word : entry.words()) {
            if (!has.get(word)) {
                return;
            }
        }
        if (!filters || listing.matchesFilters(entry.search())) {
            found.add(entry.id());
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
    private void list(int slot, int[] ids) {
        if (ids.length == 0) {
            withoutWords.add(slot);
            return;
        }
        int anchor = ids[0];
        for (int id : ids) {
            if (searchesPerWord[id] < searchesPerWord[anchor]
                    || searchesPerWord[id] == searchesPerWord[anchor] && words.get(id).length() > words.get(anchor).length()) {
                anchor = id;
            }
        }
        if (byAnchor[anchor] == null) {
            byAnchor[anchor] = new IntList();
        }
        byAnchor[anchor].add(slot);
    }

    private void free(int slot) {
        Slot entry = bySlot[slot];
        if (entry != null) {
            for (int id : entry.words()) {
                searchesPerWord[id]--;
            }
            bySlot[slot] = null;
            dead++;
        }
    }

    // renumbers the live slots densely and lists each under its rarest word by the counts of now
    private void reanchor() {
        Slot[] live = new Slot[Math.max(1024, slots.size() * 5 / 4)];
        int count = 0;
        for (int slot = 0; slot < nextSlot; slot++) {
            if (bySlot[slot] != null) {
                live[count] = bySlot[slot];
                slots.put(live[count].id(), count);
                count++;
            }
        }
        bySlot = live;
        nextSlot = count;
        byAnchor = new IntList[byAnchor.length];
        withoutWords = new IntList();
        for (int slot = 0; slot < count; slot++) {
            list(slot, bySlot[slot].words());
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
