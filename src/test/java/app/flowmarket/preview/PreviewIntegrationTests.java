package app.flowmarket.preview;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import app.flowmarket.IntegrationTest;
import app.flowmarket.catalog.SellerFixture;
import app.flowmarket.moderation.SecretScanner;
import app.flowmarket.support.Fixtures;
import app.flowmarket.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The graph and the free preview over HTTP, as visitors, signed-in people who did not buy, and sellers see them. */
@IntegrationTest
class PreviewIntegrationTests {

    static final String FILE = """
            {"name": "Weather to Slack", "nodes": [
              {"id": "1", "name": "Every morning", "type": "n8n-nodes-base.scheduleTrigger", "typeVersion": 1, "position": [0, 0], "parameters": {}},
              {"id": "2", "name": "Fetch forecast", "type": "n8n-nodes-base.httpRequest", "typeVersion": 4, "position": [220, 0],
               "parameters": {"url": "https://api.forecast.example.org/v2?apikey=Zq81mXw02LpKa77", "options": {}}},
              {"id": "3", "name": "Format nicely", "type": "n8n-nodes-base.code", "typeVersion": 2, "position": [440, 0],
               "parameters": {"jsCode": "const forecastSecretSauce = 1;\\nreturn items;"}},
              {"id": "4", "name": "Tell the team", "type": "n8n-nodes-base.slack", "typeVersion": 2, "position": [660, 0],
               "parameters": {"text": "={{ $json.summary }}", "channel": "#weather-room"},
               "credentials": {"slackApi": {"id": "4242", "name": "Weather team Slack"}}}],
             "connections": {"Every morning": {"main": [[{"node": "Fetch forecast", "type": "main", "index": 0}]]},
               "Fetch forecast": {"main": [[{"node": "Format nicely", "type": "main", "index": 0}]]},
               "Format nicely": {"main": [[{"node": "Tell the team", "type": "main", "index": 0}]]}}}
            """;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    record Listed(String id, String slug) {
    }

    Listed paidWorkflowWithDerivedPreview(WebSession seller) {
        String title = "Weather " + Fixtures.uniqueWord();
        WebSession.Page created = seller.postMultipart("/seller/workflows/new", Map.of("title", title, "summary", "Morning weather.",
                "description", "", "platform", "n8n", "price", "19", "currency", "USD", "category", "", "tags", ""),
                "file", "weather.json", FILE.getBytes(StandardCharsets.UTF_8));
        String id = created.assertStatus(302).location().split("/")[3];
        seller.post("/seller/workflows/" + id + "/publish", Map.of()).assertStatus(302);
        assertThat(seller.post("/seller/workflows/" + id + "/preview", Map.of("mode", "DERIVED")).assertStatus(302).location())
                .isEqualTo("/seller/workflows/" + id + "/edit#preview-h");
        return new Listed(id, jdbc.sql("select slug from workflow where id = ?::uuid").param(id).query(String.class).single());
    }

    @Test
    void aVisitorIsSentToSignInAndASignedInNonBuyerDownloadsThePreviewButNotThePaidFile() {
        WebSession seller = SellerFixture.newSeller(port);
        Listed workflow = paidWorkflowWithDerivedPreview(seller);

        WebSession visitor = new WebSession(port);
        WebSession.Page refused = visitor.get("/workflows/" + workflow.slug() + "/preview").assertStatus(302);
        assertThat(refused.location()).contains("/login?next=").contains("preview");
        assertThat(visitor.get("/workflows/" + workflow.slug() + "/preview-offer").assertStatus(200).body())
                .contains("Free preview", "credentials and code removed, 3 nodes disabled (of 4)", "Sign in to download the free preview");

        WebSession someoneElse = SellerFixture.newSeller(port);
        WebSession.Page preview = someoneElse.get("/workflows/" + workflow.slug() + "/preview").assertStatus(200);
        assertThat(preview.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment").contains("free-preview.json");
        assertThat(preview.body()).contains("Tell the team", "\"disabled\" : true", DerivedPreview.JS_COMMENT)
                .doesNotContain("Zq81mXw02LpKa77", "forecastSecretSauce", "Weather team Slack", "4242", "credentials");
        assertThat(SecretScanner.scan(preview.body().getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(someoneElse.get("/workflows/" + workflow.slug() + "/preview-offer").body()).contains("Download the free preview");

        String versionId = jdbc.sql("select id::text from workflow_version where workflow_id = ?::uuid").param(workflow.id())
                .query(String.class).single();
        assertThat(someoneElse.get("/library/download/" + versionId).status()).isIn(403, 404);
        assertThat(someoneElse.get("/library/download/" + versionId).body()).doesNotContain("forecastSecretSauce");
    }

    @Test
    void theGraphIsPublicCacheableAndHoldsNoSetting() {
        WebSession seller = SellerFixture.newSeller(port);
        Listed workflow = paidWorkflowWithDerivedPreview(seller);
        WebSession visitor = new WebSession(port);

        WebSession.Page graph = visitor.get("/workflows/" + workflow.slug() + "/graph.json").assertStatus(200);
        assertThat(graph.body()).contains("Every morning", "Fetch forecast", "Format nicely", "Tell the team", "n8n-nodes-base.slack")
                .doesNotContain("Zq81mXw02LpKa77", "forecastSecretSauce", "weather-room", "Weather team Slack", "4242", "api.forecast");
        String etag = graph.headers().firstValue("ETag").orElseThrow();
        assertThat(graph.headers().firstValue("Cache-Control").orElse("")).contains("public");
        assertThat(visitor.getWithHeaders("/workflows/" + workflow.slug() + "/graph.json", Map.of("If-None-Match", etag)).status())
                .isEqualTo(304);

        // a new version is a new graph, with its own ETag
        seller.postMultipart("/seller/workflows/" + workflow.id() + "/versions", Map.of("changelog", "Simpler."), "file", "w.json",
                Fixtures.n8nWorkflow("Simpler")).assertStatus(302);
        WebSession.Page newer = visitor.getWithHeaders("/workflows/" + workflow.slug() + "/graph.json", Map.of("If-None-Match", etag))
                .assertStatus(200);
        assertThat(newer.body()).contains("Send to Slack").doesNotContain("Tell the team");
        assertThat(newer.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);
        assertThat(visitor.get("/workflows/no-such-workflow-here/graph.json").status()).isEqualTo(404);
    }

    @Test
    void onlyTheSellerSetsThePreviewAndAnUploadedOneMustHoldNoSecret() {
        WebSession seller = SellerFixture.newSeller(port);
        Listed workflow = paidWorkflowWithDerivedPreview(seller);
        WebSession other = SellerFixture.newSeller(port);

        assertThat(other.post("/seller/workflows/" + workflow.id() + "/preview", Map.of("mode", "OFF")).status()).isEqualTo(404);
        assertThat(other.get("/seller/workflows/" + workflow.id() + "/preview").status()).isEqualTo(404);
        assertThat(mode(workflow)).isEqualTo("DERIVED");

        seller.postMultipart("/seller/workflows/" + workflow.id() + "/preview", Map.of("mode", "UPLOADED"), "file", "leaky.json",
                FILE.replace("\"channel\": \"#weather-room\"", "\"token\": \"xoxb-2233445566-abcdefghijklmnopqrst\"")
                        .getBytes(StandardCharsets.UTF_8)).assertStatus(302);
        assertThat(mode(workflow)).isEqualTo("DERIVED");

        seller.postMultipart("/seller/workflows/" + workflow.id() + "/preview", Map.of("mode", "UPLOADED"), "file", "lite.json",
                Fixtures.n8nWorkflow("Lite")).assertStatus(302);
        assertThat(mode(workflow)).isEqualTo("UPLOADED");
        assertThat(seller.get("/seller/workflows/" + workflow.id() + "/preview").body()).contains("lite.json");
        assertThat(other.get("/workflows/" + workflow.slug() + "/preview").assertStatus(200).body()).contains("Send to Slack");

        seller.post("/seller/workflows/" + workflow.id() + "/preview", Map.of("mode", "OFF")).assertStatus(302);
        assertThat(other.get("/workflows/" + workflow.slug() + "/preview").status()).isEqualTo(404);
        assertThat(other.get("/workflows/" + workflow.slug() + "/preview-offer").body()).doesNotContain("Free preview");
    }

    private String mode(Listed workflow) {
        return jdbc.sql("select coalesce((select mode from workflow_preview where workflow_id = ?::uuid), 'OFF')").param(workflow.id())
                .query(String.class).single();
    }
}
