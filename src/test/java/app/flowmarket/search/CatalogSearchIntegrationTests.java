package app.flowmarket.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import app.flowmarket.IntegrationTest;
import app.flowmarket.account.AccountManagement;
import app.flowmarket.catalog.SellerFixture;
import app.flowmarket.shared.CurrencyConverter;
import app.flowmarket.shared.Money;
import app.flowmarket.support.Fixtures;
import app.flowmarket.support.WebSession;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.search.mapper.orm.Search;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class CatalogSearchIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CatalogSearch catalogSearch;

    @Autowired
    AccountManagement accounts;

    @Autowired
    CurrencyConverter converter;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    static String marker() {
        return Fixtures.uniqueWord();
    }

    private List<String> titles(String query) {
        return titles(SearchQuery.of(query, null, null, null, null, null, null));
    }

    private List<String> titles(SearchQuery search) {
        return catalogSearch.search(search).page().items().stream().map(hit -> hit.card().title()).toList();
    }

    @Test
    void ranksATitleMatchAboveADescriptionMatch() {
        WebSession seller = SellerFixture.newSeller(port);
        String m = marker();
        SellerFixture.publishedWorkflow(seller, Map.of("title", "Weekly report " + m, "summary", "Sends the numbers every Monday.",
                "description", "Works well with any invoice tool."));
        SellerFixture.publishedWorkflow(seller, Map.of("title", "Invoice reminders " + m, "summary", "Chases unpaid bills politely."));

        assertThat(titles("invoice " + m)).containsExactly("Invoice reminders " + m, "Weekly report " + m);
    }

    @Test
    void forgivesTyposInLongWordsButNotInShortOnes() {
        WebSession seller = SellerFixture.newSeller(port);
        String m = marker();
        SellerFixture.publishedWorkflow(seller, Map.of("title", "Post new leads to Slack " + m));

        assertThat(titles("slak " + m)).containsExactly("Post new leads to Slack " + m);
        // two letters off in a ten-letter word
        String typo = m.substring(0, 4) + m.substring(5, 9);
        assertThat(titles(typo + m.charAt(9) + " leads")).contains("Post new leads to Slack " + m);
        assertThat(titles("zzzzzz " + m)).isEmpty();
        assertThat(new WebSession(port).get("/workflows?q=slak+" + m).body()).as("the word found despite the typo is marked")
                .contains("Post new leads to <mark>Slack</mark>");
    }

    @Test
    void stemsInEnglishFrenchSpanishAndGerman() {
        WebSession seller = SellerFixture.newSeller(port);
        String m = marker();
        SellerFixture.publishedWorkflow(seller, Map.of("title", "Syncing invoices " + m));
        SellerFixture.publishedWorkflow(seller, Map.of("title", "Relances des factures impayées " + m));
        SellerFixture.publishedWorkflow(seller, Map.of("title", "Recordatorios de facturas pendientes " + m));
        SellerFixture.publishedWorkflow(seller, Map.of("title", "Offene Rechnungen mahnen " + m));

        assertThat(titles("synced invoice " + m)).containsExactly("Syncing invoices " + m);
        assertThat(titles("relance facture " + m)).containsExactly("Relances des factures impayées " + m);
        assertThat(titles("recordatorio " + m)).containsExactly("Recordatorios de facturas pendientes " + m);
        assertThat(titles("rechnung " + m)).containsExactly("Offene Rechnungen mahnen " + m);
    }

    @Test
    void sortsAndFiltersPricesOfEveryCurrencyOnWhatTheyAreWorthInTheVisitorsCurrency() {
        WebSession seller = SellerFixture.newSeller(port);
        String m = marker();
        Map<String, Money> prices = new java.util.LinkedHashMap<>();
        prices.put("Euros " + m, Money.of(2400, "EUR"));
        prices.put("Dollars " + m, Money.of(2700, "USD"));
        prices.put("Pounds " + m, Money.of(2200, "GBP"));
        prices.put("More dollars " + m, Money.of(3000, "USD"));
        prices.forEach((title, price) -> SellerFixture.publishedWorkflow(seller, Map.of("title", title,
                "price", price.toDecimal().toPlainString(), "currency", price.currency().getCurrencyCode())));
        Currency euro = Currency.getInstance("EUR");
        Map<String, Long> inEuros = new HashMap<>();
        prices.forEach((title, price) -> inEuros.put(title, converter.convert(price, euro).orElseThrow().minor()));
        List<String> byWorth = prices.keySet().stream().sorted(java.util.Comparator.comparing(inEuros::get)).toList();
        List<String> byBareNumber = prices.keySet().stream().sorted(java.util.Comparator.comparing(t -> prices.get(t).minor())).toList();
        // with the day's rates, the order by worth is not the order of the bare numbers (the bug this replaces)
        assertThat(byWorth).isNotEqualTo(byBareNumber);

        SearchQuery cheapestFirst = SearchQuery.of(m, null, null, null, null, "price-asc", 1).withCurrency(euro);
        assertThat(titles(cheapestFirst)).containsExactlyElementsOf(byWorth);
        assertThat(titles(SearchQuery.of(m, null, null, null, null, "price-desc", 1).withCurrency(euro)))
                .containsExactlyElementsOf(byWorth.reversed());

        // "Under €25": what the cards show as under 25.00 euros, whatever the seller's currency
        List<String> under25 = byWorth.stream().filter(t -> inEuros.get(t) < 2500).toList();
        List<String> from25 = byWorth.stream().filter(t -> inEuros.get(t) >= 2500).toList();
        assertThat(under25).isNotEmpty();
        assertThat(from25).isNotEmpty();
        assertThat(titles(SearchQuery.of(m, null, null, null, "under-25", "price-asc", 1).withCurrency(euro)))
                .containsExactlyElementsOf(under25);
        assertThat(titles(SearchQuery.of(m, null, null, null, "from-25-to-50", "price-asc", 1).withCurrency(euro)))
                .containsExactlyElementsOf(from25);

        // a visitor who chose euros sees the bands and the prices in euros, with the seller's price beside them
        WebSession visitor = new WebSession(port).withCookie("flowmarket-currency", "EUR", "/");
        String page = visitor.get("/workflows?q=" + m + "&sort=price-asc").assertStatus(200).body();
        assertThat(page).contains("Under €25").contains("$27").contains("£22").contains("≈");
        List<Integer> positions = byWorth.stream().map(title -> page.indexOf("href=\"/workflows/" + jdbc.sql("select slug from workflow where title = ?")
                .param(title).query(String.class).single() + "\"")).toList();
        assertThat(positions).doesNotContain(-1).isSorted();
    }

    @Test
    void facetCountsEqualWhatTheDatabaseCounts() {
        WebSession seller = SellerFixture.newSeller(port);
        String m = marker();
        SellerFixture.publishedWorkflow(seller, Map.of("title", "Facet one " + m, "price", "0"));
        SellerFixture.publishedWorkflow(seller, Map.of("title", "Facet two " + m, "price", "30"));
        SellerFixture.publishedWorkflow(seller, Map.of("title", "Facet three " + m, "price", "75"));
        SellerFixture.publishedWorkflow(seller, Map.of("title", "Facet four " + m, "price", "0"));

        // the database is shared with other test contexts (with their own indexes): count this test's listings
        String mine = " from workflow where status = 'PUBLISHED' and title like '%" + m + "'";
        Facets facets = catalogSearch.search(SearchQuery.of(m, null, null, null, null, null, null)).facets();
        Map<String, Long> byPlatform = jdbc.sql("select platform, count(*) as n" + mine + " group by platform")
                .query((rs, i) -> Map.entry(rs.getString(1).toLowerCase(), rs.getLong(2))).list().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        Map<String, Long> facetPlatforms = new HashMap<>();
        facets.platforms().forEach(v -> facetPlatforms.put(v.value(), v.count()));
        assertThat(facetPlatforms).isEqualTo(byPlatform);

        Map<String, Long> facetPrices = new HashMap<>();
        facets.prices().forEach(v -> facetPrices.put(v.value(), v.count()));
        Map<String, Long> sqlPrices = new HashMap<>();
        // the listings are priced in dollars and the search's bands are in dollars: "under 25" is up to 24.99
        Map<String, long[]> bands = Map.of("free", new long[] {0, 0}, "paid", new long[] {1, Long.MAX_VALUE},
                "under-25", new long[] {1, 2499}, "from-25-to-50", new long[] {2500, 5000}, "over-50", new long[] {5001, Long.MAX_VALUE});
        bands.forEach((slug, band) -> {
            long count = jdbc.sql("select count(*)" + mine + " and price_minor >= ? and price_minor <= ?")
                    .params(band[0], band[1]).query(Long.class).single();
            if (count > 0) {
                sqlPrices.put(slug, count);
            }
        });
        assertThat(facetPrices).isEqualTo(sqlPrices).containsEntry("free", 2L).containsEntry("paid", 2L);
        long slack = jdbc.sql("select count(*)" + mine + " and 'Slack' = any(string_to_array(integrations, E'\\n'))")
                .query(Long.class).single();
        assertThat(facets.integrations()).contains(new FacetValue("Slack", "Slack", slack));
        assertThat(slack).isEqualTo(4);

        // the page shows the counts of the current search, and a facet link narrows it
        String page = new WebSession(port).get("/workflows?q=" + m).body();
        assertThat(page).contains("data-facet=\"price\" data-value=\"free\"").contains("data-facet=\"integration\" data-value=\"Slack\"");
        assertThat(new WebSession(port).get("/workflows?q=" + m + "&price=from-25-to-50").body())
                .contains("/workflows/facet-two-" + m).doesNotContain("/workflows/facet-one-" + m);
        assertThat(new WebSession(port).get("/workflows?q=" + m + "&integration=Slack").body()).contains("4 workflows");
        assertThat(new WebSession(port).get("/workflows?q=" + m + "&integration=Trello").body()).contains("No workflows");
    }

    @Test
    void highlightsMatchesAndStillEscapesWhatSellersTyped() {
        WebSession seller = SellerFixture.newSeller(port);
        String m = marker();
        SellerFixture.publishedWorkflow(seller, Map.of("title", "<i>Shiny</i> " + m + " sync", "summary", "Keeps " + m + " in step. Second sentence here."));

        String body = new WebSession(port).get("/workflows?q=" + m).body();
        assertThat(body).contains("&lt;i&gt;Shiny&lt;").contains("i&gt; <mark>" + m + "</mark> sync</a>");
        assertThat(body).contains("Keeps <mark>" + m + "</mark> in step.");
        assertThat(body).doesNotContain("<i>Shiny</i>");
    }

    @Test
    void suggestsTitlesAsYouType() {
        WebSession seller = SellerFixture.newSeller(port);
        String m = marker();
        SellerFixture.publishedWorkflow(seller, Map.of("title", "Onboard " + m + " customers"));

        String options = new WebSession(port).get("/search/suggest?q=" + m.substring(0, 6)).assertStatus(200).body();
        assertThat(options).contains("<option value=\"Onboard " + m + " customers\">");
        assertThat(new WebSession(port).get("/search/suggest?q=" + "onboard%20" + m.substring(0, 5)).body()).contains("Onboard " + m);
        assertThat(new WebSession(port).get("/search/suggest?q=x").body()).doesNotContain("<option");
    }

    @Test
    void theIndexFollowsEditsUnpublishingAndStoreRenames() {
        WebSession seller = SellerFixture.newSeller(port);
        String m = marker();
        String id = SellerFixture.publishedWorkflow(seller, Map.of("title", "Before " + m));
        assertThat(titles(m)).containsExactly("Before " + m);

        seller.post("/seller/workflows/" + id + "/edit", Map.of("title", "After " + m, "summary", "A workflow made by a test.",
                "description", "", "platform", "n8n", "price", "0", "currency", "USD", "category", "", "tags", "")).assertStatus(302);
        assertThat(titles(m)).containsExactly("After " + m);
        assertThat(titles("before " + m)).isEmpty();

        String storeWord = marker();
        String storeSlug = jdbc.sql("select s.slug from store s join workflow w on w.store_id = s.id where w.id = ?::uuid").param(id).query(String.class).single();
        seller.post("/seller/store", Map.of("name", "Store " + storeWord, "slug", storeSlug, "bio", "")).assertStatus(302);
        assertThat(titles(storeWord)).containsExactly("After " + m);

        seller.post("/seller/workflows/" + id + "/archive", Map.of()).assertStatus(302);
        assertThat(titles(m)).isEmpty();
    }

    @Test
    void operatorsRebuildALostIndex() {
        WebSession seller = SellerFixture.newSeller(port);
        String m = marker();
        SellerFixture.publishedWorkflow(seller, Map.of("title", "Rebuilt " + m));
        Search.mapping(entityManagerFactory).scope(Object.class, WorkflowIndexMapping.ENTITY).workspace().purge();
        assertThat(titles(m)).isEmpty();

        String adminEmail = Fixtures.uniqueEmail("admin");
        accounts.createVerified(adminEmail, Fixtures.PASSWORD, "Admin", "ADMIN");
        WebSession admin = new WebSession(port).signIn(adminEmail, Fixtures.PASSWORD);
        assertThat(seller.get("/admin/search").status()).isEqualTo(403);
        admin.post("/admin/search/reindex", Map.of()).assertStatus(302);

        assertThat(titles(m)).containsExactly("Rebuilt " + m);
        long stored = jdbc.sql("select count(*) from workflow").query(Long.class).single();
        assertThat(admin.get("/admin/search").body()).contains("The index holds " + stored + " of the " + stored + " listings");
    }

    @Test
    void alertMatchingAgreesWithTheSearchPageOnEveryQueryAndFilter() {
        WebSession seller = SellerFixture.newSeller(port);
        String m = marker();
        List<String> ids = List.of(
                SellerFixture.publishedWorkflow(seller, Map.of("title", "Sync invoices to Slack " + m, "price", "0", "tags", "Finance, Billing")),
                SellerFixture.publishedWorkflow(seller, Map.of("title", "Relances des factures " + m, "price", "30",
                        "description", "Envoie des rappels automatiques aux clients.")),
                SellerFixture.publishedWorkflow(seller, Map.of("title", "Offene Rechnungen " + m, "price", "60")),
                SellerFixture.publishedWorkflow(seller, Map.of("title", "Lead scoring with OpenAI " + m, "price", "10",
                        "summary", "Scores new leads in HubSpot every hour.")),
                SellerFixture.publishedWorkflow(seller, Map.of("title", "Weekly report " + m, "description", "Mentions an invoice once.")));
        List<String> queries = List.of("", "invoice", "invoices slack", "slak", "facture", "rappel", "rechnung", "lead", "leads hubspot",
                "openai", "repport", "billing", "finance", "the", "report weekly", "zzzz", "sheets", "google sheets", "scoring openai hour");
        List<String> filters = List.of("", "price=free", "price=over-50", "price=paid", "platform=make", "platform=n8n",
                "integration=Slack", "integration=Trello", "tag=finance", "rating=4");
        int agreed = 0;
        for (String query : queries) {
            for (String filter : filters) {
                SearchQuery search = SearchQuery.parse((query + " " + m).strip(), filter);
                java.util.Set<java.util.UUID> found = new java.util.HashSet<>();
                catalogSearch.search(search).page().items().forEach(hit -> found.add(hit.card().id()));
                for (String id : ids) {
                    java.util.UUID uuid = java.util.UUID.fromString(id);
                    boolean matches = catalogSearch.matchDocument(uuid).orElseThrow().matches(search);
                    assertThat(matches).as("%s [%s] on %s", query, filter, id).isEqualTo(found.contains(uuid));
                    agreed += matches ? 1 : 0;
                }
            }
        }
        assertThat(agreed).as("the cases are not all misses").isGreaterThan(40);
    }
}
