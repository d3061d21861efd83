package app.flowmarket.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import app.flowmarket.IntegrationTest;
import app.flowmarket.support.Fixtures;
import app.flowmarket.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every n8n upload keeps the minimum n8n release its file needs; listings uploaded before that get it at start. */
@IntegrationTest
class N8nMinimumFillIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    N8nMinimumFill fill;

    @Test
    void anUploadKeepsItsMinimumAndOlderUploadsGetTheirsAtStart() {
        WebSession seller = SellerFixture.newSeller(port);
        String title = "Older upload " + Fixtures.uniqueWord();
        byte[] file = ("{\"name\": \"" + title + "\", \"nodes\": [{\"id\": \"1\", \"name\": \"Post\", \"type\": \"n8n-nodes-base.slack\","
                + " \"typeVersion\": 2.4, \"position\": [0, 0], \"parameters\": {}}], \"connections\": {}}").getBytes(StandardCharsets.UTF_8);
        UUID id = UUID.fromString(SellerFixture.publishedWorkflow(seller, Map.of("title", title), file));
        String scenario = "Make scenario " + Fixtures.uniqueWord();
        UUID make = UUID.fromString(SellerFixture.publishedWorkflow(seller, Map.of("title", scenario, "platform", "make"),
                ("{\"name\": \"" + scenario + "\", \"flow\": [{\"id\": 1, \"module\": \"slack:CreateMessage\", \"version\": 1}]}")
                        .getBytes(StandardCharsets.UTF_8)));
        assertThat(minimum(id)).isEqualTo(2000);
        assertThat(minimum(make)).as("other platforms need no n8n").isNull();

        jdbc.sql("update workflow set n8n_minimum = null where id = ?").param(id).update();
        while (fill.fillSome() > 0) {
            // until none is left
        }

        assertThat(minimum(id)).isEqualTo(2000);
        assertThat(minimum(make)).isNull();
    }

    private Integer minimum(UUID id) {
        return jdbc.sql("select n8n_minimum from workflow where id = ?").param(id).query(Integer.class).optional().orElse(null);
    }
}
