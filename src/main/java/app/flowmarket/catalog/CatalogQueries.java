package app.flowmarket.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import app.flowmarket.shared.Money;
import app.flowmarket.shared.PageResult;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read side of the catalogue: browse, filter, sort and page published workflows in plain SQL. */
@Service
public class CatalogQueries {

    public static final int PAGE_SIZE = 24;
    public static final String HOME_CACHE = "catalog-home";
    /** Public workflow pages, by slug. */
    public static final String WORKFLOW_CACHE = "catalog-workflow";
    /** Whole rendered pages for visitors without a session (home, workflow pages), by language and path. */
    public static final String PAGE_CACHE = "catalog-pages";
    /** The first pages of search results, by search. */
    public static final String SEARCH_CACHE = "catalog-search";
    private static final int MAX_QUERY_LENGTH = 200;

    private final JdbcClient jdbc;

    CatalogQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

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

    /** "4 stars and up", "3 stars and up": the rating filter and facet. */
    public static final List<Integer> MIN_RATINGS = List.of(4, 3);

    /** A search as typed into the URL. Anything unknown is ignored rather than an error. */
    public record Search(String query, String category, String tag, Platform platform, PriceRange price,
                         String integration, Integer minRating, Sort sort, int page) implements java.io.Serializable {

        public static Search of(String q, String category, String tag, String platform, String price, String sort, Integer page) {
            return of(q, category, tag, platform, price, null, null, sort, page);
        }

        public static Search of(String q, String category, String tag, String platform, String price, String integration,
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
            return new Search(query, blankToNull(category), blankToNull(tag), Platform.fromSlug(platform).orElse(null),
                    PriceRange.from(price).orElse(null), integrationName, minRating, Sort.from(sort, !query.isEmpty()),
                    PageResult.safePage(page));
        }

        /** The same search and filters parsed back from {@link #filterQuery()}, as stored with a saved search. */
        public static Search parse(String query, String filterQuery) {
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

    public record WorkflowCard(UUID id, String slug, String title, String summary, Platform platform, Money price,
                               String storeName, String storeSlug, BigDecimal ratingAvg, int ratingCount, int salesCount,
                               List<String> integrations, Instant publishedAt) implements java.io.Serializable {

        public List<String> topIntegrations() {
            return integrations.size() <= 4 ? integrations : integrations.subList(0, 4);
        }
    }

    public record CategoryCount(String slug, String name, long count) implements java.io.Serializable {
    }

    private static final String CARD_COLUMNS = """
            w.id, w.slug, w.title, w.summary, w.platform, w.price_minor, w.currency, s.name as store_name,
            s.slug as store_slug, w.rating_avg, w.rating_count, w.sales_count, w.integrations, w.published_at""";

    /** The cards of these workflows, in the given order (search hits come from the index as ids). */
    @Transactional(readOnly = true)
    public List<WorkflowCard> cards(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, WorkflowCard> byId = new HashMap<>();
        jdbc.sql("select " + CARD_COLUMNS + " from workflow w join store s on s.id = w.store_id where w.id in (:ids)")
                .param("ids", ids)
                .query(CatalogQueries::card)
                .list().forEach(card -> byId.put(card.id(), card));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    /** The home page's lists are cached (evicted on every change of a listing, its sales or ratings). */
    @Cacheable(cacheNames = HOME_CACHE, key = "'featured:' + #limit", sync = true)
    @Transactional(readOnly = true)
    public List<WorkflowCard> featured(int limit) {
        return cards("w.featured", "w.sales_count desc", limit);
    }

    @Cacheable(cacheNames = HOME_CACHE, key = "'newest:' + #limit", sync = true)
    @Transactional(readOnly = true)
    public List<WorkflowCard> newest(int limit) {
        return cards("true", "w.published_at desc", limit);
    }

    @Cacheable(cacheNames = HOME_CACHE, key = "'popular:' + #limit", sync = true)
    @Transactional(readOnly = true)
    public List<WorkflowCard> popular(int limit) {
        return cards("true", "w.sales_count desc", limit);
    }

    @Transactional(readOnly = true)
    public List<WorkflowCard> byStore(UUID storeId) {
        return jdbc.sql("select " + CARD_COLUMNS + " from workflow w join store s on s.id = w.store_id"
                        + " where w.status = 'PUBLISHED' and w.store_id = :store order by w.published_at desc")
                .param("store", storeId)
                .query(CatalogQueries::card)
                .list();
    }

    @Cacheable(cacheNames = HOME_CACHE, key = "'categories'", sync = true)
    @Transactional(readOnly = true)
    public List<CategoryCount> categoryCounts() {
        return jdbc.sql("""
                select c.slug, c.name, count(w.id) as count from category c
                left join workflow w on w.category_id = c.id and w.status = 'PUBLISHED'
                group by c.id order by c.position, c.name""")
                .query(CategoryCount.class)
                .list().stream().collect(java.util.stream.Collectors.toCollection(ArrayList::new));
    }

    private List<WorkflowCard> cards(String condition, String order, int limit) {
        return new ArrayList<>(jdbc.sql("select " + CARD_COLUMNS + " from workflow w join store s on s.id = w.store_id"
                        + " where w.status = 'PUBLISHED' and " + condition + " order by " + order + ", w.id limit :limit")
                .param("limit", limit)
                .query(CatalogQueries::card)
                .list());
    }

    private static WorkflowCard card(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        java.sql.Timestamp published = rs.getTimestamp("published_at");
        return new WorkflowCard(rs.getObject("id", UUID.class), rs.getString("slug"), rs.getString("title"),
                rs.getString("summary"), Platform.valueOf(rs.getString("platform")),
                Money.of(rs.getLong("price_minor"), rs.getString("currency")), rs.getString("store_name"),
                rs.getString("store_slug"), rs.getBigDecimal("rating_avg"), rs.getInt("rating_count"),
                rs.getInt("sales_count"), new ArrayList<>(Lines.split(rs.getString("integrations"))),
                published == null ? null : published.toInstant());
    }
}
