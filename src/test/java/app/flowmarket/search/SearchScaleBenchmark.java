package app.flowmarket.search;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import app.flowmarket.IntegrationTest;
import app.flowmarket.account.AccountManagement;
import app.flowmarket.shared.AccountId;
import app.flowmarket.shared.CurrentUser;
import app.flowmarket.store.StoreManagement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Benchmark, not a test (not run by {@code ./mvnw verify}): the catalogue search at 100k listings (or
 * {@code -Dbench.listings}). Listings are generated from the real n8n exports of the shared corpus (their names,
 * their apps, mixed and varied), inserted in bulk with one SQL statement, and indexed by the mass indexer. Measures
 * the search service's time over a mix of real-looking queries, then the results page's throughput against a static
 * file, side by side in one run. Run with {@code bench/search-scale.sh}.
 */
@IntegrationTest
class SearchScaleBenchmark {

    static final int LISTINGS = Integer.getInteger("bench.listings", 100_000);
    static final int QUERIES = Integer.getInteger("bench.queries", 2_000);
    static final long LOAD_SECONDS = Long.getLong("bench.seconds", 10);
    static final int CONNECTIONS = Integer.getInteger("bench.connections", 16);
    private static final Path CORPUS = Path.of("../shared/corpus/n8n");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> PLUMBING = Set.of("set", "if", "code", "function", "merge", "noOp", "stickyNote", "manual",
            "wait", "switch", "splitInBatches", "itemLists", "filter", "start");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountManagement accounts;

    @Autowired
    StoreManagement stores;

    @Autowired
    CatalogSearch catalogSearch;

    @Autowired
    SearchIndexing indexing;

    record CorpusWorkflow(String name, List<String> apps) {
    }

    @Test
    void searchAtScale() throws Exception {
        assumeTrue(Files.isDirectory(CORPUS), "the shared corpus is absent");
        List<CorpusWorkflow> corpus = corpus();
        List<String> names = corpus.stream().map(CorpusWorkflow::name).toList();
        List<String> apps = corpus.stream().flatMap(w -> w.apps().stream()).distinct().toList();
        List<String> appMix = corpus.stream().map(w -> String.join(", ", w.apps())).toList();

        String tag = UUID.randomUUID().toString().substring(0, 8);
        CurrentUser owner = accounts.find(accounts.createVerified("bench-search-" + tag + "@example.test", "bench-password-123",
                "Bench Seller")).orElseThrow();
        stores.open(AccountId.of(owner.id()), new StoreManagement.StoreProfile("Bench " + tag, "bench-" + tag, "", null, null, null));
        UUID storeId = stores.findByOwner(AccountId.of(owner.id())).orElseThrow().id();

        long t0 = System.currentTimeMillis();
        // one statement: titles are a corpus name with a variant word, apps the corpus's real app mixes, prices and
        // ratings spread, a category of the seeded ones, platforms n8n 60 %, Make 25 %, Zapier 15 %
        jdbc.sql("""
                insert into workflow (id, store_id, store_name, slug, title, summary, description_md, platform, price_minor, currency,
                                      category_id, status, integrations, sales_count, rating_avg, rating_count, created_at, updated_at,
                                      published_at)
                select gen_random_uuid(), :store, :storeName, 'bench-' || i,
                       left(n || ' ' || (array['','for teams','(advanced)','v2','with alerts','pro','lite','for agencies'])[1 + i % 8], 120),
                       left('Automates ' || a || '.', 300),
                       'An automation that ' || (array['syncs','routes','summarises','enriches','backs up','monitors'])[1 + i % 6]
                           || ' data with ' || a || E'.\\n\\nSet-up takes minutes: connect your accounts and go. ' || n || '.',
                       case when i % 20 < 12 then 'N8N' when i % 20 < 17 then 'MAKE' else 'ZAPIER' end,
                       case when i % 7 = 0 then 0 else 500 + (i * 37) % 9500 end,
                       case when i % 3 = 0 then 'EUR' else 'USD' end,
                       (select id from category order by position offset (i % (select count(*) from category)) limit 1),
                       'PUBLISHED', a, (i * 13) % 400, ((i * 7) % 500) / 100.0, (i * 3) % 60,
                       now() - interval '1 minute' * i, now(), now() - interval '1 minute' * i
                from generate_series(1, :n) i
                cross join lateral (select (:names)[1 + (i * 31 + i / 266) % cardinality(:names)] n,
                                           (:mixes)[1 + (i * 17 + i / 7) % cardinality(:mixes)] a) x""")
                .param("store", storeId).param("storeName", "Bench " + tag).param("n", LISTINGS)
                .param("names", names.toArray(String[]::new)).param("mixes", appMix.toArray(String[]::new)).update();
        jdbc.sql("analyze workflow").update();
        long inserted = System.currentTimeMillis();
        indexing.rebuild();
        long indexed = System.currentTimeMillis();
        System.out.printf(Locale.ROOT, "search-scale data: %,d listings inserted in %,d ms, indexed by the mass indexer in %,d ms%n",
                LISTINGS, inserted - t0, indexed - inserted);

        List<String> vocabulary = new ArrayList<>();
        for (CorpusWorkflow w : corpus) {
            vocabulary.addAll(Arrays.asList(w.name().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")));
            w.apps().forEach(a -> vocabulary.add(a.toLowerCase(Locale.ROOT)));
        }
        vocabulary.removeIf(word -> word.length() < 3);
        List<String> words = vocabulary.stream().distinct().toList();
        List<String> categories = jdbc.sql("select slug from category").query(String.class).list();
        Random random = new Random(11);
        List<String[]> mix = new ArrayList<>();
        for (int i = 0; i < QUERIES; i++) {
            mix.add(randomQuery(random, words, categories, apps));
        }
        for (String[] warm : mix.subList(0, Math.min(200, mix.size()))) {
            catalogSearch.search(query(warm));
        }
        long[] times = new long[mix.size()];
        long hits = 0;
        for (int i = 0; i < mix.size(); i++) {
            long t = System.nanoTime();
            hits += catalogSearch.search(query(mix.get(i))).page().total();
            times[i] = System.nanoTime() - t;
        }
        Arrays.sort(times);
        System.out.printf(Locale.ROOT, "search-scale service %,d listings, %,d queries: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.1f ms "
                        + "(avg %,d hits)%n", LISTINGS, times.length, times[times.length / 2] / 1e6, times[(int) (times.length * 0.95)] / 1e6,
                times[(int) (times.length * 0.99)] / 1e6, times[times.length - 1] / 1e6, hits / times.length);

        List<String> pages = mix.stream().map(SearchScaleBenchmark::url).toList();
        double page = load(pages);
        double file = load(List.of("/img/logo.svg"));
        double page2 = load(pages);
        double file2 = load(List.of("/img/logo.svg"));
        System.out.printf(Locale.ROOT, "search-scale page %,d listings, %d connections, %d s each, alternated: results page %.0f and %.0f req/s, "
                        + "static file %.0f and %.0f req/s, share of static %.2f%n", LISTINGS, CONNECTIONS, LOAD_SECONDS, page, page2, file, file2,
                (page + page2) / (file + file2));
    }

    private static SearchQuery query(String[] q) {
        return SearchQuery.of(q[0], q[1], null, q[2], q[3], q[4], null, q[5], Integer.valueOf(q[6]));
    }

    private static String url(String[] q) {
        StringBuilder url = new StringBuilder("/workflows?q=").append(URLEncoder.encode(q[0], StandardCharsets.UTF_8));
        String[] names = {"category", "platform", "price", "integration", "sort"};
        for (int i = 0; i < names.length; i++) {
            if (q[i + 1] != null) {
                url.append('&').append(names[i]).append('=').append(URLEncoder.encode(q[i + 1], StandardCharsets.UTF_8));
            }
        }
        return url.append("&page=").append(q[6]).toString();
    }

    /** One to three words drawn Zipf-like, one in ten with a typo; filters, sorts and deep pages in the proportions below. */
    private static String[] randomQuery(Random random, List<String> words, List<String> categories, List<String> apps) {
        StringBuilder text = new StringBuilder();
        for (int w = 1 + random.nextInt(3); w > 0; w--) {
            int rank = (int) Math.min(words.size() - 1, Math.floor(Math.pow(random.nextDouble(), 3) * words.size()));
            String word = words.get(rank);
            if (random.nextInt(10) == 0 && word.length() > 4) {
                int at = 1 + random.nextInt(word.length() - 2);
                word = word.substring(0, at) + word.charAt(at + 1) + word.charAt(at) + word.substring(at + 2);
            }
            text.append(word).append(' ');
        }
        String category = random.nextInt(6) == 0 ? categories.get(random.nextInt(categories.size())) : null;
        String platform = random.nextInt(5) == 0 ? List.of("n8n", "make", "zapier").get(random.nextInt(3)) : null;
        String price = random.nextInt(6) == 0 ? SearchQuery.PriceRange.values()[random.nextInt(SearchQuery.PriceRange.values().length)].slug() : null;
        String integration = random.nextInt(10) == 0 ? apps.get(random.nextInt(apps.size())) : null;
        String sort = random.nextInt(3) == 0 ? SearchQuery.Sort.values()[random.nextInt(SearchQuery.Sort.values().length)].slug() : null;
        int page = random.nextInt(10) == 0 ? 2 + random.nextInt(20) : 1;
        return new String[] {text.toString().strip(), category, platform, price, integration, sort, String.valueOf(page)};
    }

    /** Requests per second over {@link #LOAD_SECONDS} with {@link #CONNECTIONS} clients cycling through the paths. */
    private double load(List<String> paths) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < CONNECTIONS; c++) {
                int offset = c * 97;
                executor.submit(() -> {
                    int i = offset;
                    while (!stop.get()) {
                        String path = paths.get(i++ % paths.size());
                        try {
                            var response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                                    HttpResponse.BodyHandlers.discarding());
                            (response.statusCode() == 200 ? done : failed).incrementAndGet();
                        } catch (Exception e) {
                            failed.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
            Thread.sleep(2_000);
            long before = done.get();
            long start = System.nanoTime();
            Thread.sleep(LOAD_SECONDS * 1_000);
            long count = done.get() - before;
            double seconds = (System.nanoTime() - start) / 1e9;
            stop.set(true);
            if (failed.get() > 0) {
                System.out.printf("search-scale load %s: %,d request(s) not answered 200%n", paths.get(0), failed.get());
            }
            return count / seconds;
        }
    }

    private static List<CorpusWorkflow> corpus() throws Exception {
        List<CorpusWorkflow> corpus = new ArrayList<>();
        try (Stream<Path> files = Files.list(CORPUS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode root = JSON.readTree(file.toFile());
                Set<String> apps = new LinkedHashSet<>();
                for (JsonNode node : root.path("nodes")) {
                    String type = node.path("type").asString("");
                    String app = type.substring(type.lastIndexOf('.') + 1).replaceAll("(Trigger|Tool)$", "");
                    if (!app.isBlank() && !PLUMBING.contains(app)) {
                        apps.add(Character.toUpperCase(app.charAt(0)) + app.substring(1));
                    }
                }
                if (!apps.isEmpty()) {
                    corpus.add(new CorpusWorkflow(root.path("name").asString(file.getFileName().toString()), List.copyOf(apps)));
                }
            }
        }
        return corpus;
    }
}
