package app.flowmarket.preview;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import app.flowmarket.catalog.Platform;
import app.flowmarket.catalog.WorkflowFileParser;
import app.flowmarket.moderation.SecretScanner;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/** A derived free preview keeps the workflow's shape and loses its credentials, code and secrets. */
class DerivedPreviewTests {

    private static final Map<String, String> CODE_FIELDS = Map.of("jsCode", DerivedPreview.JS_COMMENT, "functionCode",
            DerivedPreview.JS_COMMENT, "pythonCode", DerivedPreview.PYTHON_COMMENT);

    @TestFactory
    Stream<DynamicTest> everyRealExportLosesItsCredentialsCodeAndSecrets() throws IOException {
        return WorkflowGraphTests.corpus().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            byte[] original = Files.readAllBytes(file);
            DerivedPreview preview = DerivedPreview.of(original);
            JsonNode before = WorkflowGraphTests.JSON.readTree(original);
            JsonNode after = WorkflowGraphTests.JSON.readTree(preview.file());
            String text = new String(preview.file(), StandardCharsets.UTF_8);

            // still a valid n8n file with every node, and it reads as the same graph
            assertThat(WorkflowFileParser.parse(Platform.N8N, preview.file()).nodeCount()).isEqualTo(before.path("nodes").size());
            assertThat(WorkflowGraph.of(Platform.N8N, preview.file()).edges()).isEqualTo(WorkflowGraph.of(Platform.N8N, original).edges());
            assertThat(after.has("pinData")).isFalse();
            // nothing the secret scanner finds
            assertThat(SecretScanner.scan(preview.file())).isEmpty();
            for (JsonNode node : after.path("nodes").values()) {
                assertThat(node.has("credentials")).as("credentials of %s", node.path("name").asString()).isFalse();
                List<String> code = new ArrayList<>();
                codeBodies(node.path("parameters"), code);
                assertThat(code).as("code of %s", node.path("name").asString()).allSatisfy(body -> assertThat(body).isIn(CODE_FIELDS.values()));
            }
            // no credential's id or name left anywhere, no code body of the original
            for (JsonNode node : before.path("nodes").values()) {
                for (JsonNode credential : node.path("credentials").values()) {
                    String id = credential.path("id").asString("");
                    if (id.length() >= 4) {
                        assertThat(text).doesNotContain("\"" + id + "\"");
                    }
                }
                List<String> code = new ArrayList<>();
                codeBodies(node.path("parameters"), code);
                code.stream().filter(body -> body.strip().length() > 20)
                        .forEach(body -> assertThat(text).doesNotContain(WorkflowGraphTests.JSON.writeValueAsString(body)));
                if (node.path("credentials").isObject() && !node.path("credentials").isEmpty()) {
                    JsonNode derived = nodeNamed(after, node.path("name").asString());
                    assertThat(derived.path("disabled").asBoolean(false)).as("%s is disabled", node.path("name").asString()).isTrue();
                }
            }
            assertThat(preview.nodes()).isEqualTo(before.path("nodes").size());
        }));
    }

    @Test
    void stripsKeysTokensAddressesWithSecretsAndCodeFromACraftedWorkflowAndDisablesTheNodesThatLostThem() {
        String file = """
                {"name": "Crafted", "nodes": [
                  {"id": "1", "name": "Start", "type": "n8n-nodes-base.manualTrigger", "typeVersion": 1, "position": [0, 0], "parameters": {}},
                  {"id": "2", "name": "Call API", "type": "n8n-nodes-base.httpRequest", "typeVersion": 4, "position": [200, 0],
                   "parameters": {"url": "https://api.weather.example.org/v1/today?city=Paris&api_key=a1b2c3d4e5f6g7h8",
                     "headerParameters": {"parameters": [{"name": "Authorization", "value": "Bearer abcdefghijklmnopqrstuvwxyz0123456789"}]},
                     "sendBody": true}},
                  {"id": "3", "name": "Post to Slack", "type": "n8n-nodes-base.slack", "typeVersion": 2, "position": [400, 0],
                   "parameters": {"text": "Today: {{ $json.weather }}", "token": "xoxb-1234567890-abcdefghijklmnop"},
                   "credentials": {"slackApi": {"id": "77", "name": "Ops Slack account"}}},
                  {"id": "4", "name": "Shape", "type": "n8n-nodes-base.code", "typeVersion": 2, "position": [600, 0],
                   "parameters": {"jsCode": "const secretSauce = 42;\\nreturn items.map(i => ({json: {v: secretSauce}}));"}},
                  {"id": "5", "name": "Store", "type": "n8n-nodes-base.postgres", "typeVersion": 2, "position": [800, 0],
                   "parameters": {"query": "select 1", "connectionString": "postgres://admin:hunter2secret@db.internal:5432/app"}},
                  {"id": "6", "name": "Charge", "type": "n8n-nodes-base.httpRequest", "typeVersion": 4, "position": [1000, 0],
                   "parameters": {"url": "https://api.stripe.com/v1/charges", "password": "sk_live_abcdefghijklmnop1234"}}],
                 "connections": {"Start": {"main": [[{"node": "Call API", "type": "main", "index": 0}]]},
                   "Call API": {"main": [[{"node": "Post to Slack", "type": "main", "index": 0}]]}},
                 "pinData": {"Call API": [{"json": {"token": "ghp_abcdefghijklmnopqrstuvwxyz0123456789"}}]}}
                """;
        DerivedPreview preview = DerivedPreview.of(file.getBytes(StandardCharsets.UTF_8));
        String text = new String(preview.file(), StandardCharsets.UTF_8);

        assertThat(text).doesNotContain("a1b2c3d4e5f6g7h8", "abcdefghijklmnopqrstuvwxyz0123456789", "xoxb-", "Ops Slack account", "secretSauce",
                "hunter2secret", "sk_live_", "ghp_", "\"77\"");
        assertThat(text).contains("Today: {{ $json.weather }}", "select 1", "https://api.stripe.com/v1/charges", DerivedPreview.JS_COMMENT);
        JsonNode after = WorkflowGraphTests.JSON.readTree(preview.file());
        assertThat(after.path("nodes").values()).filteredOn(n -> n.path("disabled").asBoolean(false)).extracting(n -> n.path("name").asString())
                .containsExactlyInAnyOrder("Call API", "Post to Slack", "Shape", "Store", "Charge");
        assertThat(preview.disabledNodes()).isEqualTo(5);
        assertThat(preview.credentialsRemoved()).isEqualTo(1);
        assertThat(preview.codeRemoved()).isEqualTo(1);
        assertThat(preview.nodes()).isEqualTo(6);
    }

    private static JsonNode nodeNamed(JsonNode root, String name) {
        for (JsonNode node : root.path("nodes").values()) {
            if (node.path("name").asString("").equals(name)) {
                return node;
            }
        }
        throw new AssertionError("no node " + name);
    }

    private static void codeBodies(JsonNode value, List<String> out) {
        if (value.isObject()) {
            for (Map.Entry<String, JsonNode> entry : value.properties()) {
                if (CODE_FIELDS.containsKey(entry.getKey()) && entry.getValue().isString() && !entry.getValue().asString().isBlank()) {
                    out.add(entry.getValue().asString());
                } else {
                    codeBodies(entry.getValue(), out);
                }
            }
        } else if (value.isArray()) {
            value.values().forEach(child -> codeBodies(child, out));
        }
    }
}
