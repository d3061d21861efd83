package app.flowmarket.search;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import app.flowmarket.catalog.Platform;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reverse-search benchmark (run with bench/saved-search-match.sh, not part of the build): how long
 * matching one new listing against 10k, 100k and 1M saved searches takes. Listings are the real n8n
 * exports of the shared corpus; saved searches are one to three words drawn (Zipf-like) from the
 * words of those listings' names and apps, with a filter on a third of them.
 */
class SavedSearchMatchBenchmark {

    static final Path CORPUS = Path.of("../shared/corpus/n8n");
    private static final ObjectMapper JSON = new ObjectMapper();

    record CorpusWorkflow(String name, List<String> apps) {
    }

    static List<CorpusWorkflow> corpus() throws Exception {
        List<CorpusWorkflow> corpus = new ArrayList<>();
        try (Stream<Path> files = Files.list(CORPUS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode root = JSON.readTree(file.toFile());
                Set<String> apps = new LinkedHashSet<>();
                for (JsonNode node : root.path("nodes")) {
                    String type = node.path("type").asString("");
                    String app = type.substring(type.lastIndexOf('.') + 1).replaceAll("(Trigger|Tool)$", "");
                    if (!app.isBlank() && !Set.of("set", "if", "code", "function", "merge", "noOp", "stickyNote", "manual", "wait", "switch").contains(app)) {
                        apps.add(Character.toUpperCase(app.charAt(0)) + app.substring(1));
                    }
                }
                corpus.add(new CorpusWorkflow(root.path("name").asString(file.getFileName().toString()), List.copyOf(apps)));
            }
        }
        return corpus;
    }

    /** The distinct words (three letters or more) of the corpus's names and apps, in order of first appearance. */
    static List<String> vocabulary(List<CorpusWorkflow> corpus) {
        List<String> vocabulary = new ArrayList<>();
        for (CorpusWorkflow w : corpus) {
            vocabulary.addAll(Arrays.asList(w.name().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")));
            w.apps().forEach(a -> vocabulary.add(a.toLowerCase(Locale.ROOT)));
        }
        vocabulary.removeIf(word -> word.length() < 3);
        return vocabulary.stream().distinct().toList();
    }

    /** New listings made of corpus workflows, as the alerts see them. */
    static List<SearchMatcher.Document> listings(Random random, List<CorpusWorkflow> corpus, int count) {
        List<SearchMatcher.Document> listings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            CorpusWorkflow w = corpus.get(random.nextInt(corpus.size()));
            listings.add(SearchMatcher.document(new SearchMatcher.Listing(w.name(), "Automates " + String.join(", ", w.apps()) + ".",
                    "An n8n workflow: " + w.name() + ". Uses " + String.join(", ", w.apps()) + ".", List.of(), List.of(), w.apps(),
                    "Bench store", Platform.N8N, null, SavedSearchIndexTests.bands(random.nextInt(6000)), BigDecimal.valueOf(300 + random.nextInt(200), 2), null)));
        }
        return listings;
    }

    @Test
    void matchOneNewListing() throws Exception {
        assumeTrue(Files.isDirectory(CORPUS), "the shared corpus is absent");
        List<CorpusWorkflow> corpus = corpus();
        List<String> distinct = vocabulary(corpus);
        System.out.printf("reverse-search corpus: %d listings, %d distinct words%n", corpus.size(), distinct.size());

        Random random = new Random(7);
        List<SearchMatcher.Document> listings = listings(random, corpus, 60);
        int[] sizes = Arrays.stream(System.getProperty("bench.sizes", "10000,100000,1000000").split(",")).mapToInt(Integer::parseInt).toArray();
        for (int size : sizes) {
            try (SavedSearchIndex index = new SavedSearchIndex()) {
                long start = System.nanoTime();
                for (int i = 0; i < size; i++) {
                    index.put(UUID.randomUUID(), randomSearch(random, distinct, corpus));
                }
                index.refresh();
                long buildMs = (System.nanoTime() - start) / 1_000_000;
                for (SearchMatcher.Document warm : listings.subList(0, 10)) {
                    index.matches(SearchMatcher.document(warm.listing()));
                }
                long[] times = new long[listings.size() - 10];
                long presearchNanos = 0;
                long candidates = 0;
                long matches = 0;
                for (int i = 10; i < listings.size(); i++) {
                    // a fresh document per run: nothing is remembered between listings
                    SearchMatcher.Listing listing = listings.get(i).listing();
                    long t = System.nanoTime();
                    SearchMatcher.Document document = SearchMatcher.document(listing);
                    int found = index.matches(document).size();
                    times[i - 10] = System.nanoTime() - t;
                    matches += found;
                    long p = System.nanoTime();
                    candidates += index.candidates(SearchMatcher.document(listing)).size();
                    presearchNanos += System.nanoTime() - p;
                }
                Arrays.sort(times);
                int runs = times.length;
                System.out.printf(Locale.ROOT,
                        "reverse-search %,d saved searches: build %,d ms; per new listing median %.1f ms, p95 %.1f ms, max %.1f ms "
                                + "(presearch alone avg %.1f ms); avg %,d candidates, %,d matches%n",
                        size, buildMs, times[runs / 2] / 1e6, times[(int) (runs * 0.95)] / 1e6, times[runs - 1] / 1e6,
                        presearchNanos / 1e6 / runs, candidates / runs, matches / runs);
            }
        }
    }

    private static SearchQuery randomSearch(Random random, List<String> words, List<CorpusWorkflow> corpus) {
        String[] search = randomSearchText(random, words, corpus);
        return SearchQuery.parse(search[0], search[1]);
    }

    /** A saved search's text and filters as stored: one to three words, Zipf-like, and a filter on a third of them. */
    static String[] randomSearchText(Random random, List<String> words, List<CorpusWorkflow> corpus) {
        StringBuilder query = new StringBuilder();
        for (int w = 1 + random.nextInt(3); w > 0; w--) {
            // Zipf-like: popular words are searched far more often than rare ones
            int rank = (int) Math.min(words.size() - 1, Math.floor(Math.pow(random.nextDouble(), 3) * words.size()));
            query.append(words.get(rank)).append(' ');
        }
        String filters = switch (random.nextInt(9)) {
            case 0 -> "platform=" + Platform.values()[random.nextInt(3)].slug();
            case 1 -> "price=" + SearchQuery.PriceRange.values()[random.nextInt(5)].slug();
            case 2 -> {
                List<String> apps = corpus.get(random.nextInt(corpus.size())).apps();
                yield apps.isEmpty() ? "" : "integration=" + apps.get(0);
            }
            default -> "";
        };
        return new String[] {query.toString().strip(), filters};
    }
}
