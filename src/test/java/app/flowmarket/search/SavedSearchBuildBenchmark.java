package app.flowmarket.search;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

import javax.sql.DataSource;

import app.flowmarket.IntegrationTest;
import app.flowmarket.account.AccountManagement;
import app.flowmarket.catalog.CatalogManagement;
import app.flowmarket.mail.Mailer;
import app.flowmarket.shared.SiteSettings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmark, not a test (run with {@code bench/saved-search-match.sh db}): the saved-search alerts' index built from
 * PostgreSQL, as at start, at 1M saved searches (or {@code -Dbench.savedSearches}), then the time to match a new
 * listing through the alerts. The saved searches are those of {@link SavedSearchMatchBenchmark}, stored in the table.
 */
@IntegrationTest
class SavedSearchBuildBenchmark {

    static final int SAVED_SEARCHES = Integer.getInteger("bench.savedSearches", 1_000_000);
    static final int BUILDS = Integer.getInteger("bench.builds", 3);
    static final int LISTINGS = Integer.getInteger("bench.listings", 200);
    private static final int INSERT_BATCH = 50_000;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    CatalogSearch catalogSearch;

    @Autowired
    CatalogManagement catalog;

    @Autowired
    AccountManagement accounts;

    @Autowired
    Mailer mailer;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    SiteSettings site;

    @Test
    void buildFromTheDatabaseThenMatch() throws Exception {
        assumeTrue(Files.isDirectory(SavedSearchMatchBenchmark.CORPUS), "the shared corpus is absent");
        List<SavedSearchMatchBenchmark.CorpusWorkflow> corpus = SavedSearchMatchBenchmark.corpus();
        List<String> words = SavedSearchMatchBenchmark.vocabulary(corpus);
        Random random = new Random(7);
        UUID owner = accounts.createVerified("bench-saved-" + UUID.randomUUID() + "@example.test", "bench-password-123", "Bench Searcher");

        long t0 = System.nanoTime();
        List<String> queries = new ArrayList<>(INSERT_BATCH);
        List<String> filters = new ArrayList<>(INSERT_BATCH);
        for (int i = 0; i < SAVED_SEARCHES; i++) {
            String[] search = SavedSearchMatchBenchmark.randomSearchText(random, words, corpus);
            queries.add(search[0]);
            filters.add(search[1]);
            if (queries.size() == INSERT_BATCH || i == SAVED_SEARCHES - 1) {
                jdbc.sql("""
                        insert into saved_search (id, account_id, name, query, filters, frequency, unsubscribe_token, last_digest_at, created_at)
                        select gen_random_uuid(), :owner, 'Bench', q, f, 'DAILY', gen_random_uuid()::text, now(), now()
                        from unnest(cast(:queries as varchar[]), cast(:filters as varchar[])) as s(q, f)""")
                        .param("owner", owner).param("queries", queries.toArray(String[]::new))
                        .param("filters", filters.toArray(String[]::new)).update();
                queries.clear();
                filters.clear();
            }
        }
        jdbc.sql("vacuum analyze saved_search").update();
        System.out.printf(Locale.ROOT, "saved-search-build data: %,d saved searches inserted in %,d ms%n", SAVED_SEARCHES,
                (System.nanoTime() - t0) / 1_000_000);

        SavedSearchAlerts alerts = null;
        for (int build = 1; build <= BUILDS; build++) {
            // a new instance is a node starting: its index is empty and its first catch-up reads every saved search
            alerts = new SavedSearchAlerts(jdbc, dataSource, catalogSearch, catalog, accounts, mailer, transactions, site);
            System.gc();
            long start = System.nanoTime();
            int read = alerts.catchUp();
            long ms = (System.nanoTime() - start) / 1_000_000;
            System.gc();
            Runtime runtime = Runtime.getRuntime();
            System.out.printf(Locale.ROOT, "saved-search-build build %d: %,d saved searches read and indexed in %,d ms; heap after %,d MB%n",
                    build, read, ms, (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024));
        }

        // where a build's time goes: the same read with nothing done with the rows, then with each row parsed and split
        for (boolean parse : new boolean[] {false, true}) {
            JdbcTemplate read = new JdbcTemplate(dataSource);
            read.setFetchSize(10_000);
            long[] sink = {0};
            long start = System.nanoTime();
            transactions.executeWithoutResult(status -> read.query("""
                    select id, query, filters, active and not deleted as live, revision from saved_search
                    where revision > ? order by revision""", rs -> {
                UUID id = rs.getObject("id", UUID.class);
                String query = rs.getString("query");
                String filterQuery = rs.getString("filters");
                sink[0] += id.hashCode() + (rs.getBoolean("live") ? 1 : 0) + rs.getLong("revision");
                if (parse) {
                    sink[0] += SearchTerms.words(SearchQuery.parse(query, filterQuery).query()).size();
                }
            }, 0L));
            System.out.printf(Locale.ROOT, "saved-search-build phase: read%s alone in %,d ms (%d)%n", parse ? ", parsed and split" : "",
                    (System.nanoTime() - start) / 1_000_000, sink[0] & 1);
        }

        List<SearchMatcher.Document> listings = SavedSearchMatchBenchmark.listings(random, corpus, LISTINGS + 10);
        for (SearchMatcher.Document warm : listings.subList(0, 10)) {
            alerts.matches(SearchMatcher.document(warm.listing()));
        }
        long[] times = new long[LISTINGS];
        long matches = 0;
        for (int i = 0; i < LISTINGS; i++) {
            // a fresh document per run: nothing is remembered between listings
            SearchMatcher.Listing listing = listings.get(10 + i).listing();
            long t = System.nanoTime();
            matches += alerts.matches(SearchMatcher.document(listing)).size();
            times[i] = System.nanoTime() - t;
        }
        Arrays.sort(times);
        System.out.printf(Locale.ROOT, "saved-search-build match, %d listings: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms; avg %,d matches%n",
                LISTINGS, times[LISTINGS / 2] / 1e6, times[(int) (LISTINGS * 0.95)] / 1e6, times[(int) (LISTINGS * 0.99)] / 1e6,
                times[LISTINGS - 1] / 1e6, matches / LISTINGS);
    }
}
