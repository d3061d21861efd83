package app.flowmarket.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import app.flowmarket.catalog.Platform;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The graph anyone sees: every step and connection of the file, and nothing of its settings or credentials. */
class WorkflowGraphTests {

    static final Path CORPUS = Path.of("../shared/corpus/n8n");
    static final JsonMapper JSON = JsonMapper.builder().build();

    static List<Path> corpus() throws IOException {
        assumeTrue(Files.isDirectory(CORPUS), "the shared corpus (../shared/corpus/n8n) is absent: skipped");
        try (Stream<Path> list = Files.list(CORPUS)) {
            return list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> drawsEveryNodeAndConnectionOfEachRealExportWithoutItsSettings() throws IOException {
        List<Path> files = corpus();
        assertThat(files).hasSizeGreaterThan(200);
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            byte[] bytes = Files.readAllBytes(file);
            JsonNode root = JSON.readTree(bytes);
            WorkflowGraph graph = WorkflowGraph.of(Platform.N8N, bytes);
            String json = JSON.writeValueAsString(graph);

            assertThat(graph.nodes()).hasSize(root.path("nodes").size());
            Set<String> ids = graph.nodes().stream().map(WorkflowGraph.Node::id).collect(Collectors.toSet());
            assertThat(graph.edges()).allSatisfy(edge -> assertThat(ids).contains(edge.from(), edge.to()));
            assertThat(graph.edges()).hasSize(connectionCount(root));

            // what the graph is made of: the nodes' names and types, and the app each names (its name and icon from the site's
            // table); a setting may repeat words of them
            Set<String> shown = graph.nodes().stream().flatMap(n -> Stream.of(n.name(), n.type(), n.label(), String.valueOf(n.icon())))
                    .collect(Collectors.toSet());
            for (JsonNode node : root.path("nodes").values()) {
                List<String> values = new ArrayList<>();
                leaves(node.path("parameters"), values);
                for (String value : values) {
                    if (value.length() >= 6 && shown.stream().noneMatch(part -> part.contains(value))) {
                        assertThat(json).as("setting of %s", node.path("name").asString()).doesNotContain(JSON.writeValueAsString(value)
                                .substring(1, JSON.writeValueAsString(value).length() - 1));
                    }
                }
                for (Map.Entry<String, JsonNode> credential : node.path("credentials").properties()) {
                    for (String field : List.of("id", "name")) {
                        String value = credential.getValue().path(field).asString("");
                        if (value.length() >= 3 && shown.stream().noneMatch(part -> part.contains(value))) {
                            assertThat(json).as("credential %s of %s", field, node.path("name").asString()).doesNotContain("\"" + value + "\"");
                        }
                    }
                }
            }
            assertThat(json).doesNotContain("\"parameters\"", "\"credentials\"", "pinData", "jsCode", "webhookId");
        }));
    }

    @Test
    void connectsAMakeRouterToTheFirstModuleOfEachRoute() {
        String blueprint = """
                {"name": "Leads", "flow": [
                  {"id": 1, "module": "gateway:CustomWebHook", "parameters": {"hook": 12345}, "metadata": {"designer": {"x": 0, "y": 0}}},
                  {"id": 2, "module": "builtin:BasicRouter", "routes": [
                    {"flow": [{"id": 3, "module": "slack:CreateMessage", "parameters": {"__IMTCONN__": 987}, "mapper": {"text": "secret-ish text here"}}]},
                    {"flow": [{"id": 4, "module": "google-sheets:addRow", "mapper": {"values": {"0": "a private address"}}}]}]}]}
                """;
        WorkflowGraph graph = WorkflowGraph.of(Platform.MAKE, blueprint.getBytes(StandardCharsets.UTF_8));
        assertThat(graph.nodes()).extracting(WorkflowGraph.Node::type)
                .containsExactly("gateway:CustomWebHook", "builtin:BasicRouter", "slack:CreateMessage", "google-sheets:addRow");
        assertThat(graph.edges()).containsExactly(new WorkflowGraph.Edge("n0", "n1"), new WorkflowGraph.Edge("n1", "n2"),
                new WorkflowGraph.Edge("n1", "n3"));
        assertThat(graph.nodes().get(2).label()).isEqualTo("Slack");
        assertThat(JSON.writeValueAsString(graph)).doesNotContain("secret-ish", "private address", "987", "12345");
    }

    @Test
    void drawsZapierStepsInOrder() {
        String zap = """
                {"zaps": [{"title": "Mail to sheet", "steps": [
                  {"app": "GmailV2API", "action": "new_email", "params": {"label": "INBOX-secret-label"}},
                  {"app": "GoogleSheetsV2API", "action": "add_row", "params": {"sheet": "1AbCdEfGhIjK"}}]}]}
                """;
        WorkflowGraph graph = WorkflowGraph.of(Platform.ZAPIER, zap.getBytes(StandardCharsets.UTF_8));
        assertThat(graph.nodes()).hasSize(2);
        assertThat(graph.edges()).containsExactly(new WorkflowGraph.Edge("n0", "n1"));
        assertThat(JSON.writeValueAsString(graph)).doesNotContain("INBOX-secret-label", "1AbCdEfGhIjK");
    }

    @Test
    void anUnreadableFileHasAnEmptyGraph() {
        assertThat(WorkflowGraph.of(Platform.N8N, "not json".getBytes(StandardCharsets.UTF_8)).nodes()).isEmpty();
    }

    private static int connectionCount(JsonNode root) {
        Set<String> names = new java.util.HashSet<>();
        root.path("nodes").values().forEach(n -> names.add(n.path("name").asString()));
        Set<String> pairs = new java.util.HashSet<>();
        for (Map.Entry<String, JsonNode> source : root.path("connections").properties()) {
            for (JsonNode output : source.getValue().values()) {
                for (JsonNode branch : output.values()) {
                    for (JsonNode target : branch.values()) {
                        String to = target.path("node").asString("");
                        if (names.contains(source.getKey()) && names.contains(to)) {
                            pairs.add(source.getKey() + "→" + to);
                        }
                    }
                }
            }
        }
        return pairs.size();
    }

    static void leaves(JsonNode value, List<String> out) {
        if (value.isObject() || value.isArray()) {
            value.values().forEach(child -> leaves(child, out));
        } else if (value.isString()) {
            out.add(value.asString());
        }
    }
}
