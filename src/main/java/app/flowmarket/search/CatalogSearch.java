package app.flowmarket.search;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import app.flowmarket.catalog.CatalogPages;
import app.flowmarket.catalog.CatalogQueries.WorkflowCard;
import app.flowmarket.catalog.CatalogQueries;
import app.flowmarket.catalog.CategoryView;
import app.flowmarket.catalog.N8nReleases;
import app.flowmarket.catalog.Platform;
import app.flowmarket.catalog.TagView;
import app.flowmarket.catalog.WorkflowStatus;
import app.flowmarket.currency.Currencies;
import app.flowmarket.search.SearchQuery.PriceRange;
import app.flowmarket.search.SearchResults.Hit;
import app.flowmarket.shared.CurrencyConverter;
import app.flowmarket.shared.PageResult;
import app.flowmarket.shared.WorkflowId;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.highlighter.dsl.HighlighterEncoder;
import org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateClausesStep;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.engine.search.sort.dsl.SearchSortFactory;
import org.hibernate.search.engine.search.sort.dsl.SortFinalStep;
import org.hibernate.search.backend.lucene.LuceneExtension;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.util.common.data.Range;
import org.hibernate.search.util.common.data.RangeBoundInclusion;
import org.jspecify.annotations.Nullable;
import org.springframework.cache.annotation.CacheEvict;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The search module's public API: full-text search over the published catalogue (Hibernate Search)
 * with relevance ranking, stemming in EN/FR/ES/DE, typo tolerance, facet counts, highlighted matches
 * and title suggestions; the state of the index and its rebuild. The catalogue owns the listings;
 * this module indexes them ({@link WorkflowIndexMapping}, {@link SearchIndexing}) and queries the index.
 */
@Service
public class CatalogSearch {

    public static final int PAGE_SIZE = 24;
    /** The first pages of search results, by search (evicted on every catalogue change, see {@link CatalogChanges}). */
    public static final String RESULTS_CACHE = "catalog-search";
    public static final int SUGGESTIONS = 8;
    static final int INTEGRATION_FACETS = 12;

    /** A text field of the index, the analyzer that fills it and its weight in the ranking. */
    record TextField(String name, String analyzer, float boost, boolean fuzzy) {
    }

    /** Every field a search word is looked for in; a word matches when any of them holds it. */
    static final List<TextField> TEXT_FIELDS = List.of(
            new TextField("title", SearchAnalyzers.FOLDING, 4f, true),
            new TextField("title_en", SearchAnalyzers.ENGLISH, 3f, false),
            new TextField("title_fr", SearchAnalyzers.FRENCH, 3f, false),
            new TextField("title_es", SearchAnalyzers.SPANISH, 3f, false),
            new TextField("title_de", SearchAnalyzers.GERMAN, 3f, false),
            new TextField("tags.name", SearchAnalyzers.FOLDING, 3f, true),
            new TextField("tags.names", SearchAnalyzers.FOLDING, 3f, true),
            new TextField("integrations", SearchAnalyzers.FOLDING, 3f, true),
            new TextField("summary", SearchAnalyzers.FOLDING, 2f, false),
            new TextField("summary_en", SearchAnalyzers.ENGLISH, 1.5f, false),
            new TextField("summary_fr", SearchAnalyzers.FRENCH, 1.5f, false),
            new TextField("summary_es", SearchAnalyzers.SPANISH, 1.5f, false),
            new TextField("summary_de", SearchAnalyzers.GERMAN, 1.5f, false),
            new TextField("storeName", SearchAnalyzers.FOLDING, 1.5f, true),
            new TextField("description", SearchAnalyzers.FOLDING, 1f, false),
            new TextField("description_en", SearchAnalyzers.ENGLISH, 0.8f, false),
            new TextField("description_fr", SearchAnalyzers.FRENCH, 0.8f, false),
            new TextField("description_es", SearchAnalyzers.SPANISH, 0.8f, false),
            new TextField("description_de", SearchAnalyzers.GERMAN, 0.8f, false));

    /** The fields a word with a typo is looked for in (those of {@link #TEXT_FIELDS} marked fuzzy). */
    static final List<String> TYPO_FIELDS = TEXT_FIELDS.stream().filter(TextField::fuzzy).map(TextField::name).toList();

    /** The rating facet's buckets, in display order (the price facet's depend on the currency: {@link PriceBands}). */
    private static final Map<Integer, Range<BigDecimal>> RATING_RANGES = new LinkedHashMap<>();

    static {
        for (Integer stars : SearchQuery.MIN_RATINGS) {
            RATING_RANGES.put(stars, Range.atLeast(BigDecimal.valueOf(stars).setScale(2)));
        }
    }

    private static final AggregationKey<Map<UUID, Long>> CATEGORY = AggregationKey.of("category");
    private static final AggregationKey<Map<Platform, Long>> PLATFORM = AggregationKey.of("platform");
    private static final AggregationKey<Map<Range<Long>, Long>> PRICE = AggregationKey.of("price");
    private static final AggregationKey<Map<Range<BigDecimal>, Long>> RATING = AggregationKey.of("rating");
    private static final AggregationKey<Map<String, Long>> INTEGRATION = AggregationKey.of("integration");
    private static final AggregationKey<Map<Range<Integer>, Long>> N8N = AggregationKey.of("n8n");

    /** The n8n facet's buckets: listings whose minimum release is known (1 and up) and within each release line. */
    private static final Map<String, Range<Integer>> N8N_RANGES = new LinkedHashMap<>();

    static {
        for (String line : SearchQuery.N8N_LINES) {
            N8N_RANGES.put(line, Range.between(1, RangeBoundInclusion.INCLUDED,
                    SearchQuery.n8nCeiling(line), RangeBoundInclusion.INCLUDED));
        }
    }

    /** A page of results, and the listings the index returned that the database no longer holds. */
    private record Run(SearchResults results, List<UUID> stale) {
    }

    @PersistenceContext
    @SuppressWarnings("NullAway.Init") // injected by the container after construction
    private EntityManager entityManager;
    private final CatalogPages catalog;
    private final CatalogQueries queries;
    private final SearchIndexing indexing;
    private final CurrencyConverter converter;
    private final Currencies currencies;
    private final boolean cacheResults;

    /**
     * Results are cached only when the index is written in the committing transaction. With the
     * outbox (several nodes) the index lags a commit by a moment, and a result cached in between
     * would outlive the eviction.
     */
    public boolean cachesResults() {
        return cacheResults;
    }

    CatalogSearch(CatalogPages catalog, CatalogQueries queries, SearchIndexing indexing, CurrencyConverter converter, Currencies currencies,
                  @org.springframework.beans.factory.annotation.Value("${spring.jpa.properties.hibernate.search.coordination.strategy:none}") String coordination) {
        this.cacheResults = !"outbox-polling".equals(coordination);
        this.converter = converter;
        this.currencies = currencies;
        this.catalog = catalog;
        this.queries = queries;
        this.indexing = indexing;
    }

    /** How many listings the index holds, against how many the database holds. */
    public record IndexStatus(long indexed, long stored) {
    }

    @Transactional(readOnly = true)
    public IndexStatus indexStatus() {
        return new IndexStatus(indexing.indexedCount(), indexing.storedCount());
    }

    /**
     * Runs bulk writes (demo data, imports) without indexing each listing on its own; the start-up
     * check indexes them all in one pass before the first request. Only before the web server starts.
     */
    public void withoutIndexing(Runnable bulkWrites) {
        indexing.withoutAutomaticIndexing(() -> {
            bulkWrites.run();
            return null;
        });
    }

    /** Rebuilds the index from the database (operators: also {@code --reindex} on the command line). */
    @CacheEvict(cacheNames = RESULTS_CACHE, allEntries = true)
    public IndexStatus reindex() {
        indexing.rebuild();
        return indexStatus();
    }

    /**
     * One page of results with facet counts. The first pages of every search are cached (popular
     * searches are then served from Redis; rare ones expire) and evicted on every catalogue change.
     */
    @Cacheable(cacheNames = RESULTS_CACHE, key = "#search", sync = true,
            condition = "#root.target.cachesResults() and #search.page() <= 3")
    @Transactional(readOnly = true)
    public SearchResults search(SearchQuery search) {
        Run run = run(search);
        if (run.stale().isEmpty()) {
            return run.results();
        }
        // the index held listings the database does not (a crash between the two): drop them and ask again,
        // so the count shown is the number of cards a person can page through
        indexing.purge(run.stale());
        return run(search).results();
    }

    private Run run(SearchQuery search) {
        // a parent category shows its sub-categories' listings too
        List<UUID> category = search.category() == null ? null : catalog.categoryWithChildren(search.category());
        if (category != null) {
            if (category.isEmpty()) {
                return new Run(new SearchResults(new PageResult<>(List.of(), search.page(), PAGE_SIZE, 0), Facets.none()), List.of());
            }
        }
        List<String> words = SearchTerms.words(search.query());
        PriceBands bands = PriceBands.of(search.currency(), converter);
        Map<PriceRange, Range<Long>> priceRanges = new LinkedHashMap<>();
        for (PriceRange range : PriceRange.values()) {
            if (bands.ranges().containsKey(range)) {
                priceRanges.put(range, bands.ranges().get(range));
            }
        }
        Map<Integer, Range<BigDecimal>> ratingRanges = RATING_RANGES;
        SearchResult<HitRow> result = Search.session(entityManager).search(indexing.workflowType())
                .select(f -> f.composite()
                        .from(f.id(UUID.class), f.highlight("title"), f.highlight("summary"))
                        .as(HitRow::new))
                .where(f -> predicate(f, search, words, category, bands))
                .sort(f -> sort(f, search.sort()))
                .aggregation(CATEGORY, f -> f.terms().field("categoryId", UUID.class).maxTermCount(100))
                .aggregation(PLATFORM, f -> f.terms().field("platform", Platform.class))
                .aggregation(PRICE, f -> f.range().field(WorkflowIndexMapping.PRICE, Long.class).ranges(priceRanges.values()))
                .aggregation(RATING, f -> f.range().field("ratingAvg", BigDecimal.class).ranges(ratingRanges.values()))
                .aggregation(INTEGRATION, f -> f.terms().field("integration", String.class).maxTermCount(INTEGRATION_FACETS))
                .aggregation(N8N, f -> f.range().field("n8nMinimum", Integer.class).ranges(N8N_RANGES.values()))
                .highlighter(f -> f.plain().tag("<mark>", "</mark>").encoder(HighlighterEncoder.HTML).numberOfFragments(1).fragmentSize(400))
                .fetch(PageResult.offset(search.page(), PAGE_SIZE), PAGE_SIZE);

        List<HitRow> rows = result.hits();
        Map<UUID, WorkflowCard> cards = new LinkedHashMap<>();
        queries.cards(rows.stream().map(HitRow::id).toList()).forEach(card -> cards.put(card.id(), card));
        List<Hit> hits = new ArrayList<>();
        List<UUID> stale = new ArrayList<>();
        for (HitRow row : rows) {
            WorkflowCard card = cards.get(row.id());
            if (card != null) {
                hits.add(new Hit(card, first(row.title()), first(row.summary())));
            } else {
                stale.add(row.id());
            }
        }
        Facets facets = new Facets(
                categoryFacet(result.aggregation(CATEGORY)),
                result.aggregation(PLATFORM).entrySet().stream()
                        .map(e -> new FacetValue(e.getKey().slug(), e.getKey().label(), e.getValue()))
                        .filter(v -> v.count() > 0).toList(),
                priceRanges.entrySet().stream()
                        .map(e -> new FacetValue(e.getKey().slug(), e.getKey().slug(), result.aggregation(PRICE).getOrDefault(e.getValue(), 0L)))
                        .filter(v -> v.count() > 0).toList(),
                ratingRanges.entrySet().stream()
                        .map(e -> new FacetValue(e.getKey().toString(), e.getKey().toString(), result.aggregation(RATING).getOrDefault(e.getValue(), 0L)))
                        .filter(v -> v.count() > 0).toList(),
                result.aggregation(INTEGRATION).entrySet().stream()
                        .map(e -> new FacetValue(e.getKey(), e.getKey(), e.getValue())).toList(),
                N8N_RANGES.entrySet().stream()
                        .map(e -> new FacetValue(e.getKey(), e.getKey(), result.aggregation(N8N).getOrDefault(e.getValue(), 0L)))
                        .filter(v -> v.count() > 0).toList());
        return new Run(new SearchResults(new PageResult<>(hits, search.page(), PAGE_SIZE, result.total().hitCount()), facets), stale);
    }

    /** A published listing ready to be matched against saved searches (see {@link SearchMatcher}). */
    @Transactional(readOnly = true)
    Optional<SearchMatcher.Document> matchDocument(UUID workflowId) {
        return catalog.publishedWorkflow(WorkflowId.of(workflowId))
                .map(w -> SearchMatcher.document(new SearchMatcher.Listing(w.title(), w.summary(), w.descriptionMarkdown(),
                        w.tags().stream().flatMap(t -> t.name().all().stream()).toList(),
                        w.tags().stream().map(TagView::slug).toList(),
                        w.integrations(), w.store().name(), w.platform(),
                        w.category() == null ? null : w.category().slug(), priceBandsOf(w.price()), w.ratingAvg(),
                        catalog.minimumN8n(WorkflowId.of(workflowId)).map(N8nReleases.Minimum::release).map(N8nReleases::code).orElse(null))));
    }

    /** The price bands a listing is in, for every currency a saved search can be in (see {@link PriceBands#bandsOf}). */
    private java.util.Set<String> priceBandsOf(app.flowmarket.shared.Money price) {
        java.util.Set<java.util.Currency> shown = new java.util.LinkedHashSet<>(currencies.displayable());
        shown.add(SearchQuery.DEFAULT_CURRENCY);
        return PriceBands.bandsOf(price, shown, converter);
    }

    /** Titles of published workflows whose words start with what was typed, best first. */
    @Transactional(readOnly = true)
    public List<String> suggest(@Nullable String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.length() < 2 || text.length() > 100) {
            return List.of();
        }
        return Search.session(entityManager).search(indexing.workflowType())
                .select(f -> f.field("title", String.class))
                .where(f -> f.bool()
                        .filter(f.match().field("status").matching(WorkflowStatus.PUBLISHED))
                        .must(f.match().field("title_suggest").matching(text).minimumShouldMatchPercent(100)))
                .sort(f -> f.score().then().field("salesCount").desc())
                .fetchHits(SUGGESTIONS);
    }

    // ---- the query ---------------------------------------------------------------------------

    private record HitRow(UUID id, List<String> title, List<String> summary) {
    }

    private static @Nullable String first(@Nullable List<String> fragments) {
        return fragments == null || fragments.isEmpty() ? null : fragments.get(0);
    }

    private PredicateFinalStep predicate(SearchPredicateFactory f, SearchQuery search, List<String> words, @org.jspecify.annotations.Nullable List<UUID> categoryIds, PriceBands bands) {
        BooleanPredicateClausesStep<?, ?> bool = f.bool();
        bool.filter(f.match().field("status").matching(WorkflowStatus.PUBLISHED));
        if (words.isEmpty()) {
            bool.must(f.matchAll());
        }
        for (String word : words) {
            BooleanPredicateClausesStep<?, ?> either = f.bool();
            either.should(f.match()
                    .field("title").boost(4f)
                    .fields("title_en", "title_fr", "title_es", "title_de", "tags.name", "tags.names", "integrations").boost(3f)
                    .field("summary").boost(2f)
                    .fields("summary_en", "summary_fr", "summary_es", "summary_de", "storeName").boost(1.5f)
                    .field("description").boost(1f)
                    .fields("description_en", "description_fr", "description_es", "description_de").boost(0.8f)
                    .matching(word));
            int edits = SearchTerms.maxEdits(word);
            if (edits > 0) {
                either.should(f.extension()
                        .ifSupported(LuceneExtension.get(), lucene -> lucene.fromLuceneQuery(
                                new org.apache.lucene.search.BoostQuery(Typos.inAnyOf(TYPO_FIELDS, word, edits), 0.3f)))
                        .orElse(other -> other.match().fields(TYPO_FIELDS.toArray(String[]::new)).matching(word).fuzzy(edits, 1).boost(0.3f)));
            }
            bool.must(either);
        }
        if (words.size() > 1) {
            // the words next to each other in the title rank first; it only scores, never filters
            bool.should(f.phrase().field("title").matching(String.join(" ", words)).boost(5f));
        }
        if (categoryIds != null) {
            bool.filter(f.terms().field("categoryId").matchingAny(categoryIds));
        }
        if (search.tag() != null) {
            bool.filter(f.match().field("tags.slug").matching(search.tag()));
        }
        if (search.platform() != null) {
            bool.filter(f.match().field("platform").matching(search.platform()));
        }
        if (search.price() != null) {
            Range<Long> band = bands.ranges().get(search.price());
            // a band that cannot be worked out today (no rate for the currency) matches nothing rather than everything
            bool.filter(band == null ? f.not(f.matchAll()) : f.range().field(WorkflowIndexMapping.PRICE).within(band));
        }
        if (search.integration() != null) {
            bool.filter(f.match().field("integration").matching(search.integration()));
        }
        if (search.minRating() != null) {
            bool.filter(f.range().field("ratingAvg").atLeast(BigDecimal.valueOf(search.minRating())));
        }
        Integer n8nCeiling = search.n8nCeiling();
        if (n8nCeiling != null) {
            // runs on that n8n: every node it uses is known to the release table, and in that release or an older one
            bool.filter(f.range().field("n8nMinimum").between(1, n8nCeiling));
        }
        return bool;
    }

    private static SortFinalStep sort(SearchSortFactory f, SearchQuery.Sort sort) {
        return switch (sort) {
            case RELEVANCE -> f.score().then().field("salesCount").desc();
            case NEWEST -> f.field("publishedAt").desc();
            case POPULAR -> f.field("salesCount").desc().then().field("publishedAt").desc();
            case RATING -> f.field("ratingAvg").desc().then().field("ratingCount").desc();
            case PRICE_ASC -> f.field(WorkflowIndexMapping.PRICE).asc().missing().last().then().field("salesCount").desc();
            case PRICE_DESC -> f.field(WorkflowIndexMapping.PRICE).desc().missing().last().then().field("salesCount").desc();
        };
    }

    private List<FacetValue> categoryFacet(Map<UUID, Long> counts) {
        List<FacetValue> values = new ArrayList<>();
        for (CategoryView category : catalog.categories()) {
            long count = counts.getOrDefault(category.id(), 0L);
            if (count > 0) {
                values.add(new FacetValue(category.slug(), category.name().english(), count));
            }
        }
        values.sort(Comparator.comparingLong(FacetValue::count).reversed());
        return values;
    }
}
