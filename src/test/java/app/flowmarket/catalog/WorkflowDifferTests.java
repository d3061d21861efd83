package app.flowmarket.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class WorkflowDifferTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String V1 = """
            {"name": "Leads", "nodes": [
              {"id": "a", "name": "Webhook", "type": "n8n-nodes-base.webhook", "typeVersion": 1, "position": [0, 0], "parameters": {"path": "leads"}},
              {"id": "b", "name": "Slack", "type": "n8n-nodes-base.slack", "typeVersion": 1, "position": [200, 0],
               "parameters": {"channel": "#sales", "text": "New lead"}, "credentials": {"slackApi": {"id": "1", "name": "Slack"}}},
              {"id": "c", "name": "Sheet", "type": "n8n-nodes-base.googleSheets", "typeVersion": 3, "position": [400, 0], "parameters": {}},
              {"id": "s", "name": "Note", "type": "n8n-nodes-base.stickyNote", "typeVersion": 1, "position": [0, 200], "parameters": {"content": "hi"}}
             ],
             "connections": {"Webhook": {"main": [[{"node": "Slack", "type": "main", "index": 0}]]},
                             "Slack": {"main": [[{"node": "Sheet", "type": "main", "index": 0}]]}}}
            """;

    private static final String V2 = """
            {"name": "Leads", "nodes": [
              {"id": "a", "name": "Webhook", "type": "n8n-nodes-base.webhook", "typeVersion": 2, "position": [0, 0], "parameters": {"path": "leads"}},
              {"id": "b", "name": "Tell sales", "type": "n8n-nodes-base.slack", "typeVersion": 1, "position": [200, 0],
               "parameters": {"channel": "#ops", "text": "New lead", "apiToken": "xoxb-1234567890-abcdefghij"}, "credentials": {"slackOAuth2Api": {"id": "2"}}},
              {"id": "d", "name": "Enrich", "type": "n8n-nodes-base.httpRequest", "typeVersion": 4, "position": [100, 100], "parameters": {"url": "https://x.test"}},
              {"id": "s", "name": "Note", "type": "n8n-nodes-base.stickyNote", "typeVersion": 1, "position": [0, 200], "parameters": {"content": "changed"}}
             ],
             "connections": {"Webhook": {"main": [[{"node": "Enrich", "type": "main", "index": 0}]]},
                             "Enrich": {"main": [[{"node": "Tell sales", "type": "main", "index": 0}]]}}}
            """;

    @Test
    void showsNodesAddedRemovedRenamedAndChangedAndTheConnectionsMoved() {
        WorkflowDiff diff = WorkflowDiffer.diff(Platform.N8N, 1, bytes(V1), 2, bytes(V2));

        assertThat(diff.added()).extracting(WorkflowDiff.Step::name).containsExactly("Enrich");
        assertThat(diff.removed()).extracting(WorkflowDiff.Step::name).containsExactly("Sheet");
        assertThat(diff.renamed()).singleElement().satisfies(r -> {
            assertThat(r.from()).isEqualTo("Slack");
            assertThat(r.to()).isEqualTo("Tell sales");
        });
        assertThat(diff.changed()).extracting(WorkflowDiff.Step::name).containsExactly("Webhook", "Tell sales");
        assertThat(diff.changed().get(0).details()).containsExactly("typeVersion: 1 → 2");
        assertThat(diff.changed().get(1).details()).containsExactly("channel: “#sales” → “#ops”", "+ apiToken = " + WorkflowDiffer.MASK,
                "+ credential slackOAuth2Api", "− credential slackApi");
        assertThat(diff.connectionsAdded()).containsExactlyInAnyOrder("Webhook → Enrich", "Enrich → Tell sales");
        // a removed connection names the nodes as they were called then
        assertThat(diff.connectionsRemoved()).containsExactlyInAnyOrder("Webhook → Slack", "Slack → Sheet");
        assertThat(diff.toString()).as("sticky notes are not steps; secrets never shown").doesNotContain("Note").doesNotContain("xoxb-");
    }

    @Test
    void aSecretThatChangedSaysSoWithoutShowingEitherValue() {
        String before = V1.replace("\"text\": \"New lead\"", "\"text\": \"Bearer abcdefghijklmnopqrstuvwxyz\"");
        String after = V1.replace("\"text\": \"New lead\"", "\"text\": \"Bearer zyxwvutsrqponmlkjihgfedcba\"");
        WorkflowDiff diff = WorkflowDiffer.diff(Platform.N8N, 1, bytes(before), 2, bytes(after));
        assertThat(diff.changed()).singleElement().satisfies(s -> assertThat(s.details()).containsExactly("text: " + WorkflowDiffer.MASK + " (changed)"));
        assertThat(diff.toString()).doesNotContain("abcdefghij").doesNotContain("zyxwvu");
    }

    @Test
    void theSameFileHasNoChanges() {
        assertThat(WorkflowDiffer.diff(Platform.N8N, 1, bytes(V1), 2, bytes(V1)).isEmpty()).isTrue();
    }

    @Test
    void makeModulesAndTheirOrder() {
        String v1 = """
                {"name": "M", "flow": [{"id": 1, "module": "gateway:CustomWebHook", "version": 1, "parameters": {"hook": 5}},
                  {"id": 2, "module": "slack:CreateMessage", "version": 1, "mapper": {"text": "hi"}}]}""";
        String v2 = """
                {"name": "M", "flow": [{"id": 1, "module": "gateway:CustomWebHook", "version": 1, "parameters": {"hook": 5}},
                  {"id": 3, "module": "util:SetVariable", "version": 1},
                  {"id": 2, "module": "slack:CreateMessage", "version": 2, "mapper": {"text": "hello"}}]}""";
        WorkflowDiff diff = WorkflowDiffer.diff(Platform.MAKE, 1, bytes(v1), 2, bytes(v2));
        assertThat(diff.added()).extracting(WorkflowDiff.Step::type).containsExactly("util:SetVariable");
        assertThat(diff.changed()).singleElement().satisfies(s -> assertThat(s.details())
                .containsExactly("typeVersion: 1 → 2", "mapper.text: “hi” → “hello”"));
        assertThat(diff.connectionsRemoved()).hasSize(1);
        assertThat(diff.connectionsAdded()).hasSize(2);
    }

    @Test
    void zapierStepsByPosition() {
        String v1 = """
                {"title": "Z", "steps": [{"app": "WebHookCLIAPI", "action": "hook"}, {"app": "SlackCLIAPI", "action": "message", "params": {"channel": "a"}}]}""";
        String v2 = """
                {"title": "Z", "steps": [{"app": "WebHookCLIAPI", "action": "hook"}, {"app": "SlackCLIAPI", "action": "message", "params": {"channel": "b"}},
                  {"app": "GoogleSheetsV2CLIAPI", "action": "add_row"}]}""";
        WorkflowDiff diff = WorkflowDiffer.diff(Platform.ZAPIER, 1, bytes(v1), 2, bytes(v2));
        assertThat(diff.added()).extracting(WorkflowDiff.Step::type).containsExactly("GoogleSheetsV2CLIAPI:add_row");
        assertThat(diff.changed()).singleElement().satisfies(s -> assertThat(s.details()).containsExactly("channel: “a” → “b”"));
        assertThat(diff.connectionsAdded()).hasSize(1);
    }

    /** Pairs built from the shared corpus: each real export against itself with its last node removed and its first renamed. */
    @Test
    void realExportsAgainstAnEditedCopy() throws IOException {
        assumeTrue(Files.isDirectory(N8nCorpusTests.CORPUS), "the shared corpus (../shared/corpus/n8n) is absent: skipped");
        List<Path> files;
        try (Stream<Path> listed = Files.list(N8nCorpusTests.CORPUS)) {
            files = listed.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        int checked = 0;
        for (Path file : files) {
            byte[] original = Files.readAllBytes(file);
            ObjectNode root = (ObjectNode) JSON.readTree(original);
            List<JsonNode> steps = new ArrayList<>();
            root.path("nodes").values().forEach(n -> {
                if (!n.path("type").asString("").endsWith(".stickyNote") && n.hasNonNull("id")) {
                    steps.add(n);
                }
            });
            if (steps.size() < 3) {
                continue;
            }
            assertThat(WorkflowDiffer.diff(Platform.N8N, 1, original, 2, original).isEmpty()).as(file.toString()).isTrue();
            JsonNode last = steps.get(steps.size() - 1);
            ArrayNode nodes = (ArrayNode) root.get("nodes");
            for (int i = 0; i < nodes.size(); i++) {
                if (nodes.get(i) == last) {
                    nodes.remove(i);
                    break;
                }
            }
            ((ObjectNode) steps.get(0)).put("name", steps.get(0).path("name").asString() + " (renamed)");
            WorkflowDiff diff = WorkflowDiffer.diff(Platform.N8N, 1, original, 2, JSON.writeValueAsBytes(root));
            assertThat(diff.removed()).as(file.toString()).extracting(WorkflowDiff.Step::name).containsExactly(last.path("name").asString());
            assertThat(diff.renamed()).as(file.toString()).singleElement()
                    .satisfies(r -> assertThat(r.to()).endsWith(" (renamed)"));
            assertThat(diff.added()).as(file.toString()).isEmpty();
            checked++;
        }
        assertThat(checked).isGreaterThan(100);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
