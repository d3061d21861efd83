package app.flowmarket.preview;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import app.flowmarket.catalog.Apps;
import app.flowmarket.catalog.Platform;
import app.flowmarket.catalog.WorkflowFileParser;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shape of a workflow as anyone may see it: its steps (name, node type, the app it talks to, where it sits on the
 * canvas) and which step feeds which. Built by naming only those fields of the file, never by copying and removing,
 * so no setting, credential, code or address can come along. Steps get ids of their own ({@code n0}, {@code n1}, …)
 * instead of the file's.
 */
public record WorkflowGraph(List<Node> nodes, List<Edge> edges) {

    /**
     * One step. {@code label} is the app's name (or the node type in words), {@code icon} the app's icon when the site has
     * one, {@code initials} what stands in for it otherwise; {@code note} is an n8n sticky note (drawn, never connected).
     */
    public record Node(String id, String name, String type, String label, @Nullable String icon, String initials, double x,
                       double y, boolean note, boolean disabled) {
    }

    public record Edge(String from, String to) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final double STEP = 240;

    public static WorkflowGraph empty() {
        return new WorkflowGraph(List.of(), List.of());
    }

    /** The graph of a workflow file; a file that cannot be read has an empty graph. */
    public static WorkflowGraph of(Platform platform, byte[] file) {
        JsonNode root;
        try {
            root = JSON.readTree(file);
        } catch (JacksonException e) {
            return empty();
        }
        if (root == null || !root.isObject()) {
            return empty();
        }
        return switch (platform) {
            case N8N -> n8n(root);
            case MAKE -> make(root);
            case ZAPIER -> zapier(root);
            case OTHER -> empty();
        };
    }

    private static WorkflowGraph n8n(JsonNode root) {
        List<Node> nodes = new ArrayList<>();
        Map<String, String> idByName = new HashMap<>();
        int i = 0;
        for (JsonNode node : root.path("nodes").values()) {
            String id = "n" + i;
            String type = node.path("type").asString("");
            String name = node.path("name").isString() ? node.path("name").asString() : type;
            JsonNode position = node.path("position");
            double x = position.isArray() && position.path(0).isNumber() ? position.path(0).asDouble() : i * STEP;
            double y = position.isArray() && position.path(1).isNumber() ? position.path(1).asDouble() : 0;
            String local = type.substring(type.lastIndexOf('.') + 1);
            boolean note = local.equalsIgnoreCase("stickyNote");
            String label = WorkflowFileParser.n8nIntegration(type).orElseGet(() -> words(local));
            nodes.add(node(id, name, type, label, x, y, note, node.path("disabled").asBoolean(false)));
            idByName.putIfAbsent(name, id);
            i++;
        }
        Set<Edge> edges = new LinkedHashSet<>();
        for (Map.Entry<String, JsonNode> source : root.path("connections").properties()) {
            String from = idByName.get(source.getKey());
            if (from == null) {
                continue;
            }
            // {"main": [[{"node": "Target", ...}], ...], "ai_tool": [...]}: every kind of output, every branch
            for (Map.Entry<String, JsonNode> output : source.getValue().properties()) {
                for (JsonNode branch : output.getValue().values()) {
                    for (JsonNode target : branch.values()) {
                        String to = idByName.get(target.path("node").asString(""));
                        if (to != null) {
                            edges.add(new Edge(from, to));
                        }
                    }
                }
            }
        }
        return new WorkflowGraph(List.copyOf(nodes), List.copyOf(edges));
    }

    /** Make: each flow runs in order; a router's routes each start a branch of their own, drawn below one another. */
    private static WorkflowGraph make(JsonNode root) {
        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        makeFlow(root.path("flow"), null, 0, new double[] {0}, nodes, edges, 0);
        return new WorkflowGraph(List.copyOf(nodes), List.copyOf(edges));
    }

    private static void makeFlow(JsonNode flow, @Nullable String before, int column, double[] row, List<Node> nodes, List<Edge> edges,
                                 int depth) {
        if (depth > 50) {
            return;
        }
        String previous = before;
        int col = column;
        double y = row[0];
        for (JsonNode module : flow.values()) {
            String type = module.path("module").asString("");
            String id = "n" + nodes.size();
            JsonNode designer = module.path("metadata").path("designer");
            double x = designer.path("x").isNumber() ? designer.path("x").asDouble() : col * STEP;
            double at = designer.path("y").isNumber() ? designer.path("y").asDouble() : y;
            String app = type.contains(":") ? type.substring(0, type.indexOf(':')) : type;
            String name = designer.path("name").isString() ? designer.path("name").asString() : words(app.replace('-', ' '));
            nodes.add(node(id, name, type, Apps.name(app.replace('-', ' ')), x, at, false, module.path("disabled").asBoolean(false)));
            if (previous != null) {
                edges.add(new Edge(previous, id));
            }
            previous = id;
            col++;
            boolean first = true;
            for (JsonNode route : module.path("routes").values()) {
                if (!first) {
                    row[0] += STEP / 2;
                }
                first = false;
                makeFlow(route.path("flow"), id, col, row, nodes, edges, depth + 1);
            }
        }
    }

    /** Zapier: the steps of each zap in a row, one zap under the other. */
    private static WorkflowGraph zapier(JsonNode root) {
        List<JsonNode> zaps = new ArrayList<>();
        if (root.path("zaps").isArray()) {
            zaps.addAll(root.get("zaps").values());
        } else {
            zaps.add(root);
        }
        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        int row = 0;
        for (JsonNode zap : zaps) {
            JsonNode steps = zap.path("steps").isArray() ? zap.get("steps") : zap.path("nodes");
            String previous = null;
            int col = 0;
            for (JsonNode step : steps.values()) {
                String api = text(step, "app", "selected_api", "app_name", "service");
                if (api == null) {
                    continue;
                }
                String action = text(step, "action", "action_name", "event");
                String title = text(step, "title", "name");
                String app = WorkflowFileParser.zapierApp(api);
                String id = "n" + nodes.size();
                nodes.add(node(id, title != null ? title : app, api + (action == null ? "" : ":" + action), app, col * STEP,
                        row * STEP / 2, false, false));
                if (previous != null) {
                    edges.add(new Edge(previous, id));
                }
                previous = id;
                col++;
            }
            row++;
        }
        return new WorkflowGraph(List.copyOf(nodes), List.copyOf(edges));
    }

    private static Node node(String id, String name, String type, String label, double x, double y, boolean note, boolean disabled) {
        Apps.App app = Apps.of(label);
        return new Node(id, name, type, app.name(), app.iconUrl(), app.monogram(), x, y, note, disabled);
    }

    /** "googleSheets" → "Google Sheets", "httpRequest" → "Http Request". */
    private static String words(String identifier) {
        String spaced = identifier.replaceAll("(?<=[a-z0-9])(?=[A-Z])", " ").replace('_', ' ').strip();
        return spaced.isEmpty() ? identifier : spaced.substring(0, 1).toUpperCase(Locale.ROOT) + spaced.substring(1);
    }

    private static @Nullable String text(JsonNode node, String... fields) {
        for (String field : fields) {
            if (node.path(field).isString() && !node.path(field).asString().isBlank()) {
                return node.path(field).asString();
            }
        }
        return null;
    }
}
