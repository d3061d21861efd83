package app.flowmarket.search;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/** Serves the operators' command {@code --reindex}: rebuild the search index, then exit. */
@Component
class SearchIndexStartup implements ApplicationRunner {

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
    }
}
