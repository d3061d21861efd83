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
import app.flowmarket.api.ApiScope;
import app.flowmarket.api.ApiTokens;
import app.flowmarket.catalog.CatalogImport;
import app.flowmarket.catalog.CatalogPages;
import app.flowmarket.catalog.CategoryView;
import app.flowmarket.catalog.Listing;
import app.flowmarket.catalog.Upload;
import app.flowmarket.commerce.Pricing;
import app.flowmarket.n8n.N8nTokens;
import app.flowmarket.payment.Payments;
import app.flowmarket.payout.BankAccount;
import app.flowmarket.payout.Payouts;
import app.flowmarket.preview.Previews;
import app.flowmarket.qa.Questions;
import app.flowmarket.review.Reviews;
import app.flowmarket.search.CatalogSearch;
import app.flowmarket.security.AccountSecurity;
import app.flowmarket.shared.AccountId;
import app.flowmarket.shared.Actor;
import app.flowmarket.shared.CurrentUser;
import app.flowmarket.shared.Money;
import app.flowmarket.shared.SiteSettings;
import app.flowmarket.shared.StartupPhases;
import app.flowmarket.shared.WorkflowId;
import app.flowmarket.social.Follows;
import app.flowmarket.social.Profiles;
import app.flowmarket.store.StoreManagement;
import app.flowmarket.webhook.WebhookEvent;
import app.flowmarket.webhook.Webhooks;
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
    /** The demo buyer's n8n address ({@code /n8n/demo-bruno-n8n-library}), written in the README; made only with demo data. */
    static final String DEMO_N8N_TOKEN = "demo-bruno-n8n-library";
    static final String SELLER = "seller@demo.flowmarket.app";
    static final String ADMIN = "admin@demo.flowmarket.app";
    /** The demo seller's API token, printed in the README so anyone can try the API with curl at once (demo data only). */
    static final String SELLER_API_TOKEN = "fmp_demo-seller-token-try-the-api-with-curl";

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
    private final Questions questions;
    private final Profiles profiles;
    private final Follows follows;
    private final AccountSecurity security;
    private final DemoTraffic demoTraffic;
    private final N8nTokens n8nTokens;
    private final ApiTokens apiTokens;
    private final Webhooks webhooks;
    private final DemoPricing demoPricing;
    private final Payouts payouts;
    private final Previews previews;
    private final DemoModeration demoModeration;
    @PersistenceContext
    @SuppressWarnings("NullAway.Init") // injected by the container after construction
    private EntityManager entityManager;
    private volatile boolean running;

    private final SiteSettings site;
    private final Boolean enabled;
    private final DemoSeats demoSeats;
    private final java.util.concurrent.@org.jspecify.annotations.Nullable CompletableFuture<AccountManagement.HashedPassword> password;

    DemoData(AccountManagement accounts, StoreManagement stores, CatalogPages catalog, CatalogImport catalogImport,
             CatalogSearch search, TransactionTemplate tx, SiteSettings site, DemoSales demoSales, Reviews reviews, Payments payments,
             Questions questions, Profiles profiles, Follows follows,
             AccountSecurity security,
             DemoTraffic demoTraffic, N8nTokens n8nTokens, ApiTokens apiTokens, Webhooks webhooks, DemoPricing demoPricing,
             Payouts payouts, Previews previews, DemoSeats demoSeats, DemoModeration demoModeration,
             @Value("${flowmarket.demo.enabled:#{null}}") Boolean enabled) {
        this.n8nTokens = n8nTokens;
        this.apiTokens = apiTokens;
        this.webhooks = webhooks;
        this.questions = questions;
        this.profiles = profiles;
        this.follows = follows;
        this.security = security;
        this.demoSales = demoSales;
        this.demoTraffic = demoTraffic;
        this.demoPricing = demoPricing;
        this.payouts = payouts;
        this.previews = previews;
        this.demoSeats = demoSeats;
        this.demoModeration = demoModeration;
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
        // the shared password is hashed while the rest of the application starts (hashing is deliberately slow)
        this.password = wanted(enabled, site)
                ? java.util.concurrent.CompletableFuture.supplyAsync(() -> accounts.hashAhead(PASSWORD),
                        work -> Thread.ofPlatform().daemon().name("demo-password").start(work))
                : null;
    }

    @Override
    public void start() {
        running = true;
        if (!wanted(enabled, site)) {
            return;
        }
        if (accounts.count() == 0) {
            long started = System.currentTimeMillis();
            // one transaction (one commit to wait for) and one indexing pass for the whole set, but for the history, which
            // is written beside the orders in a transaction of its own that commits right after it
            SideTransaction[] history = new SideTransaction[1];
            try {
                search.withoutIndexing(() -> tx.executeWithoutResult(status -> history[0] = seed()));
            } catch (RuntimeException failure) {
                if (history[0] != null) {
                    history[0].rollBack();
                }
                throw failure;
            }
            if (history[0] != null) {
                history[0].commit();
            }
            log.info("Demo data created in {} ms", System.currentTimeMillis() - started);
        }
        demoN8nAddress();
        log.info("""

                ---------------------------------------------------------------
                 Flowmarket demo accounts (password for all: {})
                   buyer:  {}
                   seller: {}
                   admin:  {}
                 The seller's API token: {}
                ---------------------------------------------------------------""", PASSWORD, BUYER, SELLER, ADMIN, SELLER_API_TOKEN);
    }

    /** The demo buyer's n8n address, so his library shows in an n8n started as the README says (demo data only). */
    private void demoN8nAddress() {
        try {
            CurrentUser bruno = accounts.loadUserByUsername(BUYER);
            n8nTokens.ensure(bruno.id(), BUYER, "Demo n8n", DEMO_N8N_TOKEN);
        } catch (org.springframework.security.core.userdetails.UsernameNotFoundException notThere) {
            // an instance whose demo buyer was deleted keeps it that way
        }
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

    /**
     * Bruno's sign-ins over two months (Settings → Security): his laptop at home in Lyon, his phone once (a new
     * device, alerted), and a trip to Barcelona (a new place, alerted). Addresses from the documentation ranges.
     */
    static List<AccountSecurity.PastSignIn> demoSignIns(Instant now) {
        String laptop = "Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0";
        String phone = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";
        List<AccountSecurity.PastSignIn> signIns = new ArrayList<>();
        signIns.add(new AccountSecurity.PastSignIn(now.minus(Duration.ofDays(61)), "password", "203.0.113.24", laptop, "France", "Lyon", false, false));
        for (int day : new int[] {52, 40, 33, 19, 11, 4}) {
            signIns.add(new AccountSecurity.PastSignIn(now.minus(Duration.ofDays(day)).minus(Duration.ofMinutes(37L * day)), "password",
                    "203.0.113.24", laptop, "France", "Lyon", false, false));
        }
        signIns.add(new AccountSecurity.PastSignIn(now.minus(Duration.ofDays(27)), "link", "203.0.113.24", phone, "France", "Lyon", true, false));
        signIns.add(new AccountSecurity.PastSignIn(now.minus(Duration.ofDays(15)), "password", "198.51.100.7", laptop, "Spain", "Barcelona", false, true));
        signIns.sort(java.util.Comparator.comparing(AccountSecurity.PastSignIn::at));
        return signIns;
    }

    /** What the demo seller's webhook endpoint received: sales, a review, a refund, and one receiver outage retried. */
    static List<Webhooks.PastDelivery> demoDeliveries(Instant now) {
        List<Webhooks.PastDelivery> history = new ArrayList<>();
        int[] daysAgo = {18, 15, 12, 9, 7, 4, 2, 1};
        for (int i = 0; i < daysAgo.length; i++) {
            Instant at = now.minus(Duration.ofDays(daysAgo[i])).minus(Duration.ofMinutes(53L * i));
            long number = 1040 + i;
            WebhookEvent event = i == 3 ? WebhookEvent.REVIEW_CREATED : i == 6 ? WebhookEvent.ORDER_REFUNDED : WebhookEvent.ORDER_PAID;
            java.util.Map<String, Object> data = event == WebhookEvent.REVIEW_CREATED
                    ? java.util.Map.of("reviewId", UUID.nameUUIDFromBytes(("review" + i).getBytes(StandardCharsets.UTF_8)).toString(), "rating", 5)
                    : java.util.Map.of("orderId", UUID.nameUUIDFromBytes(("order" + i).getBytes(StandardCharsets.UTF_8)).toString(), "orderNumber", number);
            boolean outage = i == 5;
            history.add(new Webhooks.PastDelivery(event, data, at, outage ? 200 : 204, outage ? "{\"ok\":true}" : "",
                    120 + 37 * i, outage ? 3 : 1));
        }
        return history;
    }

    /** A demo listing once it is in the catalogue: where it came from, when it went public, who bought it. */
    private record Placed(DemoCatalog.DemoStore store, DemoCatalog.DemoWorkflow demo, UUID id, Instant published,
                          List<UUID> owners, int reviewers) {
    }

    /** Writes the demo data; returns the history being written beside it, for the caller to commit after this. */
    private SideTransaction seed() {
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
        List<UUID> ids = password != null ? accounts.createVerified(people, password.join()) : accounts.createVerified(people, PASSWORD);
        // Bruno (the demo buyer) and the named buyers; the store owners come after them
        List<UUID> buyerIds = ids.subList(1, 2 + DemoCatalog.BUYER_NAMES.size());
        // written with plain SQL: the accounts must be in the database first
        entityManager.flush();
        security.importSignIns(buyerIds.get(0), demoSignIns(now));
        List<UUID> ownerIds = ids.subList(ids.size() - DemoCatalog.STORES.size(), ids.size());
        apiTokens.importToken(ownerIds.get(0), "Demo: try the API", java.util.EnumSet.allOf(ApiScope.class), SELLER_API_TOKEN,
                now.minus(Duration.ofDays(20)));
        webhooks.importEndpoint(ownerIds.get(0), "https://hooks.pipeline-pros.example/flowmarket", "New sales into our CRM",
                java.util.EnumSet.of(WebhookEvent.ORDER_PAID, WebhookEvent.ORDER_REFUNDED, WebhookEvent.REVIEW_CREATED),
                now, demoDeliveries(now));
        List<CategoryView> categories = catalog.categories();
        List<Placed> placed = new ArrayList<>();
        java.util.Map<UUID, Instant> openedAt = new java.util.HashMap<>();
        for (int s = 0; s < DemoCatalog.STORES.size(); s++) {
            DemoCatalog.DemoStore demo = DemoCatalog.STORES.get(s);
            UUID ownerId = ownerIds.get(s);
            stores.open(AccountId.of(ownerId), new StoreManagement.StoreProfile(demo.name(), demo.slug(), demo.bio(),
                    demo.website(), null, null));
            Actor seller = accounts.person(AccountId.of(ownerId)).orElseThrow().actor();
            // a seller who writes in French, Spanish or German reads the site and their mails in that language
            String language = DemoTexts.of(demo.workflows().get(0).title()).language();
            if (!"en".equals(language)) {
                accounts.changeLocale(ownerId, language);
            }
            // stores opened between about fourteen and eight months ago, each on its own day
            Instant opened = now.minus(Duration.ofDays(240 + 25L * s + random.nextInt(20))).minus(Duration.ofMinutes(random.nextInt(600)));
            stores.importOpening(AccountId.of(ownerId), opened);
            if (s < 3) {
                // the first three stores take part in buyers' own bundles
                app.flowmarket.shared.StoreId taking = app.flowmarket.shared.StoreId.of(stores.findByOwner(AccountId.of(ownerId)).orElseThrow().id());
                demoPricing.takePartInBuyerBundles(seller, taking);
                if (s == 0) {
                    // ... the demo seller with tiers of its own on top of the platform's
                    demoPricing.ownBundleTiers(seller, taking);
                }
            }
            openedAt.put(ownerId, opened);
            long openDays = Duration.between(opened, now).toDays();
            // the store's listings come in together (its store and tags looked up once); who owns them is chosen first
            List<CatalogImport.Imported> imports = new ArrayList<>();
            List<List<UUID>> ownersOf = new ArrayList<>();
            List<Integer> reviewersOf = new ArrayList<>();
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
                if (workflow.title().equals(DemoVersions.SHOWCASE)) {
                    // made after the random choices above, so the rest of the demo data stays as it was
                    revisions = DemoVersions.of(upload.fileName(), new String(file, StandardCharsets.UTF_8), published, now);
                }
                // the demo buyers who own it are the ones who reviewed it (the other sales are the earlier ones above);
                // each currency has its own buyers, so one order each
                int reviewers = workflow.priceCents() == 0 ? 1 + random.nextInt(3) : random.nextInt(3);
                List<UUID> owners = new ArrayList<>(pick(poolOf(demo.currency(), buyerIds), reviewers, random));
                // Bruno, the demo buyer, owns a few: some he reviewed, others he has still to review
                int counted = placed.size() + imports.size();
                if (!"GBP".equals(demo.currency()) && counted % 6 == 0) {
                    owners.add(counted % 12 == 0 ? 0 : owners.size(), buyerIds.get(0));
                }
                // sales made before the demo buyers' own orders, which commerce counts as they are paid
                int earlierSales = workflow.priceCents() == 0 ? 40 + random.nextInt(400) : random.nextInt(150);
                imports.add(new CatalogImport.Imported(listing, upload, revisions,
                        new CatalogImport.History(published, earlierSales, BigDecimal.ZERO, 0, random.nextInt(6) == 0)));
                ownersOf.add(List.copyOf(owners));
                reviewersOf.add(reviewers);
            }
            List<UUID> imported = catalogImport.importPublished(seller, imports);
            for (int w = 0; w < imported.size(); w++) {
                DemoCatalog.DemoWorkflow workflow = demo.workflows().get(w);
                UUID id = imported.get(w);
                if (workflow.title().equals(DemoVersions.SHOWCASE)) {
                    // the free preview the README names: derived from the latest version, credentials removed
                    previews.deriveAutomatically(seller, WorkflowId.of(id));
                }
                placed.add(new Placed(demo, workflow, id, imports.get(w).history().publishedAt(), ownersOf.get(w), reviewersOf.get(w)));
            }
            if (s == 1) {
                // two listings the automatic checks send to the moderation queue: a file that still holds a payment key and
                // a private Slack webhook, and a description selling through a link shortener
                Instant flagged = now.minus(Duration.ofDays(1));
                String leakyTitle = "Failed payment alerts to Slack";
                byte[] leaky = DemoFiles.leakyN8n(leakyTitle).getBytes(StandardCharsets.UTF_8);
                catalogImport.importPublished(seller, new Listing(leakyTitle, "Posts every failed Stripe payment to a Slack channel.",
                        "Posts every failed Stripe payment to a Slack channel, with the customer and the amount.", app.flowmarket.catalog.Platform.N8N,
                        Money.of(900, demo.currency()), null, List.of("stripe", "slack")),
                        new Upload("failed-payment-alerts.json", leaky), List.of(), new CatalogImport.History(flagged, 0, BigDecimal.ZERO, 0, false));
                String spamTitle = "10,000 leads for free";
                catalogImport.importPublished(seller, new Listing(spamTitle, "Make money fast with unlimited leads.",
                        "Make money fast: grab the full lead list at https://bit.ly/free-leads-now and click here now.", app.flowmarket.catalog.Platform.N8N,
                        Money.of(0, demo.currency()), null, List.of("lead-generation")),
                        new Upload("free-leads.json", DemoFiles.export(app.flowmarket.catalog.Platform.N8N, spamTitle, List.of("httpRequest")).getBytes(StandardCharsets.UTF_8)),
                        List.of(), new CatalogImport.History(flagged, 0, BigDecimal.ZERO, 0, false));
            }
            // one transaction for the set, but a small persistence context: each query would re-check every entity
            entityManager.flush();
            entityManager.clear();
        }
        List<UUID> storeIds = ownerIds.stream().map(owner -> stores.findByOwner(AccountId.of(owner)).orElseThrow().id()).toList();
        List<Placed> paid = placed.stream().filter(p -> p.store() == DemoCatalog.STORES.get(0) && p.demo().priceCents() > 0).toList();
        List<Pricing.PromotionTerms> promotions = demoPricing.write(AccountId.of(ownerIds.get(0)), app.flowmarket.shared.StoreId.of(storeIds.get(0)),
                DemoCatalog.STORES.get(0).currency(), paid.stream().map(Placed::id).toList(),
                paid.stream().sorted(java.util.Comparator.comparing(Placed::published)).map(Placed::id).toList(), now);
        // the year's history only adds to analytics tables, which nothing else here writes, so it goes on beside the orders
        java.util.Map<UUID, Instant> storesOpened = new java.util.LinkedHashMap<>();
        for (int s = 0; s < storeIds.size(); s++) {
            storesOpened.put(storeIds.get(s), java.util.Objects.requireNonNull(openedAt.get(ownerIds.get(s))));
        }
        SideTransaction history = SideTransaction.start(tx, "demo-history", () -> history(placed, storeIds, storesOpened, ids, openedAt, promotions));
        long catalogued = System.currentTimeMillis();
        if (!"test".equals(payments.provider())) {
            // the demo buyers pay through the built-in test processor only, never through a real one
            log.info("Demo data: {} workflows, no demo orders or reviews (payments go to {})", placed.size(), payments.provider());
            history.awaitWork();
            return history;
        }
        DemoSales.Result sales = demoSales.buy(placed.stream()
                .map(p -> new DemoSales.Purchase(p.owners(), p.id(), p.store().currency(), p.published(), p.demo().priceCents() == 0)).toList());
        entityManager.flush();
        entityManager.clear();
        long sold = System.currentTimeMillis();
        demoBankDetails(ownerIds, now);
        // before the reviews: a buyer whose dispute was lost owns nothing of that order any more, and reviews nothing
        java.util.Set<String> lostDisputes = demoSales.chargebacks(accounts.person(AccountId.of(ownerIds.get(0))).orElseThrow().actor(), now,
                sales.upgraded());
        java.util.Set<UUID> noReviews = buyerIds.stream()
                .filter(id -> accounts.person(AccountId.of(id)).map(person -> lostDisputes.contains(person.displayName())).orElse(false))
                .collect(java.util.stream.Collectors.toSet());
        var written = DemoReviews.write(placed.stream()
                .map(p -> new DemoReviews.Reviewed(p.id(), p.demo(), p.published(),
                        p.owners().stream().filter(owner -> !noReviews.contains(owner)).toList(), p.reviewers())).toList(), buyerIds, now, random);
        reviews.importReviews(written);
        List<DemoSocial.Listing> listings = new ArrayList<>();
        for (Placed p : placed) {
            listings.add(new DemoSocial.Listing(p.id(), p.demo().title(), p.demo().integrations(),
                    ownerIds.get(DemoCatalog.STORES.indexOf(p.store())), p.published(), p.owners()));
        }
        DemoSocial.replies(reviews, listings, written, now, random);
        int asked = DemoSocial.questions(questions, DemoSocial.ofSeller(listings, ownerIds.get(0)), buyerIds.subList(1, buyerIds.size()),
                buyerIds.get(0), now, random);
        // Bruno, the demo buyer, shows his profile with the purchases he reviewed, and follows two stores
        CurrentUser bruno = accounts.find(buyerIds.get(0)).orElseThrow();
        follows.follow(bruno.account(), stores.findByOwner(AccountId.of(ownerIds.get(0))).orElseThrow().id());
        follows.follow(bruno.account(), stores.findByOwner(AccountId.of(ownerIds.get(1))).orElseThrow().id());
        List<UUID> reviewedByBruno = written.stream().filter(r -> r.authorId().equals(bruno.id())).map(Reviews.ImportedReview::workflowId).toList();
        profiles.publish(bruno.account(), "bruno", "Freelance ops consultant. I automate invoicing and CRM chores for small agencies.", true,
                reviewedByBruno);
        // licence seats (README): Bruno's team licence, one seat given to another demo buyer
        String seated = demoSeats.write(bruno.account(), buyerIds.subList(1, buyerIds.size()), DemoCatalog.BUYER_NAMES.stream()
                .map(name -> name.toLowerCase(Locale.ROOT).replace(' ', '.') + "@demo.flowmarket.app").toList(), now);
        log.info("Demo data: the demo buyer's team licence gives a seat to {}", seated);
        // ---- moderation: a held review, a flagged question and a report wait in the queue
        java.util.Set<String> reviewed = new java.util.HashSet<>();
        written.forEach(r -> reviewed.add(r.workflowId() + "/" + r.authorId()));
        placed.stream().flatMap(p -> p.owners().stream().filter(o -> !reviewed.contains(p.id() + "/" + o))
                        .map(o -> new DemoModeration.Unreviewed(p.id(), o)))
                .findFirst().ifPresent(unreviewed -> demoModeration.write(unreviewed, buyerIds.get(buyerIds.size() - 1),
                        placed.stream().filter(p -> p.store() == DemoCatalog.STORES.get(1)).map(Placed::id).toList(), bruno.id(),
                        written.stream().map(Reviews.ImportedReview::workflowId).collect(java.util.stream.Collectors.toSet())));
        // a workflow Bruno owns gets a new version with a private webhook address left in its file: the listing waits held,
        // his library keeps the version before (README, "Freshdesk to Jira bridge"); one nobody reviewed, not the demo seller's
        java.util.Set<UUID> anyReviewed = written.stream().map(Reviews.ImportedReview::workflowId).collect(java.util.stream.Collectors.toSet());
        placed.stream().filter(p -> p.store() != DemoCatalog.STORES.get(0) && p.demo().platform() == app.flowmarket.catalog.Platform.N8N
                        && p.owners().contains(bruno.id()) && !anyReviewed.contains(p.id()))
                .findFirst().ifPresent(p -> {
                    demoModeration.heldVersion(ownerIds.get(DemoCatalog.STORES.indexOf(p.store())), p.id(), p.demo());
                    log.info("Demo data: a new version of \"{}\", which the demo buyer owns, waits held for a moderator", p.demo().title());
                });
        log.info("Demo data: {} workflows, {} orders paid ({} workflows bought, licence upgrades: {}), {} reviews, {} questions (orders {} ms, reviews {} ms)",
                placed.size(), sales.orders(), sales.lines(), sales.upgrades(), written.size(), asked, sold - catalogued, System.currentTimeMillis() - sold);
        history.awaitWork();
        return history;
    }

    /**
     * A year of the demo seller's traffic and sales for their dashboard, as daily numbers, and the other stores' years,
     * quieter, so the admins' platform analytics show a marketplace; the people's days on the site.
     */
    private void history(List<Placed> placed, List<UUID> storeIds, java.util.Map<UUID, Instant> storesOpened, List<UUID> people,
                         java.util.Map<UUID, Instant> openedAt, List<Pricing.PromotionTerms> promotions) {
        long started = System.currentTimeMillis();
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        // the days the stores really opened, for the platform's new sellers (written here: the platform's rows are the history's)
        storesOpened.forEach(demoTraffic::opened);
        int madeUp = demoTraffic.write(storeIds.get(0), listed(placed, DemoCatalog.STORES.get(0)), today, new Random(7), promotions);
        Random others = new Random(11);
        for (int s = 1; s < DemoCatalog.STORES.size(); s++) {
            madeUp += demoTraffic.write(storeIds.get(s), listed(placed, DemoCatalog.STORES.get(s)), today, others, .25 + others.nextDouble() * .4);
        }
        demoTraffic.activity(people, openedAt, today, others);
        log.info("Demo data: a year of dashboard history for {} and the other stores ({} sales) in {} ms", DemoCatalog.STORES.get(0).name(), madeUp,
                System.currentTimeMillis() - started);
    }

    private static List<DemoTraffic.Listed> listed(List<Placed> placed, DemoCatalog.DemoStore store) {
        return placed.stream().filter(p -> p.store() == store)
                .map(p -> new DemoTraffic.Listed(p.id(), p.demo().title(), Money.of(p.demo().priceCents(), p.store().currency()), p.published()))
                .toList();
    }

    /**
     * Bank details for the first three stores (the demo seller's among them), so a payout batch pays them once their
     * sales are past the refund window; the other stores show an admin what a seller without bank details looks like.
     * The IBANs are the standard's own examples, valid but nobody's account.
     */
    private void demoBankDetails(List<UUID> ownerIds, Instant now) {
        List<String> ibans = List.of("DE89 3704 0044 0532 0130 00", "GB82 WEST 1234 5698 7654 32", "FR14 2004 1010 0505 0001 3M02 606");
        for (int i = 0; i < ibans.size(); i++) {
            var store = stores.findByOwner(AccountId.of(ownerIds.get(i))).orElseThrow();
            payouts.importMethod(app.flowmarket.shared.StoreId.of(store.id()), new BankAccount(DemoCatalog.STORES.get(i).owner(), ibans.get(i)),
                    now.minus(Duration.ofDays(60)));
        }
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
