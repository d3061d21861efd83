package app.flowmarket.search;

import app.flowmarket.shared.StartupPhases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Before the web server takes its first request, compares the search index with the database (all
 * listings and the published ones) and rebuilds the index when they differ in either direction: a
 * missing or wiped index, listings written without indexing (demo data), documents left behind by a
 * crash. A person's first search then shows exactly the listings the catalogue holds. An index whose
 * reference prices are at other exchange rates than those in force (rates fetched while this node was
 * down, or an index from before prices were converted) has its prices refreshed.
 */
@Component
class SearchIndexCheck implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexCheck.class);

    private final SearchIndexing indexing;
    private final JdbcClient jdbc;
    private volatile boolean running;

    SearchIndexCheck(SearchIndexing indexing, JdbcClient jdbc) {
        this.indexing = indexing;
        this.jdbc = jdbc;
    }

    @Override
    public void start() {
        SearchIndexing.Counts counts = indexing.counts();
        int builtWith = jdbc.sql("select mapping_version from search_index_state").query(Integer.class).optional().orElse(0);
        if (builtWith != WorkflowIndexMapping.VERSION) {
            log.info("Search index was built with mapping version {}, this version is {}; rebuilding the index",
                    builtWith, WorkflowIndexMapping.VERSION);
            indexing.rebuild();
        } else if (!counts.agree()) {
            log.info("Search index holds {} listings ({} published), the database {} ({} published); rebuilding the index",
                    counts.indexed(), counts.indexedPublished(), counts.stored(), counts.storedPublished());
            indexing.rebuild();
        } else if (!counts.pricesCurrent()) {
            log.info("Search index holds prices at other exchange rates than those in force; refreshing them");
            indexing.refreshPrices();
        }
        jdbc.sql("""
                insert into search_index_state (mapping_version) values (:version)
                on conflict (singleton) do update set mapping_version = excluded.mapping_version""")
                .param("version", WorkflowIndexMapping.VERSION).update();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return StartupPhases.SEARCH_INDEX;
    }
}
