package app.flowmarket.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import app.flowmarket.IntegrationTest;
import app.flowmarket.support.Fixtures;
import app.flowmarket.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class VersionDiffIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theWorkflowPageTellsABuyerWhatEachNewVersionChanged() {
        WebSession seller = SellerFixture.newSeller(port);
        String title = "Diffed " + Fixtures.uniqueSlug("d");
        String id = SellerFixture.publishedWorkflow(seller, title, "n8n", "0");
        String slug = jdbc.sql("select slug from workflow where id = ?::uuid").param(id).query(String.class).single();
        String v1 = new String(Fixtures.n8nWorkflow(title), StandardCharsets.UTF_8);
        String v2 = v1.replace("\"text\": \"hi\"", "\"text\": \"hello\", \"token\": \"xoxb-secret-value-123\"")
                .replace("""
                          {"id": "3", "name": "Log to sheet", "type": "n8n-nodes-base.googleSheets", "typeVersion": 4, "position": [400, 0], "parameters": {}}
                        """, """
                          {"id": "3", "name": "Log to sheet", "type": "n8n-nodes-base.googleSheets", "typeVersion": 4, "position": [400, 0], "parameters": {}},
                          {"id": "4", "name": "Mail the team", "type": "n8n-nodes-base.gmail", "typeVersion": 2, "position": [600, 0], "parameters": {}}
                        """);
        assertThat(v2).contains("Mail the team");
        seller.get("/seller/workflows/" + id + "/edit");
        seller.postMultipart("/seller/workflows/" + id + "/versions", Map.of("changelog", "Mails the team too"), "file", "w.json",
                v2.getBytes(StandardCharsets.UTF_8)).assertStatus(302);

        String page = new WebSession(port).get("/workflows/" + slug).assertStatus(200).body();
        assertThat(page).contains("Mails the team too").contains("+1 node").contains("1 changed").contains("Changes since v1")
                .contains("+ Mail the team").contains("text: “hi” → “hello”").contains("+ token = ••••••")
                .doesNotContain("xoxb-secret-value-123");
    }
}
