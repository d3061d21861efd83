package app.flowmarket.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.flowmarket.shared.Money;
import app.flowmarket.shared.StoreId;
import app.flowmarket.shared.Translated;
import org.jspecify.annotations.Nullable;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read side of the catalogue in plain SQL: the cards of listings, the home page's lists, a store's listings. */
@Service
public class CatalogQueries {

    public static final String HOME_CACHE = "catalog-home";
    /** Public workflow pages, by slug. */
    public static final String WORKFLOW_CACHE = "catalog-workflow";
    /** Whole rendered pages for visitors without a session (home, workflow pages), by language and path. */
    public static final String PAGE_CACHE = "catalog-pages";

    private final JdbcClient jdbc;
    private final Categories categories;

    CatalogQueries(JdbcClient jdbc, Categories categories) {
        this.jdbc = jdbc;
        this.categories = categories;
    }

    public record WorkflowCard(UUID id, String slug, String title, String summary, Platform platform, Money price,
                               String storeName, String storeSlug, BigDecimal ratingAvg, int ratingCount, int salesCount,
                               List<String> integrations, @Nullable Instant publishedAt) implements java.io.Serializable {

        public List<String> topIntegrations() {
            return integrations.size() <= 4 ? integrations : integrations.subList(0, 4);
        }
    }

    public record CategoryCount(String slug, Translated name, long count) implements java.io.Serializable {

        public String name(java.util.Locale locale) {
            return name.in(locale);
        }
    }

    /** How many listings the catalogue holds, and how many of them are published. */
    public record ListingCount(long all, long published) {
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
        jdbc.sql("select " + CARD_COLUMNS + " from workflow w join store_summary s on s.id = w.store_id where w.id in (:ids)")
                .param("ids", ids)
                .query(CatalogQueries::card)
                .list().forEach(card -> byId.put(card.id(), card));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    /** The home page's lists are cached (evicted on every catalogue change, see {@link CatalogCaches}). */
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
    public List<WorkflowCard> byStore(StoreId storeId) {
        return byStores(List.of(storeId.value())).getOrDefault(storeId.value(), List.of());
    }

    /** The published listings of several stores in one query, newest first, by store id (stores without any are left out). */
    @Transactional(readOnly = true)
    public Map<UUID, List<WorkflowCard>> byStores(java.util.Collection<UUID> storeIds) {
        if (storeIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, List<WorkflowCard>> byStore = new HashMap<>();
        jdbc.sql("select " + CARD_COLUMNS + ", w.store_id from workflow w join store_summary s on s.id = w.store_id"
                        + " where w.status = 'PUBLISHED' and w.store_id in (:stores) order by w.published_at desc, w.id")
                .param("stores", storeIds)
                .query(rs -> {
                    byStore.computeIfAbsent(rs.getObject("store_id", UUID.class), store -> new ArrayList<>()).add(card(rs, 0));
                });
        return byStore;
    }

    @Cacheable(cacheNames = HOME_CACHE, key = "'categories'", sync = true)
    @Transactional(readOnly = true)
    public List<CategoryCount> categoryCounts() {
        Map<UUID, Long> counts = new HashMap<>();
        jdbc.sql("select category_id, count(*) as listings from workflow where status = 'PUBLISHED' and category_id is not null group by category_id")
                .query(rs -> {
                    counts.put(rs.getObject("category_id", UUID.class), rs.getLong("listings"));
                });
        return categories.findAllByOrderByPositionAscNameAsc().stream()
                .map(c -> new CategoryCount(c.getSlug(), c.names(), counts.getOrDefault(c.getId(), 0L)))
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
    }

    @Transactional(readOnly = true)
    public ListingCount listingCount() {
        return jdbc.sql("select count(*) as all_listings, count(*) filter (where status = 'PUBLISHED') as published from workflow")
                .query((rs, row) -> new ListingCount(rs.getLong("all_listings"), rs.getLong("published")))
                .single();
    }

    private List<WorkflowCard> cards(String condition, String order, int limit) {
        return new ArrayList<>(jdbc.sql("select " + CARD_COLUMNS + " from workflow w join store_summary s on s.id = w.store_id"
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
