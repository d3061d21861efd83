package app.flowmarket.catalog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the search index when it is missing (first start on an existing database, a wiped data
 * directory) and serves the operators' command {@code --reindex}: rebuild, then exit.
 */
@Component
@Order(0)
class SearchIndexStartup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexStartup.class);

    private final SearchIndexing indexing;
    private final ConfigurableApplicationContext context;

    SearchIndexStartup(SearchIndexing indexing, ConfigurableApplicationContext context) {
        this.indexing = indexing;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (args.containsOption("reindex")) {
            indexing.rebuild();
            int code = SpringApplication.exit(context, () -> 0);
            System.exit(code);
        }
        long indexed = indexing.indexedCount();
        long stored = indexing.storedCount();
        if (indexed < stored) {
            log.info("Search index holds {} of {} listings; rebuilding it", indexed, stored);
            indexing.rebuild();
        }
    }
}
