package app.flowmarket.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The structural diff of two workflow files of the same platform ({@link WorkflowDiff}). n8n nodes are matched by their id
 * (so a renamed node is a rename, not a removal and an addition) or, without ids, by name; Make modules by id; Zapier steps
 * by id or position. Settings are compared leaf by leaf.
 */
public final class WorkflowDiffer {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String MASK = "••••••";
    private static final int MAX_VALUE = 80;
    private static final int MAX_DETAILS = 30;
    private static final Pattern SECRET_KEY = Pattern.compile(
            "(?i).*(api[_-]?key|apikey|secret|password|passwd|token|authorization|private[_-]?key|credential|bearer|cookie).*");
    private static final Pattern SECRET_VALUE = Pattern.compile(
            "\\bsk-[A-Za-z0-9_-]{16,}|\\bxox[abposr]-[A-Za-z0-9-]{10,}|\\bAKIA[0-9A-Z]{16}\\b|\\bgh[pousr]_[A-Za-z0-9]{20,}"
                    + "|\\bAIza[0-9A-Za-z_-]{30,}|\\b(?:sk|rk)_live_[0-9a-zA-Z]{16,}|-----BEGIN [A-Z ]*PRIVATE KEY-----|(?i)\\bbearer\\s+\\S{16,}");

    private WorkflowDiffer() {
    }

    /** A step of a workflow as the diff sees it. */
    record Step(String key, String name, String type, String typeVersion, Map<String, String> settings, Set<String> credentials) {
    }

    record Graph(Map<String, Step> steps, Set<List<String>> connections) {
    }

    public static WorkflowDiff diff(Platform platform, int fromVersion, byte[] older, int toVersion, byte[] newer) {
        Graph before = graph(platform, older);
        Graph after = graph(platform, newer);
        List<WorkflowDiff.Step> added = new ArrayList<>();
        List<WorkflowDiff.Step> removed = new ArrayList<>();
        List<WorkflowDiff.Renamed> renamed = new ArrayList<>();
        List<WorkflowDiff.Step> changed = new ArrayList<>();
        for (Step step : after.steps().values()) {
            Step old = before.steps().get(step.key());
            if (old == null) {
                added.add(new WorkflowDiff.Step(step.name(), step.type(), List.of()));
                continue;
            }
            if (!old.name().equals(step.name())) {
                renamed.add(new WorkflowDiff.Renamed(old.name(), step.name(), step.type()));
            }
            List<String> details = changes(old, step);
            if (!details.isEmpty()) {
                changed.add(new WorkflowDiff.Step(step.name(), step.type(), details));
            }
        }
        for (Step step : before.steps().values()) {
            if (!after.steps().containsKey(step.key())) {
                removed.add(new WorkflowDiff.Step(step.name(), step.type(), List.of()));
            }
        }
        List<String> connectionsAdded = new ArrayList<>();
        List<String> connectionsRemoved = new ArrayList<>();
        for (List<String> edge : after.connections()) {
            if (!before.connections().contains(edge)) {
                connectionsAdded.add(label(after, edge));
            }
        }
        for (List<String> edge : before.connections()) {
            if (!after.connections().contains(edge)) {
                connectionsRemoved.add(label(before, edge));
            }
        }
        return new WorkflowDiff(fromVersion, toVersion, added, removed, renamed, changed, connectionsAdded, connectionsRemoved);
    }

    private static String label(Graph graph, List<String> edge) {
        return nameOf(graph, edge.get(0)) + " → " + nameOf(graph, edge.get(1));
    }

    private static String nameOf(Graph graph, String key) {
        Step step = graph.steps().get(key);
        return step == null ? key : step.name();
    }

    private static List<String> changes(Step old, Step now) {
        List<String> details = new ArrayList<>();
        if (!old.type().equals(now.type())) {
            details.add("type: " + old.type() + " → " + now.type());
        }
        if (!old.typeVersion().equals(now.typeVersion())) {
            details.add("typeVersion: " + old.typeVersion() + " → " + now.typeVersion());
        }
        for (Map.Entry<String, String> e : now.settings().entrySet()) {
            String before = old.settings().get(e.getKey());
            if (before == null) {
                details.add("+ " + e.getKey() + " = " + shown(e.getValue()));
            } else if (!before.equals(e.getValue())) {
                // a masked value that changed says so without showing either side
                details.add(e.getKey() + ": " + (masked(before) && masked(e.getValue()) ? MASK + " (changed)"
                        : shown(before) + " → " + shown(e.getValue())));
            }
        }
        for (String key : old.settings().keySet()) {
            if (!now.settings().containsKey(key)) {
                details.add("− " + key);
            }
        }
        for (String credential : now.credentials()) {
            if (!old.credentials().contains(credential)) {
                details.add("+ credential " + credential);
            }
        }
        for (String credential : old.credentials()) {
            if (!now.credentials().contains(credential)) {
                details.add("− credential " + credential);
            }
        }
        if (details.size() > MAX_DETAILS) {
            int more = details.size() - MAX_DETAILS;
            details = new ArrayList<>(details.subList(0, MAX_DETAILS));
            details.add("… +" + more);
        }
        return details;
    }

    // ---- reading the files ---------------------------------------------------------------------------

    static Graph graph(Platform platform, byte[] file) {
        JsonNode root;
        try {
            root = JSON.readTree(file);
        } catch (JacksonException e) {
            return new Graph(Map.of(), Set.of());
        }
        if (root == null || !root.isObject()) {
            return new Graph(Map.of(), Set.of());
        }
        return switch (platform) {
            case N8N -> n8n(root);
            case MAKE -> make(root);
            case ZAPIER -> zapier(root);
            case OTHER -> new Graph(Map.of(), Set.of());
        };
    }

    private static Graph n8n(JsonNode root) {
        Map<String, Step> steps = new LinkedHashMap<>();
        Map<String, String> keyByName = new LinkedHashMap<>();
        for (JsonNode node : root.path("nodes").values()) {
            String name = node.path("name").asString("");
            String type = node.path("type").asString("");
            if (type.endsWith(".stickyNote")) {
                continue;
            }
            String id = node.path("id").asString("");
            String key = id.isBlank() ? "name:" + name : id;
            Map<String, String> settings = new LinkedHashMap<>();
            flatten(node.path("parameters"), "", settings, false);
            if (node.path("disabled").asBoolean(false)) {
                settings.put("disabled", "true");
            }
            Set<String> credentials = new LinkedHashSet<>();
            node.path("credentials").propertyNames().forEach(credentials::add);
            steps.put(key, new Step(key, name.isBlank() ? type : name, type, version(node.path("typeVersion")), settings, credentials));
            keyByName.put(name, key);
        }
        Set<List<String>> connections = new LinkedHashSet<>();
        for (Map.Entry<String, JsonNode> source : root.path("connections").properties()) {
            String from = keyByName.getOrDefault(source.getKey(), "name:" + source.getKey());
            for (JsonNode outputs : source.getValue().values()) {
                for (JsonNode output : outputs.values()) {
                    for (JsonNode target : output.values()) {
                        String to = target.path("node").asString("");
                        if (!to.isBlank()) {
                            connections.add(List.of(from, keyByName.getOrDefault(to, "name:" + to)));
                        }
                    }
                }
            }
        }
        return new Graph(steps, connections);
    }

    private static Graph make(JsonNode root) {
        Map<String, Step> steps = new LinkedHashMap<>();
        Set<List<String>> connections = new LinkedHashSet<>();
        makeFlow(root.path("flow"), null, steps, connections, 0);
        return new Graph(steps, connections);
    }

    private static void makeFlow(JsonNode flow, @Nullable String before, Map<String, Step> steps, Set<List<String>> connections, int depth) {
        String previous = before;
        if (depth > 20) {
            return;
        }
        for (JsonNode module : flow.values()) {
            String type = module.path("module").asString("");
            String key = module.path("id").isMissingNode() ? "pos:" + steps.size() : "id:" + module.path("id").asString();
            String label = module.path("metadata").path("designer").path("name").asString("");
            String name = (label.isBlank() ? type : label) + " (" + module.path("id").asString("?") + ")";
            Map<String, String> settings = new LinkedHashMap<>();
            flatten(module.path("parameters"), "", settings, false);
            flatten(module.path("mapper"), "mapper", settings, false);
            Set<String> credentials = new LinkedHashSet<>();
            if (module.path("parameters").has("__IMTCONN__")) {
                credentials.add(type.contains(":") ? type.substring(0, type.indexOf(':')) : type);
                settings.remove("__IMTCONN__");
            }
            steps.put(key, new Step(key, name, type, version(module.path("version")), settings, credentials));
            if (previous != null) {
                connections.add(List.of(previous, key));
            }
            for (JsonNode route : module.path("routes").values()) {
                makeFlow(route.path("flow"), key, steps, connections, depth + 1);
            }
            previous = key;
        }
    }

    private static Graph zapier(JsonNode root) {
        List<JsonNode> zaps = new ArrayList<>();
        if (root.path("zaps").isArray()) {
            zaps.addAll(root.get("zaps").values());
        } else {
            zaps.add(root);
        }
        Map<String, Step> steps = new LinkedHashMap<>();
        Set<List<String>> connections = new LinkedHashSet<>();
        int zapIndex = 0;
        for (JsonNode zap : zaps) {
            zapIndex++;
            JsonNode list = zap.path("steps").isArray() ? zap.get("steps") : zap.path("nodes");
            String previous = null;
            int position = 0;
            for (JsonNode step : list.values()) {
                position++;
                String api = first(step, "app", "selected_api", "app_name", "service");
                String action = first(step, "action", "action_name", "event");
                String title = first(step, "title", "name");
                String id = first(step, "id");
                String key = id != null ? "id:" + id : "zap" + zapIndex + ":" + position;
                String type = (api == null ? "?" : api) + (action == null ? "" : ":" + action);
                Map<String, String> settings = new LinkedHashMap<>();
                flatten(step.path("params"), "", settings, false);
                Set<String> credentials = new LinkedHashSet<>();
                String auth = first(step, "authentication_id", "auth_id");
                if (auth != null && api != null) {
                    credentials.add(api);
                }
                steps.put(key, new Step(key, title != null ? title : type, type, "", settings, credentials));
                String parent = first(step, "parent_id");
                String from = parent != null ? "id:" + parent : previous;
                if (from != null) {
                    connections.add(List.of(from, key));
                }
                previous = key;
            }
        }
        return new Graph(steps, connections);
    }

    private static @Nullable String first(JsonNode node, String... fields) {
        for (String field : fields) {
            JsonNode value = node.path(field);
            if (value.isString() && !value.asString().isBlank()) {
                return value.asString();
            }
            if (value.isNumber()) {
                return value.asString();
            }
        }
        return null;
    }

    private static String version(JsonNode value) {
        return value.isMissingNode() || value.isNull() ? "" : value.asString();
    }

    /** Settings as leaf paths ({@code options.retries}, {@code rules[0].value}); secrets masked. */
    private static void flatten(JsonNode value, String path, Map<String, String> into, boolean secret) {
        if (into.size() > 500 || value.isMissingNode()) {
            return;
        }
        if (value.isObject()) {
            for (Map.Entry<String, JsonNode> e : value.properties()) {
                String child = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                flatten(e.getValue(), child, into, secret || SECRET_KEY.matcher(e.getKey()).matches());
            }
        } else if (value.isArray()) {
            int i = 0;
            for (JsonNode item : value.values()) {
                flatten(item, path + "[" + i++ + "]", into, secret);
            }
            if (i == 0) {
                into.put(path, "[]");
            }
        } else if (!path.isEmpty()) {
            String text = value.isString() ? value.asString() : value.toString();
            into.put(path, secret || SECRET_VALUE.matcher(text).find() ? mask(text) : quote(text));
        }
    }

    /** A masked value keeps a digest of the secret, so a change is seen; the digest is never shown. */
    private static String mask(String text) {
        return MASK + "#" + app.flowmarket.shared.Tokens.sha256Hex(text);
    }

    private static boolean masked(String value) {
        return value.startsWith(MASK);
    }

    private static String shown(String value) {
        return masked(value) ? MASK : value;
    }

    private static String quote(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return "“" + (oneLine.length() > MAX_VALUE ? oneLine.substring(0, MAX_VALUE) + "…" : oneLine) + "”";
    }
}
