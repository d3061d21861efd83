package app.flowmarket.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

import app.flowmarket.account.AccountManagement;
import app.flowmarket.catalog.CatalogImport;
import app.flowmarket.catalog.CatalogPages;
import app.flowmarket.catalog.CategoryView;
import app.flowmarket.catalog.Listing;
import app.flowmarket.catalog.Upload;
import app.flowmarket.search.CatalogSearch;
import app.flowmarket.shared.CurrentUser;
import app.flowmarket.shared.Money;
import app.flowmarket.shared.SiteSettings;
import app.flowmarket.shared.StartupPhases;
import app.flowmarket.store.StoreManagement;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills an empty database with a believable marketplace before the web server takes its first
 * request, so the first page anyone loads shows the whole catalogue and the demo accounts sign in.
 * Runs once: it does nothing when any account exists. The demo accounts share a published password,
 * so in production ({@link SiteSettings#isProduction()}) they are created only when asked for with
 * {@code flowmarket.demo.enabled=true}; tests switch them off.
 */
@Component
class DemoData implements SmartLifecycle {

    static final String PASSWORD = "flowmarket-demo";
    static final String BUYER = "buyer@demo.flowmarket.app";
    static final String SELLER = "seller@demo.flowmarket.app";
    static final String ADMIN = "admin@demo.flowmarket.app";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final AccountManagement accounts;
    private final StoreManagement stores;
    private final CatalogPages catalog;
    private final CatalogImport catalogImport;
    private final CatalogSearch search;
    private final TransactionTemplate tx;
    @PersistenceContext
    private EntityManager entityManager;
    private volatile boolean running;

    private final SiteSettings site;
    private final Boolean enabled;

    DemoData(AccountManagement accounts, StoreManagement stores, CatalogPages catalog, CatalogImport catalogImport,
             CatalogSearch search, TransactionTemplate tx, SiteSettings site,
             @Value("${flowmarket.demo.enabled:#{null}}") Boolean enabled) {
        this.site = site;
        this.enabled = enabled;
        this.tx = tx;
        this.accounts = accounts;
        this.stores = stores;
        this.catalog = catalog;
        this.catalogImport = catalogImport;
        this.search = search;
    }

    @Override
    public void start() {
        running = true;
        if (!wanted(enabled, site)) {
            return;
        }
        if (accounts.count() == 0) {
            long started = System.currentTimeMillis();
            // one transaction (one commit to wait for) and one indexing pass for the whole set
            search.withoutIndexing(() -> tx.executeWithoutResult(status -> seed()));
            log.info("Demo data created in {} ms", System.currentTimeMillis() - started);
        }
        log.info("""

                ---------------------------------------------------------------
                 Flowmarket demo accounts (password for all: {})
                   buyer:  {}
                   seller: {}
                   admin:  {}
                ---------------------------------------------------------------""", PASSWORD, BUYER, SELLER, ADMIN);
    }

    /** Demo data when asked for; when nobody said, on a development machine only. */
    static boolean wanted(Boolean enabled, SiteSettings site) {
        return enabled != null ? enabled : !site.isProduction();
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
        return StartupPhases.DEMO_DATA;
    }

    private void seed() {
        Random random = new Random(42);
        List<AccountManagement.NewAccount> people = new ArrayList<>();
        people.add(new AccountManagement.NewAccount(ADMIN, "Ada Admin", List.of(CurrentUser.ADMIN)));
        people.add(new AccountManagement.NewAccount(BUYER, "Bruno Buyer", List.of()));
        for (String name : DemoCatalog.BUYER_NAMES) {
            people.add(new AccountManagement.NewAccount(name.toLowerCase(Locale.ROOT).replace(' ', '.') + "@demo.flowmarket.app", name, List.of()));
        }
        boolean firstStore = true;
        for (DemoCatalog.DemoStore demo : DemoCatalog.STORES) {
            people.add(new AccountManagement.NewAccount(firstStore ? SELLER : demo.slug() + "@demo.flowmarket.app", demo.owner(), List.of()));
            firstStore = false;
        }
        List<UUID> ids = accounts.createVerified(people, PASSWORD);
        List<UUID> ownerIds = ids.subList(ids.size() - DemoCatalog.STORES.size(), ids.size());
        List<CategoryView> categories = catalog.categories();
        for (int s = 0; s < DemoCatalog.STORES.size(); s++) {
            DemoCatalog.DemoStore demo = DemoCatalog.STORES.get(s);
            UUID ownerId = ownerIds.get(s);
            CurrentUser seller = stores.open(ownerId, new StoreManagement.StoreProfile(demo.name(), demo.slug(), demo.bio(),
                    demo.website(), null, null));
            for (DemoCatalog.DemoWorkflow workflow : demo.workflows()) {
                UUID categoryId = categories.stream().filter(c -> c.slug().equals(workflow.category())).findFirst()
                        .map(CategoryView::id).orElse(null);
                var listing = new Listing(workflow.title(), workflow.summary(),
                        DemoCatalog.description(workflow), workflow.platform(), Money.of(workflow.priceCents(), demo.currency()),
                        categoryId, workflow.tags());
                byte[] file = DemoFiles.export(workflow.platform(), workflow.title(), workflow.integrations())
                        .getBytes(StandardCharsets.UTF_8);
                Upload upload = new Upload(DemoFiles.fileName(workflow), file);
                List<CatalogImport.Revision> revisions = random.nextInt(4) == 0
                        ? List.of(new CatalogImport.Revision("Handles empty results and retries rate-limited calls.", upload))
                        : List.of();
                Instant published = Instant.now().minus(Duration.ofDays(3 + random.nextInt(200)));
                int sales = workflow.priceCents() == 0 ? 40 + random.nextInt(400) : random.nextInt(180);
                int ratings = sales == 0 ? 0 : Math.max(1, sales / (3 + random.nextInt(5)));
                BigDecimal rating = ratings == 0 ? BigDecimal.ZERO
                        : BigDecimal.valueOf(3.6 + random.nextDouble() * 1.4).setScale(2, RoundingMode.HALF_UP);
                catalogImport.importPublished(seller, listing, upload, revisions,
                        new CatalogImport.History(published, sales, rating, ratings, random.nextInt(6) == 0));
            }
            // one transaction for the set, but a small persistence context: each query would re-check every entity
            entityManager.flush();
            entityManager.clear();
        }
    }

    static List<String> list(String... values) {
        return new ArrayList<>(List.of(values));
    }
}
