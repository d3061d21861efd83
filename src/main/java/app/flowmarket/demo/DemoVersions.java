package app.flowmarket.demo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import app.flowmarket.catalog.CatalogImport;
import app.flowmarket.catalog.Upload;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo workflow whose versions show every kind of change a diff tells about: v2 adds a node, renames one, changes a
 * setting and rewires a connection; v3 removes a node, moves one to a newer type version and changes a credential.
 */
final class DemoVersions {

    static final String SHOWCASE = "HubSpot lead enrichment with OpenAI";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DemoVersions() {
    }

    /** The showcase's two later versions, made from its first file (see {@link DemoFiles}). */
    static List<CatalogImport.Revision> of(@Nullable String fileName, String firstFile, Instant published, Instant now) {
        long days = Math.max(4, Duration.between(published, now).toDays());
        ObjectNode v2 = (ObjectNode) JSON.readTree(firstFile);
        ArrayNode nodes = (ArrayNode) v2.get("nodes");
        ObjectNode filter = nodes.insertObject(2);
        filter.put("id", "n5").put("name", "Has a company?").put("type", "n8n-nodes-base.filter").put("typeVersion", 2);
        filter.putArray("position").add(330).add(140);
        filter.putObject("parameters").putObject("conditions").put("combinator", "and");
        ObjectNode http = node(nodes, "n2");
        String oldHttpName = http.get("name").asString();
        http.put("name", "Fetch company data");
        node(nodes, "n4").putObject("parameters").put("channel", "#sales-leads").put("text", "={{ $json.summary }}");
        ObjectNode connections = (ObjectNode) v2.get("connections");
        ObjectNode rewired = JSON.createObjectNode();
        for (var e : connections.properties()) {
            String from = e.getKey().equals(oldHttpName) ? "Fetch company data" : e.getKey();
            rewired.set(from, e.getValue());
        }
        String hubspot = node(nodes, "n1").get("name").asString();
        rewired.set(hubspot, link("Has a company?"));
        rewired.set("Has a company?", link("Fetch company data"));
        v2.set("connections", rewired);
        String second = JSON.writeValueAsString(v2);

        ObjectNode v3 = (ObjectNode) JSON.readTree(second);
        ArrayNode nodes3 = (ArrayNode) v3.get("nodes");
        ObjectNode ai = node(nodes3, "n3");
        String aiName = ai.get("name").asString();
        for (int i = 0; i < nodes3.size(); i++) {
            if (nodes3.get(i) == ai) {
                nodes3.remove(i);
                break;
            }
        }
        ObjectNode slack = node(nodes3, "n4");
        slack.put("typeVersion", 2.2);
        slack.putObject("credentials").putObject("slackOAuth2Api").put("id", "2").put("name", "Slack (OAuth2)");
        ObjectNode connections3 = (ObjectNode) v3.get("connections");
        connections3.remove(aiName);
        connections3.set("Fetch company data", link(slack.get("name").asString()));
        String third = JSON.writeValueAsString(v3);

        return List.of(
                new CatalogImport.Revision("Skips contacts without a company, posts to #sales-leads.",
                        new Upload(fileName, second.getBytes(StandardCharsets.UTF_8)), published.plus(Duration.ofDays(days / 3))),
                new CatalogImport.Revision("Slack node 2.2 with OAuth2; the summary now comes from HubSpot’s own AI, one step less.",
                        new Upload(fileName, third.getBytes(StandardCharsets.UTF_8)), published.plus(Duration.ofDays(2 * days / 3))));
    }

    private static ObjectNode node(ArrayNode nodes, String id) {
        for (JsonNode node : nodes.values()) {
            if (id.equals(node.path("id").asString())) {
                return (ObjectNode) node;
            }
        }
        throw new IllegalStateException("no node " + id);
    }

    private static ObjectNode link(String target) {
        ObjectNode main = JSON.createObjectNode();
        main.putArray("main").addArray().addObject().put("node", target).put("type", "main").put("index", 0);
        return main;
    }
}
