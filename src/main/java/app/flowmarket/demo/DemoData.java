package app.flowmarket.demo;

import java.math.BigDecimal;
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
import app.flowmarket.payment.Payments;
import app.flowmarket.review.Reviews;
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
    private final DemoSales demoSales;
    private final Reviews reviews;
    private final Payments payments;
    private final DemoTraffic demoTraffic;
    @PersistenceContext
    private EntityManager entityManager;
    private volatile boolean running;

    private final SiteSettings site;
    private final Boolean enabled;

    DemoData(AccountManagement accounts, StoreManagement stores, CatalogPages catalog, CatalogImport catalogImport,
             CatalogSearch search, TransactionTemplate tx, SiteSettings site, DemoSales demoSales, Reviews reviews, Payments payments,
             DemoTraffic demoTraffic, @Value("${flowmarket.demo.enabled:#{null}}") Boolean enabled) {
        this.demoSales = demoSales;
        this.demoTraffic = demoTraffic;
        this.reviews = reviews;
        this.payments = payments;
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

    /** A demo listing once it is in the catalogue: where it came from, when it went public, who bought it. */
    private record Placed(DemoCatalog.DemoStore store, DemoCatalog.DemoWorkflow demo, UUID id, Instant published,
                          List<UUID> owners, int reviewers) {
    }

    private void seed() {
        Random random = new Random(42);
        Instant now = Instant.now();
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
        // Bruno (the demo buyer) and the named buyers; the store owners come after them
        List<UUID> buyerIds = ids.subList(1, 2 + DemoCatalog.BUYER_NAMES.size());
        List<UUID> ownerIds = ids.subList(ids.size() - DemoCatalog.STORES.size(), ids.size());
        List<CategoryView> categories = catalog.categories();
        List<Placed> placed = new ArrayList<>();
        for (int s = 0; s < DemoCatalog.STORES.size(); s++) {
            DemoCatalog.DemoStore demo = DemoCatalog.STORES.get(s);
            UUID ownerId = ownerIds.get(s);
            CurrentUser seller = stores.open(ownerId, new StoreManagement.StoreProfile(demo.name(), demo.slug(), demo.bio(),
                    demo.website(), null, null));
            // stores opened between about fourteen and eight months ago, each on its own day
            Instant opened = now.minus(Duration.ofDays(240 + 25L * s + random.nextInt(20))).minus(Duration.ofMinutes(random.nextInt(600)));
            stores.importOpening(ownerId, opened);
            long openDays = Duration.between(opened, now).toDays();
            for (DemoCatalog.DemoWorkflow workflow : demo.workflows()) {
                UUID categoryId = categories.stream().filter(c -> c.slug().equals(workflow.category())).findFirst()
                        .map(CategoryView::id).orElse(null);
                var listing = new Listing(workflow.title(), workflow.summary(),
                        DemoCatalog.description(workflow), workflow.platform(), Money.of(workflow.priceCents(), demo.currency()),
                        categoryId, workflow.tags());
                byte[] file = DemoFiles.export(workflow.platform(), workflow.title(), workflow.integrations())
                        .getBytes(StandardCharsets.UTF_8);
                Upload upload = new Upload(DemoFiles.fileName(workflow), file);
                // published a week or more after the store opened, at least five days ago
                Instant published = now.minus(Duration.ofDays(5 + random.nextInt((int) Math.max(1, openDays - 12))))
                        .minus(Duration.ofMinutes(random.nextInt(1440)));
                long liveDays = Math.max(2, Duration.between(published, now).toDays());
                List<CatalogImport.Revision> revisions = random.nextInt(4) == 0
                        ? List.of(new CatalogImport.Revision("Handles empty results and retries rate-limited calls.", upload,
                                published.plus(Duration.ofDays(1 + random.nextInt((int) liveDays - 1)))))
                        : List.of();
                // the demo buyers who own it are the ones who reviewed it (the other sales are the earlier ones above);
                // each currency has its own buyers, so one order each
                int reviewers = workflow.priceCents() == 0 ? 1 + random.nextInt(3) : random.nextInt(3);
                List<UUID> owners = new ArrayList<>(pick(poolOf(demo.currency(), buyerIds), reviewers, random));
                // Bruno, the demo buyer, owns a few: some he reviewed, others he has still to review
                if (!"GBP".equals(demo.currency()) && placed.size() % 6 == 0) {
                    owners.add(placed.size() % 12 == 0 ? 0 : owners.size(), buyerIds.get(0));
                }
                // sales made before the demo buyers' own orders, which commerce counts as they are paid
                int earlierSales = workflow.priceCents() == 0 ? 40 + random.nextInt(400) : random.nextInt(150);
                UUID id = catalogImport.importPublished(seller, listing, upload, revisions,
                        new CatalogImport.History(published, earlierSales, BigDecimal.ZERO, 0, random.nextInt(6) == 0));
                placed.add(new Placed(demo, workflow, id, published, List.copyOf(owners), reviewers));
            }
            // one transaction for the set, but a small persistence context: each query would re-check every entity
            entityManager.flush();
            entityManager.clear();
        }
        long catalogued = System.currentTimeMillis();
        // a year of the demo seller's traffic and sales for their dashboard, as daily numbers
        UUID demoStore = stores.findByOwner(ownerIds.get(0)).orElseThrow().id();
        int madeUp = demoTraffic.write(demoStore, placed.stream().filter(p -> p.store() == DemoCatalog.STORES.get(0))
                .map(p -> new DemoTraffic.Listed(p.id(), p.demo().title(), Money.of(p.demo().priceCents(), p.store().currency()), p.published()))
                .toList(), java.time.LocalDate.now(java.time.ZoneOffset.UTC), new Random(7));
        log.info("Demo data: a year of dashboard history for {} ({} sales) in {} ms", DemoCatalog.STORES.get(0).name(), madeUp,
                System.currentTimeMillis() - catalogued);
        catalogued = System.currentTimeMillis();
        if (!"test".equals(payments.provider())) {
            // the demo buyers pay through the built-in test processor only, never through a real one
            log.info("Demo data: {} workflows, no demo orders or reviews (payments go to {})", placed.size(), payments.provider());
            return;
        }
        DemoSales.Result sales = demoSales.buy(placed.stream()
                .map(p -> new DemoSales.Purchase(p.owners(), p.id(), p.store().currency())).toList());
        entityManager.flush();
        entityManager.clear();
        long sold = System.currentTimeMillis();
        var written = DemoReviews.write(placed.stream()
                .map(p -> new DemoReviews.Reviewed(p.id(), p.demo(), p.published(), p.owners(), p.reviewers())).toList(), buyerIds, now, random);
        reviews.importReviews(written);
        log.info("Demo data: {} workflows, {} orders paid ({} workflows bought), {} reviews (orders {} ms, reviews {} ms)",
                placed.size(), sales.orders(), sales.lines(), written.size(), sold - catalogued, System.currentTimeMillis() - sold);
    }

    /**
     * The named buyers who shop in a currency: ten in US dollars, eight in euros, five in pounds (each pays one
     * order, which keeps the demo data quick to make); the other named buyers only browse and vote.
     */
    static List<UUID> poolOf(String currency, List<UUID> buyerIds) {
        List<UUID> named = buyerIds.subList(1, buyerIds.size());
        return switch (currency) {
            case "USD" -> named.subList(0, 10);
            case "EUR" -> named.subList(10, 18);
            default -> named.subList(18, 23);
        };
    }

    /** {@code count} different people from the list, the same ones for the same random sequence. */
    static List<UUID> pick(List<UUID> from, int count, Random random) {
        List<UUID> pool = new ArrayList<>(from);
        java.util.Collections.shuffle(pool, random);
        return List.copyOf(pool.subList(0, Math.min(count, pool.size())));
    }

    static List<String> list(String... values) {
        return new ArrayList<>(List.of(values));
    }
}
