package app.flowmarket.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import app.flowmarket.IntegrationTest;
import app.flowmarket.catalog.SellerFixture;
import app.flowmarket.support.Fixtures;
import app.flowmarket.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The multi-node setting: changes go through Hibernate Search's database outbox (our migration's
 * tables, validated by Hibernate at start) and are indexed by a background agent. Here with the
 * Lucene backend on one node; with several nodes the same outbox feeds an Elasticsearch/OpenSearch index.
 */
@IntegrationTest
// closed right after: its outbox agents would otherwise poll until the end of the build and slow the shutdown
@org.springframework.test.annotation.DirtiesContext
@TestPropertySource(properties = {
        "spring.jpa.properties.hibernate.search.coordination.strategy=outbox-polling",
        "spring.jpa.properties.hibernate.search.coordination.event_processor.polling_interval=100"})
class SearchCoordinationIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CatalogSearch catalogSearch;

    @Test
    void changesReachTheIndexThroughTheDatabaseOutbox() {
        WebSession seller = SellerFixture.newSeller(port);
        String word = Fixtures.uniqueWord();
        SellerFixture.publishedWorkflow(seller, Map.of("title", "Outboxed " + word));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(catalogSearch.search(SearchQuery.of(word, null, null, null, null, null, 1)).page().total()).isEqualTo(1));
        assertThat(jdbc.sql("select count(*) from hsearch_agent").query(Long.class).single()).as("this node registered as an agent").isPositive();
    }
}
