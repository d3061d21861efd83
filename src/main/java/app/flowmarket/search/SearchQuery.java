package app.flowmarket.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import app.flowmarket.catalog.Platform;
import app.flowmarket.shared.PageResult;

/** A search as typed into the URL: text, filters, sort and page. Anything unknown is ignored rather than an error. */
public record SearchQuery(String query, String category, String tag, Platform platform, PriceRange price,
                          String integration, Integer minRating, Sort sort, int page) implements java.io.Serializable {

    /** "4 stars and up", "3 stars and up": the rating filter and facet. */
    public static final List<Integer> MIN_RATINGS = List.of(4, 3);
    private static final int MAX_QUERY_LENGTH = 200;

    public enum Sort {
        RELEVANCE, NEWEST, POPULAR, RATING, PRICE_ASC, PRICE_DESC;

        public String slug() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Sort from(String slug, boolean hasQuery) {
            if (slug != null) {
                for (Sort sort : values()) {
                    if (sort.slug().equals(slug)) {
                        return sort == RELEVANCE && !hasQuery ? NEWEST : sort;
                    }
                }
            }
            return hasQuery ? RELEVANCE : NEWEST;
        }
    }

    public enum PriceRange {
        FREE(0, 0L), PAID(1, null), UNDER_25(1, 2499L), FROM_25_TO_50(2500, 5000L), OVER_50(5001, null);

        private final long minMinor;
        private final Long maxMinor;

        PriceRange(long minMinor, Long maxMinor) {
            this.minMinor = minMinor;
            this.maxMinor = maxMinor;
        }

        /** Lowest price in the range, in minor units (inclusive). */
        public long minMinor() {
            return minMinor;
        }

        /** Highest price in the range, in minor units (inclusive), or null for no upper bound. */
        public Long maxMinor() {
            return maxMinor;
        }

        public boolean contains(long priceMinor) {
            return priceMinor >= minMinor && (maxMinor == null || priceMinor <= maxMinor);
        }

        public String slug() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Optional<PriceRange> from(String slug) {
            for (PriceRange range : values()) {
                if (range.slug().equals(slug)) {
                    return Optional.of(range);
                }
            }
            return Optional.empty();
        }
    }

    /** How many filters narrow the results (the text and the sort are not filters): the count on the phone's "Filters" button. */
    public int activeFilters() {
        int count = 0;
        for (Object filter : new Object[] {category, tag, platform, price, integration, minRating}) {
            if (filter != null) {
                count++;
            }
        }
        return count;
    }

    public static SearchQuery of(String q, String category, String tag, String platform, String price, String sort, Integer page) {
        return of(q, category, tag, platform, price, null, null, sort, page);
    }

    public static SearchQuery of(String q, String category, String tag, String platform, String price, String integration,
                                 String rating, String sort, Integer page) {
        String query = q == null ? "" : q.strip();
        if (query.length() > MAX_QUERY_LENGTH) {
            query = query.substring(0, MAX_QUERY_LENGTH);
        }
        Integer minRating = null;
        for (Integer r : MIN_RATINGS) {
            if (String.valueOf(r).equals(rating)) {
                minRating = r;
            }
        }
        String integrationName = blankToNull(integration);
        if (integrationName != null && integrationName.length() > 100) {
            integrationName = null;
        }
        return new SearchQuery(query, blankToNull(category), blankToNull(tag), Platform.fromSlug(platform).orElse(null),
                PriceRange.from(price).orElse(null), integrationName, minRating, Sort.from(sort, !query.isEmpty()),
                PageResult.safePage(page));
    }

    /** The same search and filters parsed back from {@link #filterQuery()}, as stored with a saved search. */
    public static SearchQuery parse(String query, String filterQuery) {
        Map<String, String> params = new HashMap<>();
        if (filterQuery != null) {
            for (String pair : filterQuery.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        }
        return of(query, params.get("category"), params.get("tag"), params.get("platform"), params.get("price"),
                params.get("integration"), params.get("rating"), params.get("sort"), 1);
    }

    public boolean hasQuery() {
        return !query.isEmpty();
    }

    public boolean hasFilters() {
        return category != null || tag != null || platform != null || price != null || integration != null || minRating != null;
    }

    /** The filters (not the text, not the page) as a query string, to repeat this search later. */
    public String filterQuery() {
        List<String> parts = new ArrayList<>();
        if (category != null) {
            parts.add("category=" + encode(category));
        }
        if (tag != null) {
            parts.add("tag=" + encode(tag));
        }
        if (platform != null) {
            parts.add("platform=" + platform.slug());
        }
        if (price != null) {
            parts.add("price=" + price.slug());
        }
        if (integration != null) {
            parts.add("integration=" + encode(integration));
        }
        if (minRating != null) {
            parts.add("rating=" + minRating);
        }
        if (sort != Sort.RELEVANCE) {
            parts.add("sort=" + sort.slug());
        }
        return String.join("&", parts);
    }

    /** The whole search (text, filters, sort; not the page) as a URL query string. */
    public String queryString() {
        String filters = filterQuery();
        String text = hasQuery() ? "q=" + encode(query) : "";
        return text.isEmpty() ? filters : filters.isEmpty() ? text : text + "&" + filters;
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
