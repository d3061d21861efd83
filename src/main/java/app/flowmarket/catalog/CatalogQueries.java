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
        FREE("price_minor = 0"), PAID("price_minor > 0"), UNDER_25("price_minor > 0 and price_minor < 2500"),
        FROM_25_TO_50("price_minor >= 2500 and price_minor <= 5000"), OVER_50("price_minor > 5000");

        private final String sql;

        PriceRange(String sql) {
            this.sql = sql;
        }

        public String slug() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Optional<PriceRange> from(String slug) {
            for (PriceRange range : values()) {
                if (range.slug().equals(slug)) {
                    return Optional.of(range);
                }
            }
            return Optional.empty();
        }
    }

    /** A search as typed into the URL. Anything unknown is ignored rather than an error. */
    public record Search(String query, String category, String tag, Platform platform, PriceRange price, Sort sort, int page) {

        public static Search of(String q, String category, String tag, String platform, String price, String sort, Integer page) {
            String query = q == null ? "" : q.strip();
            if (query.length() > MAX_QUERY_LENGTH) {
                query = query.substring(0, MAX_QUERY_LENGTH);
            }
            return new Search(query, blankToNull(category), blankToNull(tag), Platform.fromSlug(platform).orElse(null),
                    PriceRange.from(price).orElse(null), Sort.from(sort, !query.isEmpty()), PageResult.safePage(page));
        }

        public boolean hasQuery() {
            return !query.isEmpty();
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
            if (sort != Sort.RELEVANCE) {
                parts.add("sort=" + sort.slug());
            }
            return String.join("&", parts);
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

    @Transactional(readOnly = true)
    public PageResult<WorkflowCard> browse(Search search) {
        StringBuilder where = new StringBuilder(" where w.status = 'PUBLISHED'");
        Map<String, Object> params = new HashMap<>();
        if (search.hasQuery()) {
            where.append(" and (w.search_vector @@ websearch_to_tsquery('english', :q) or w.title ilike :like or s.name ilike :like)");
            params.put("q", search.query());
            params.put("like", "%" + search.query().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (search.category() != null) {
            where.append(" and w.category_id = (select id from category where slug = :category)");
            params.put("category", search.category());
        }
        if (search.tag() != null) {
            where.append(" and exists (select 1 from workflow_tag wt join tag t on t.id = wt.tag_id where wt.workflow_id = w.id and t.slug = :tag)");
            params.put("tag", search.tag());
        }
        if (search.platform() != null) {
            where.append(" and w.platform = :platform");
            params.put("platform", search.platform().name());
        }
        if (search.price() != null) {
            where.append(" and w.").append(search.price().sql);
        }
        String from = " from workflow w join store s on s.id = w.store_id";
        long total = jdbc.sql("select count(*)" + from + where).params(params).query(Long.class).single();
        String order = switch (search.sort()) {
            case RELEVANCE -> " order by ts_rank(w.search_vector, websearch_to_tsquery('english', :q)) desc, w.sales_count desc";
            case NEWEST -> " order by w.published_at desc";
            case POPULAR -> " order by w.sales_count desc";
            case RATING -> " order by w.rating_avg desc, w.rating_count desc";
            case PRICE_ASC -> " order by w.price_minor asc";
            case PRICE_DESC -> " order by w.price_minor desc";
        };
        params.put("limit", PAGE_SIZE);
        params.put("offset", PageResult.offset(search.page(), PAGE_SIZE));
        List<WorkflowCard> items = jdbc.sql("select " + CARD_COLUMNS + from + where + order + ", w.id limit :limit offset :offset")
                .params(params)
                .query(CatalogQueries::card)
                .list();
        return new PageResult<>(items, search.page(), PAGE_SIZE, total);
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
