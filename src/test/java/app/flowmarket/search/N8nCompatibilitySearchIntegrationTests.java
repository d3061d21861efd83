package app.flowmarket.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import app.flowmarket.IntegrationTest;
import app.flowmarket.catalog.Platform;
import app.flowmarket.catalog.SellerFixture;
import app.flowmarket.support.Fixtures;
import app.flowmarket.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * "Works with n8n 1.x": the catalogue filters n8n listings on the minimum release their file needs (from the release
 * table), counts them per release line, and saved searches with the filter match the same listings.
 */
@IntegrationTest
class N8nCompatibilitySearchIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    CatalogSearch catalogSearch;

    @Autowired
    JdbcClient jdbc;

    /** An n8n export of the given nodes, as {type, typeVersion} pairs. */
    static byte[] n8nFile(String name, String... typesAndVersions) {
        StringBuilder nodes = new StringBuilder();
        for (int i = 0; i < typesAndVersions.length; i += 2) {
            nodes.append(i == 0 ? "" : ",").append("""
                    {"id": "%d", "name": "Step %d", "type": "%s", "typeVersion": %s, "position": [%d, 0], "parameters": {}}"""
                    .formatted(i, i, typesAndVersions[i], typesAndVersions[i + 1], i * 100));
        }
        return ("{\"name\": \"" + name + "\", \"nodes\": [" + nodes + "], \"connections\": {}}").getBytes(StandardCharsets.UTF_8);
    }

    private List<String> titles(SearchQuery search) {
        return catalogSearch.search(search).page().items().stream().map(hit -> hit.card().title()).toList();
    }

    @Test
    void filtersAndCountsListingsByTheN8nReleaseTheyRunOn() {
        WebSession seller = SellerFixture.newSeller(port);
        String m = Fixtures.uniqueWord();
        String onOne = "Slack digest " + m;
        String needsTwo = "Slack threads " + m;
        String communityOnly = "Community node " + m;
        SellerFixture.publishedWorkflow(seller, Map.of("title", onOne),
                n8nFile(onOne, "n8n-nodes-base.manualTrigger", "1", "n8n-nodes-base.slack", "2"));
        SellerFixture.publishedWorkflow(seller, Map.of("title", needsTwo),
                n8nFile(needsTwo, "n8n-nodes-base.manualTrigger", "1", "n8n-nodes-base.slack", "2.4"));
        SellerFixture.publishedWorkflow(seller, Map.of("title", communityOnly), n8nFile(communityOnly, "n8n-nodes-acme.widget", "1"));

        assertThat(titles(SearchQuery.of(m, null, null, null, null, null, null, "1", null, 1))).containsExactly(onOne);
        assertThat(titles(SearchQuery.of(m, null, null, null, null, null, null, "1.x", null, 1))).containsExactly(onOne);
        assertThat(titles(SearchQuery.of(m, null, null, null, null, null, null, "2", null, 1))).containsExactlyInAnyOrder(onOne, needsTwo);
        // a release: what runs on n8n 1.85 is what needs 1.85 or older
        assertThat(titles(SearchQuery.of(m, null, null, null, null, null, null, "1.85", null, 1))).containsExactly(onOne);
        assertThat(titles(SearchQuery.of(m, null, null, null, null, null, null, "2.3", null, 1))).containsExactlyInAnyOrder(onOne, needsTwo);
        // not a release: no filter, rather than an error
        assertThat(titles(SearchQuery.of(m, null, null, null, null, null, null, "latest", null, 1))).hasSize(3);

        assertThat(catalogSearch.search(SearchQuery.of(m, null, null, null, null, null, null, null, null, 1)).facets().n8n())
                .extracting(FacetValue::value, FacetValue::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2", 2L), org.assertj.core.groups.Tuple.tuple("1", 1L));
    }

    @Test
    void theCataloguePageAndTheApiOfferTheFilter() {
        WebSession seller = SellerFixture.newSeller(port);
        String m = Fixtures.uniqueWord();
        String onOne = "Sheet rows " + m;
        String needsTwo = "Filtered rows " + m;
        SellerFixture.publishedWorkflow(seller, Map.of("title", onOne), n8nFile(onOne, "n8n-nodes-base.googleSheets", "4"));
        SellerFixture.publishedWorkflow(seller, Map.of("title", needsTwo), n8nFile(needsTwo, "n8n-nodes-base.filter", "2.3"));
        WebSession visitor = new WebSession(port);

        String all = visitor.get("/workflows?q=" + m).assertStatus(200).body();
        String filtered = visitor.get("/workflows?q=" + m + "&n8n=1").assertStatus(200).body();

        assertThat(all).contains("data-facet=\"n8n\" data-value=\"1\"").contains("n8n 1.x").contains(onOne).contains(needsTwo);
        assertThat(filtered).contains(onOne).doesNotContain(needsTwo).contains("aria-current=\"true\" data-facet=\"n8n\"");
        assertThat(visitor.get("/api/v1/workflows?q=" + m + "&n8n=1.x").assertStatus(200).body()).contains(onOne).doesNotContain(needsTwo);
        assertThat(visitor.get("/workflows?q=" + m + "&n8n=1&lang=fr").assertStatus(200).body()).contains("Compatible avec votre n8n");
    }

    @Test
    void aSavedSearchWithTheFilterKeepsItAndMatchesOnlyWhatRunsOnThatRelease() {
        SearchQuery saved = SearchQuery.parse("slack", SearchQuery.of("slack", null, null, null, null, null, null, "1.x", null, 1).filterQuery());
        assertThat(saved.n8n()).isEqualTo("1");
        assertThat(saved.activeFilters()).isEqualTo(1);

        assertThat(document(1080).matches(saved)).isTrue();
        assertThat(document(2000).matches(saved)).isFalse();
        assertThat(document(0).matches(saved)).as("no node the release table knows").isFalse();
        assertThat(document(null).matches(saved)).as("not an n8n file").isFalse();
        assertThat(document(null).matches(SearchQuery.parse("slack", null))).isTrue();
    }

    private static SearchMatcher.Document document(Integer n8nMinimum) {
        return SearchMatcher.document(new SearchMatcher.Listing("Slack alerts", "", "", List.of(), List.of(), List.of("Slack"), "Store",
                Platform.N8N, null, Set.of(), BigDecimal.ZERO, n8nMinimum));
    }

}
