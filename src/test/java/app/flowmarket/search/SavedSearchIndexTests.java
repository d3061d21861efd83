package app.flowmarket.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import app.flowmarket.catalog.Platform;
import org.junit.jupiter.api.Test;

class SavedSearchIndexTests {

    private static final String[] WORDS = {"invoice", "invoices", "slack", "slak", "gmail", "sheet", "sheets", "google", "lead",
            "leads", "hubspot", "hubspto", "report", "weekly", "sync", "syncing", "factures", "rechnungen", "openai", "ai",
            "crm", "notion", "airtable", "airtabel", "digest", "the", "to", "telegram", "stripe", "billing"};
    private static final String[] INTEGRATIONS = {"Slack", "Gmail", "Google Sheets", "HubSpot", "OpenAI", "Notion", "Airtable", "Stripe"};

    /** The price bands of a price in dollars, as the search filters them (the saved searches' bands are in dollars). */
    static Set<String> bands(long cents) {
        return PriceBands.bandsOf(app.flowmarket.shared.Money.of(cents, "USD"), List.of(SearchQuery.DEFAULT_CURRENCY),
                app.flowmarket.commerce.TestPricing.converter());
    }

    @Test
    void everySavedSearchThatMatchesIsACandidateAndMostOthersAreNot() {
        Random random = new Random(42);
        Map<UUID, SearchQuery> saved = new HashMap<>();
        try (SavedSearchIndex index = new SavedSearchIndex()) {
            for (int i = 0; i < 3000; i++) {
                StringBuilder query = new StringBuilder();
                for (int w = random.nextInt(4); w > 0; w--) {
                    query.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
                }
                String filters = switch (random.nextInt(6)) {
                    case 0 -> "platform=" + Platform.values()[random.nextInt(3)].slug();
                    case 1 -> "price=" + SearchQuery.PriceRange.values()[random.nextInt(5)].slug();
                    case 2 -> "integration=" + INTEGRATIONS[random.nextInt(INTEGRATIONS.length)].replace(" ", "+");
                    case 3 -> "rating=" + (3 + random.nextInt(2));
                    default -> "";
                };
                UUID id = UUID.randomUUID();
                SearchQuery search = SearchQuery.parse(query.toString(), filters);
                saved.put(id, search);
                // as the alerts read them (text and filters as stored), or parsed: the same search either way
                if (i % 2 == 0) {
                    index.put(id, query.toString(), filters);
                } else {
                    index.put(id, search);
                }
            }
            index.refresh();

            int matched = 0;
            int candidates = 0;
            for (int l = 0; l < 40; l++) {
                List<String> integrations = new ArrayList<>();
                for (int k = random.nextInt(3); k >= 0; k--) {
                    integrations.add(INTEGRATIONS[random.nextInt(INTEGRATIONS.length)]);
                }
                String title = WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)] + " automation";
                SearchMatcher.Document listing = SearchMatcher.document(new SearchMatcher.Listing(title,
                        "Keeps your " + WORDS[random.nextInt(WORDS.length)] + " tidy.", "Works with " + String.join(", ", integrations),
                        List.of("Finance"), List.of("finance"), integrations.stream().distinct().toList(), "Store " + l,
                        Platform.values()[random.nextInt(3)], null, bands(random.nextInt(8000)),
                        BigDecimal.valueOf(random.nextInt(500), 2), null));
                Set<UUID> found = new HashSet<>(index.candidates(listing));
                candidates += found.size();
                Set<UUID> expected = new HashSet<>();
                for (Map.Entry<UUID, SearchQuery> entry : saved.entrySet()) {
                    if (listing.matches(entry.getValue())) {
                        matched++;
                        expected.add(entry.getKey());
                        assertThat(found).as("%s should be a candidate for %s", entry.getValue(), title).contains(entry.getKey());
                    }
                }
                // confirmed with the words split when indexed and filters compared apart: the same as one search at a time
                assertThat(new HashSet<>(index.matches(SearchMatcher.document(listing.listing())))).as("matches for %s", title)
                        .isEqualTo(expected);
            }
            assertThat(matched).as("the data makes matches").isGreaterThan(100);
            assertThat(candidates).as("the presearch leaves most searches out").isLessThan(40 * saved.size() / 2);
        }
    }

    @Test
    void aRemovedSearchIsNoLongerACandidate() {
        try (SavedSearchIndex index = new SavedSearchIndex()) {
            UUID id = UUID.randomUUID();
            index.put(id, SearchQuery.parse("slack", ""));
            index.refresh();
            SearchMatcher.Document listing = SearchMatcher.document(new SearchMatcher.Listing("Slack alerts", "", "", List.of(), List.of(),
                    List.of("Slack"), "Store", Platform.N8N, null, bands(0), BigDecimal.ZERO, null));
            assertThat(index.candidates(listing)).containsExactly(id);
            index.remove(id);
            index.refresh();
            assertThat(index.candidates(listing)).isEmpty();
        }
    }

    private static SearchMatcher.Document listing(String title, List<String> integrations, Platform platform) {
        return SearchMatcher.document(new SearchMatcher.Listing(title, "", "", List.of(), List.of(), integrations, "Store", platform, null,
                bands(0), BigDecimal.ZERO, null));
    }

    @Test
    void aSearchMatchesOnlyWhenTheListingHasEveryOneOfItsWords() {
        try (SavedSearchIndex index = new SavedSearchIndex()) {
            UUID two = UUID.randomUUID();
            UUID three = UUID.randomUUID();
            UUID rare = UUID.randomUUID();
            index.put(two, SearchQuery.parse("slack invoice", ""));
            index.put(three, SearchQuery.parse("slack invoice weekly", ""));
            // "weekly" is the rarest word of the three-word search whatever the order, so it is listed under it
            index.put(rare, SearchQuery.parse("weekly", ""));
            for (int i = 0; i < 20; i++) {
                index.put(UUID.randomUUID(), SearchQuery.parse("slack", ""));
                index.put(UUID.randomUUID(), SearchQuery.parse("invoice report", ""));
            }
            index.refresh();
            SearchMatcher.Document invoices = listing("Invoice alerts", List.of("Slack"), Platform.N8N);
            assertThat(index.matches(invoices)).contains(two).doesNotContain(three, rare);
            assertThat(index.candidates(invoices)).doesNotContain(three);
            SearchMatcher.Document weekly = listing("Weekly report", List.of("Gmail"), Platform.N8N);
            assertThat(index.matches(weekly)).contains(rare).doesNotContain(two, three);
            assertThat(index.matches(listing("Weekly invoices", List.of("Slack"), Platform.N8N))).contains(two, three, rare);
        }
    }

    @Test
    void typosAndStemsFindTheSameSearchesAsTheSearchPage() {
        try (SavedSearchIndex index = new SavedSearchIndex()) {
            UUID typo = UUID.randomUUID();
            UUID stem = UUID.randomUUID();
            UUID shortTypo = UUID.randomUUID();
            UUID tooFar = UUID.randomUUID();
            index.put(typo, SearchQuery.parse("hubspto slak", ""));
            index.put(stem, SearchQuery.parse("invoices", ""));
            // one typo in a word of three letters is another word
            index.put(shortTypo, SearchQuery.parse("crn", ""));
            index.put(tooFar, SearchQuery.parse("hbxpto", ""));
            index.refresh();
            SearchMatcher.Document listing = listing("Invoice sync for CRM", List.of("HubSpot", "Slack"), Platform.N8N);
            assertThat(index.matches(listing)).containsExactlyInAnyOrder(typo, stem);
            assertThat(listing.matches(SearchQuery.parse("hbxpto", ""))).isFalse();
        }
    }

    @Test
    void filtersAreComparedAndASearchWithoutWordsMatchesOnThemAlone() {
        try (SavedSearchIndex index = new SavedSearchIndex()) {
            UUID make = UUID.randomUUID();
            UUID n8n = UUID.randomUUID();
            UUID slackOnMake = UUID.randomUUID();
            index.put(make, SearchQuery.parse("", "platform=make"));
            index.put(n8n, SearchQuery.parse("", "platform=n8n"));
            index.put(slackOnMake, SearchQuery.parse("slack", "platform=make"));
            index.refresh();
            SearchMatcher.Document listing = listing("Slack digest", List.of("Slack"), Platform.MAKE);
            assertThat(index.matches(listing)).containsExactlyInAnyOrder(make, slackOnMake);
            assertThat(index.candidates(listing)).containsExactlyInAnyOrder(make, n8n, slackOnMake);
        }
    }

    @Test
    void replacedAndRemovedSearchesMatchAsTheyAreNowBeforeAndAfterTheIndexIsRenumbered() {
        Random random = new Random(11);
        Map<UUID, SearchQuery> saved = new HashMap<>();
        List<UUID> ids = new ArrayList<>();
        try (SavedSearchIndex index = new SavedSearchIndex()) {
            for (int round = 0; round < 4; round++) {
                for (int i = 0; i < 500; i++) {
                    UUID id = round > 0 && random.nextBoolean() ? ids.get(random.nextInt(ids.size())) : UUID.randomUUID();
                    if (round > 0 && random.nextInt(4) == 0) {
                        index.remove(id);
                        saved.remove(id);
                        continue;
                    }
                    StringBuilder query = new StringBuilder();
                    for (int w = random.nextInt(4); w > 0; w--) {
                        query.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
                    }
                    SearchQuery search = SearchQuery.parse(query.toString(), random.nextInt(3) == 0 ? "platform=zapier" : "");
                    index.put(id, search);
                    if (saved.put(id, search) == null) {
                        ids.add(id);
                    }
                }
                // checked once with the changes listed as they came, once after they are renumbered
                for (boolean refreshed : new boolean[] {false, true}) {
                    if (refreshed) {
                        index.refresh();
                    }
                    for (int l = 0; l < 10; l++) {
                        String title = WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)];
                        SearchMatcher.Document listing = listing(title, List.of(INTEGRATIONS[random.nextInt(INTEGRATIONS.length)]),
                                Platform.values()[random.nextInt(3)]);
                        Set<UUID> expected = new HashSet<>();
                        saved.forEach((id, search) -> {
                            if (listing.matches(search)) {
                                expected.add(id);
                            }
                        });
                        assertThat(new HashSet<>(index.matches(SearchMatcher.document(listing.listing())))).as("matches for %s", title)
                                .isEqualTo(expected);
                    }
                }
            }
            assertThat(index.size()).isEqualTo(saved.size());
        }
    }

    @Test
    void searchesAddedAfterTheBuildMatchBeforeAndAfterTheyAreListedUnderTheirAnchors() {
        Random random = new Random(5);
        Map<UUID, SearchQuery> saved = new HashMap<>();
        List<UUID> ids = new ArrayList<>();
        try (SavedSearchIndex index = new SavedSearchIndex()) {
            for (int i = 0; i < 2000; i++) {
                UUID id = UUID.randomUUID();
                String[] search = randomSearch(random);
                index.put(id, search[0], search[1]);
                saved.put(id, SearchQuery.parse(search[0], search[1]));
                ids.add(id);
            }
            index.refresh();
            for (int batch = 0; batch < 3; batch++) {
                // a few changes at a time, as revisions arrive: too few to choose the anchors again
                for (int i = 0; i < 40; i++) {
                    UUID id = random.nextBoolean() ? ids.get(random.nextInt(ids.size())) : UUID.randomUUID();
                    if (random.nextInt(5) == 0) {
                        index.remove(id);
                        saved.remove(id);
                        continue;
                    }
                    String[] search = randomSearch(random);
                    index.put(id, search[0], search[1]);
                    saved.put(id, SearchQuery.parse(search[0], search[1]));
                    ids.add(id);
                }
                for (boolean refreshed : new boolean[] {false, true}) {
                    if (refreshed) {
                        index.refresh();
                    }
                    for (int l = 0; l < 10; l++) {
                        String title = WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)];
                        SearchMatcher.Document listing = listing(title, List.of(INTEGRATIONS[random.nextInt(INTEGRATIONS.length)]),
                                Platform.values()[random.nextInt(3)]);
                        Set<UUID> expected = new HashSet<>();
                        saved.forEach((id, search) -> {
                            if (listing.matches(search)) {
                                expected.add(id);
                            }
                        });
                        List<UUID> found = index.matches(SearchMatcher.document(listing.listing()));
                        assertThat(found).as("each match once, for %s", title).doesNotHaveDuplicates();
                        assertThat(new HashSet<>(found)).as("matches for %s", title).isEqualTo(expected);
                    }
                }
            }
            assertThat(index.size()).isEqualTo(saved.size());
        }
    }

    private static String[] randomSearch(Random random) {
        StringBuilder query = new StringBuilder();
        for (int w = random.nextInt(4); w > 0; w--) {
            query.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
        }
        String filters = switch (random.nextInt(5)) {
            case 0 -> "platform=" + Platform.values()[random.nextInt(3)].slug();
            case 1 -> "integration=" + INTEGRATIONS[random.nextInt(INTEGRATIONS.length)].replace(" ", "+");
            case 2 -> "sort=newest";
            default -> "";
        };
        return new String[] {query.toString(), filters};
    }
}
