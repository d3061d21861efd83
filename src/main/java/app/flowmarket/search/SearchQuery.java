package app.flowmarket.search;

import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import app.flowmarket.catalog.Platform;
import app.flowmarket.shared.PageResult;
import org.jspecify.annotations.Nullable;

/**
 * A search as typed into the URL: text, filters, sort and page. Anything unknown is ignored rather than an
 * error. {@code currency} is the one the price filter's bands are in (the visitor's; see {@link PriceBands}).
 */
public record SearchQuery(String query, @Nullable String category, @Nullable String tag, @Nullable Platform platform, @Nullable PriceRange price,
                          @Nullable String integration, @Nullable Integer minRating, @Nullable String n8n, Sort sort, int page,
                          Currency currency) implements java.io.Serializable {

    /** The bands' currency when none is known (a saved search from before currencies were shown). */
    public static final Currency DEFAULT_CURRENCY = Currency.getInstance("USD");

    /** "4 stars and up", "3 stars and up": the rating filter and facet. */
    public static final List<Integer> MIN_RATINGS = List.of(4, 3);
    /** "Works with n8n 2.x", "Works with n8n 1.x": the n8n release lines of the facet (a release such as 1.85 filters too). */
    public static final List<String> N8N_LINES = List.of("2", "1");
    private static final java.util.regex.Pattern N8N_RELEASE = java.util.regex.Pattern.compile("([0-9]{1,2})(?:\\.(x|[0-9]{1,3}))?(?:\\.[0-9]+)?");
    private static final int MAX_QUERY_LENGTH = 200;

    public enum Sort {
        RELEVANCE, NEWEST, POPULAR, RATING, PRICE_ASC, PRICE_DESC;

        public String slug() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Sort from(@Nullable String slug, boolean hasQuery) {
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

    /** The price filter's bands; their bounds depend on the currency (see {@link PriceBands}). */
    public enum PriceRange {
        FREE, PAID, UNDER_25, FROM_25_TO_50, OVER_50;

        public String slug() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Optional<PriceRange> from(@Nullable String slug) {
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
        for (Object filter : new Object[] {category, tag, platform, price, integration, minRating, n8n}) {
            if (filter != null) {
                count++;
            }
        }
        return count;
    }

    public static SearchQuery of(@Nullable String q, @Nullable String category, @Nullable String tag, @Nullable String platform, @Nullable String price, @Nullable String sort,
                                 @Nullable Integer page) {
        return of(q, category, tag, platform, price, null, null, sort, page);
    }

    public static SearchQuery of(@Nullable String q, @Nullable String category, @Nullable String tag, @Nullable String platform, @Nullable String price,
                                 @Nullable String integration, @Nullable String rating, @Nullable String sort, @Nullable Integer page) {
        return of(q, category, tag, platform, price, integration, rating, null, sort, page);
    }

    public static SearchQuery of(@Nullable String q, @Nullable String category, @Nullable String tag, @Nullable String platform, @Nullable String price,
                                 @Nullable String integration, @Nullable String rating, @Nullable String n8n, @Nullable String sort,
                                 @Nullable Integer page) {
        String query = text(q);
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
                PriceRange.from(price).orElse(null), integrationName, minRating, n8nRelease(n8n), Sort.from(sort, !query.isEmpty()),
                PageResult.safePage(page), DEFAULT_CURRENCY);
    }

    /** The search box text as a search keeps it: stripped, and cut at its longest. */
    static String text(@Nullable String q) {
        String query = q == null ? "" : q.strip();
        return query.length() > MAX_QUERY_LENGTH ? query.substring(0, MAX_QUERY_LENGTH) : query;
    }

    /** The same search with the price bands in another currency. */
    public SearchQuery withCurrency(@Nullable Currency bandsCurrency) {
        return new SearchQuery(query, category, tag, platform, price, integration, minRating, n8n, sort, page,
                bandsCurrency == null ? DEFAULT_CURRENCY : bandsCurrency);
    }

    /** The same search and filters parsed back from {@link #filterQuery()}, as stored with a saved search. */
    public static SearchQuery parse(String query, @Nullable String filterQuery) {
        Map<String, String> params = new HashMap<>();
        if (filterQuery != null) {
            for (String pair : filterQuery.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        }
        SearchQuery search = of(query, params.get("category"), params.get("tag"), params.get("platform"), params.get("price"),
                params.get("integration"), params.get("rating"), params.get("n8n"), params.get("sort"), 1);
        String currency = params.get("currency");
        try {
            return currency == null ? search : search.withCurrency(Currency.getInstance(currency));
        } catch (IllegalArgumentException unknown) {
            return search;
        }
    }

    public boolean hasQuery() {
        return !query.isEmpty();
    }

    public boolean hasFilters() {
        return category != null || tag != null || platform != null || price != null || integration != null || minRating != null || n8n != null;
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
            parts.add("currency=" + currency.getCurrencyCode());
        }
        if (integration != null) {
            parts.add("integration=" + encode(integration));
        }
        if (minRating != null) {
            parts.add("rating=" + minRating);
        }
        if (n8n != null) {
            parts.add("n8n=" + n8n);
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

    /**
     * "1" or "1.x" (a release line) and "1.85" (a release) as the filter keeps them; anything else is no filter.
     */
    static @Nullable String n8nRelease(@Nullable String typed) {
        if (typed == null) {
            return null;
        }
        java.util.regex.Matcher release = N8N_RELEASE.matcher(typed.strip().toLowerCase(Locale.ROOT));
        if (!release.matches()) {
            return null;
        }
        String line = String.valueOf(Integer.parseInt(release.group(1)));
        String minor = release.group(2);
        return minor == null || "x".equals(minor) ? line : line + "." + Integer.parseInt(minor);
    }

    /**
     * The highest minimum release a listing may need to run on the chosen n8n ({@code major * 1000 + minor}, as the
     * catalogue keeps it): any release of a line ("1": up to 1.999), or the release itself ("1.85"). Null without the filter.
     */
    public @Nullable Integer n8nCeiling() {
        return n8n == null ? null : n8nCeiling(n8n);
    }

    static int n8nCeiling(String n8n) {
        int release = app.flowmarket.catalog.N8nReleases.code(n8n);
        return n8n.contains(".") ? release : release + 999;
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
