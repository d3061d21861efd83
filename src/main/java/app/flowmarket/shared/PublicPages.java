package app.flowmarket.shared;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Public pages a module owns, for the sitemap that search engines read: declared as a bean by each module
 * (workflows, stores, categories, profiles), so the sitemap never has to know the others' tables.
 * Pages are listed in a stable order, so a sitemap split into files can be read file by file.
 */
public interface PublicPages {

    /** A page's path (with its query, if the page is one, e.g. a category's listing) and when it last changed, if known. */
    record Entry(String path, @Nullable Instant lastModified) {
    }

    long count();

    List<Entry> list(long offset, int limit);
}
