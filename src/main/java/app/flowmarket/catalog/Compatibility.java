package app.flowmarket.catalog;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a workflow file needs from the buyer's tool, read from its latest version: the node types (n8n), modules (Make) or
 * app steps (Zapier) it uses with their type versions, the credentials to set up, and for n8n the community node packages
 * to install first (any node outside n8n's own packages).
 */
public record Compatibility(List<Part> parts, List<String> credentials, List<String> communityPackages) implements Serializable {

    /** One node type, module or app step, how often it is used and in which type versions. */
    public record Part(String type, int count, List<String> versions) implements Serializable {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> N8N_PACKAGES = Set.of("n8n-nodes-base", "@n8n/n8n-nodes-langchain");

    public boolean isEmpty() {
        return parts.isEmpty();
    }

    public static Compatibility of(Platform platform, byte[] file) {
        JsonNode root;
        try {
            root = JSON.readTree(file);
        } catch (JacksonException e) {
            return new Compatibility(List.of(), List.of(), List.of());
        }
        Map<String, Set<String>> versions = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        Set<String> credentials = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        Set<String> packages = new LinkedHashSet<>();
        if (root != null && root.isObject()) {
            switch (platform) {
                case N8N -> {
                    for (JsonNode node : root.path("nodes").values()) {
                        String type = node.path("type").asString("");
                        if (type.isBlank() || type.endsWith(".stickyNote")) {
                            continue;
                        }
                        add(versions, counts, type, node.path("typeVersion").isMissingNode() ? "" : node.path("typeVersion").asString());
                        credentials.addAll(node.path("credentials").propertyNames());
                        int dot = type.lastIndexOf('.');
                        String pack = dot > 0 ? type.substring(0, dot) : type;
                        if (!N8N_PACKAGES.contains(pack)) {
                            packages.add(pack);
                        }
                    }
                }
                case MAKE -> make(root.path("flow"), versions, counts, credentials, 0);
                case ZAPIER -> {
                    List<JsonNode> zaps = new ArrayList<>();
                    if (root.path("zaps").isArray()) {
                        zaps.addAll(root.get("zaps").values());
                    } else {
                        zaps.add(root);
                    }
                    for (JsonNode zap : zaps) {
                        JsonNode steps = zap.path("steps").isArray() ? zap.get("steps") : zap.path("nodes");
                        for (JsonNode step : steps.values()) {
                            String app = text(step, "app", "selected_api", "app_name", "service");
                            String action = text(step, "action", "action_name", "event");
                            if (app.isEmpty()) {
                                continue;
                            }
                            add(versions, counts, WorkflowFileParser.zapierApp(app) + (action.isEmpty() ? "" : " · " + action), "");
                            credentials.add(WorkflowFileParser.zapierApp(app));
                        }
                    }
                }
                case OTHER -> {
                }
            }
        }
        List<Part> parts = new ArrayList<>();
        versions.forEach((type, v) -> parts.add(new Part(type, Objects.requireNonNull(counts.get(type)), v.stream().filter(s -> !s.isEmpty()).toList())));
        return new Compatibility(parts, List.copyOf(credentials), List.copyOf(packages));
    }

    private static void make(JsonNode flow, Map<String, Set<String>> versions, Map<String, Integer> counts, Set<String> credentials, int depth) {
        if (depth > 20) {
            return;
        }
        for (JsonNode module : flow.values()) {
            String type = module.path("module").asString("");
            if (!type.isBlank()) {
                add(versions, counts, type, module.path("version").isMissingNode() ? "" : module.path("version").asString());
                if (module.path("parameters").has("__IMTCONN__")) {
                    credentials.add(type.contains(":") ? type.substring(0, type.indexOf(':')) : type);
                }
            }
            for (JsonNode route : module.path("routes").values()) {
                make(route.path("flow"), versions, counts, credentials, depth + 1);
            }
        }
    }

    private static void add(Map<String, Set<String>> versions, Map<String, Integer> counts, String type, String version) {
        versions.computeIfAbsent(type, t -> new TreeSet<>()).add(version);
        counts.merge(type, 1, Integer::sum);
    }

    private static String text(JsonNode node, String... fields) {
        for (String field : fields) {
            if (node.path(field).isString() && !node.path(field).asString().isBlank()) {
                return node.path(field).asString();
            }
        }
        return "";
    }
}
