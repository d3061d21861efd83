package app.flowmarket.preview;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import app.flowmarket.moderation.SecretScanner;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A free preview made from an n8n workflow file: the same nodes and connections, but no credentials, no code (each code
 * body is a comment saying so), no value the moderation's secret scanner flags, no address carrying a key in its query,
 * no pinned data; every node that lost something is disabled, so the preview shows how the workflow is built without
 * running the part that was paid for.
 */
public record DerivedPreview(byte[] file, int nodes, int disabledNodes, int credentialsRemoved, int codeRemoved, int valuesRemoved) {

    static final String JS_COMMENT = "// Code removed from the free preview: the full workflow has it.";
    static final String PYTHON_COMMENT = "# Code removed from the free preview: the full workflow has it.";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern CODE_KEY = Pattern.compile("(?i)^(?:jsCode|pythonCode|functionCode|code)$");
    /** An address whose query or user part carries a credential: the whole address goes. */
    private static final Pattern SECRET_URL = Pattern.compile(
            "(?i)https?://[^\\s\"']*(?:[?&#](?:api[_-]?key|apikey|key|token|access[_-]?token|auth|secret|client[_-]?secret|sig|signature|password|pwd|code)=[^&\\s\"'{]{4,}"
                    + "|://[^/\\s:@]+:[^/\\s@]+@)");
    private static final Pattern SECRET_KEY = Pattern.compile(
            "(?i)^(?:x-)?(?:api[_-]?key|apikey|api[_-]?secret|secret|secret[_-]?key|client[_-]?secret|password|passwd|pwd|token"
                    + "|access[_-]?token|auth[_-]?token|bearer[_-]?token|refresh[_-]?token|authorization|private[_-]?key|signing[_-]?secret)$");

    /** Only n8n files are derived; a Make or Zapier preview is uploaded by its seller. */
    public static DerivedPreview of(byte[] original) {
        JsonNode root;
        try {
            root = JSON.readTree(original);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not a workflow file", e);
        }
        Map<String, Set<String>> flagged = new HashMap<>();
        for (SecretScanner.Finding finding : SecretScanner.scan(original)) {
            flagged.computeIfAbsent(finding.node(), n -> new HashSet<>()).add(finding.field());
        }
        ObjectNode preview = NODES.objectNode();
        preview.put("name", root.path("name").asString("Workflow") + " (free preview)");
        ArrayNode nodes = preview.putArray("nodes");
        int[] counts = new int[5];
        for (JsonNode original1 : root.path("nodes").values()) {
            nodes.add(node(original1, flagged, counts));
        }
        preview.set("connections", root.path("connections").isObject() ? root.get("connections").deepCopy() : NODES.objectNode());
        if (root.path("settings").path("executionOrder").isString()) {
            preview.putObject("settings").put("executionOrder", root.path("settings").path("executionOrder").asString());
        }
        int disabled = 0;
        for (JsonNode node : nodes.values()) {
            disabled += node.path("disabled").asBoolean(false) ? 1 : 0;
        }
        return new DerivedPreview(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(preview), nodes.size(), disabled, counts[0],
                counts[1], counts[2]);
    }

    private static ObjectNode node(JsonNode original, Map<String, Set<String>> flagged, int[] counts) {
        ObjectNode node = NODES.objectNode();
        // named fields only: credentials, webhook ids, notes and anything a newer n8n adds stay behind
        for (String field : List.of("id", "name", "type", "typeVersion", "position", "disabled", "alwaysOutputData", "executeOnce",
                "onError", "retryOnFail")) {
            if (original.has(field)) {
                node.set(field, original.get(field).deepCopy());
            }
        }
        String name = original.path("name").asString(original.path("type").asString("node"));
        String type = original.path("type").asString("").toLowerCase(Locale.ROOT);
        boolean codeNode = type.endsWith(".code") || type.endsWith(".function") || type.endsWith(".functionitem")
                || type.endsWith(".pythonfunction") || type.endsWith(".toolcode");
        boolean changed = false;
        if (original.path("credentials").isObject() && !original.path("credentials").isEmpty()) {
            counts[0]++;
            changed = true;
        }
        int[] before = counts.clone();
        JsonNode parameters = original.path("parameters").isObject() ? original.get("parameters") : NODES.objectNode();
        node.set("parameters", clean(parameters, "parameters", "", codeNode, flagged.getOrDefault(name, Set.of()), counts));
        if (counts[1] > before[1] || counts[2] > before[2]) {
            changed = true;
        }
        if (changed && !type.endsWith(".stickynote")) {
            node.put("disabled", true);
        }
        return node;
    }

    private static JsonNode clean(JsonNode value, String path, String key, boolean codeNode, Set<String> flagged, int[] counts) {
        if (value.isObject()) {
            ObjectNode out = NODES.objectNode();
            for (Map.Entry<String, JsonNode> entry : value.properties()) {
                // {"name": "Authorization", "value": "..."}: a header names its own value
                String childKey = "value".equals(entry.getKey()) && value.path("name").isString() ? value.path("name").asString() : entry.getKey();
                out.set(entry.getKey(), clean(entry.getValue(), path + "." + entry.getKey(), childKey, codeNode, flagged, counts));
            }
            return out;
        }
        if (value.isArray()) {
            ArrayNode out = NODES.arrayNode();
            int i = 0;
            for (JsonNode item : value.values()) {
                out.add(clean(item, path + "[" + i++ + "]", key, codeNode, flagged, counts));
            }
            return out;
        }
        if (!value.isString()) {
            if (value.isNumber() && SECRET_KEY.matcher(key).matches()) {
                counts[2]++;
                return NODES.stringNode("");
            }
            return value.deepCopy();
        }
        String text = value.asString();
        if (CODE_KEY.matcher(key).matches() && (codeNode || !key.equals("code")) && !text.isBlank()) {
            counts[1]++;
            return NODES.stringNode(key.toLowerCase(Locale.ROOT).startsWith("python") ? PYTHON_COMMENT : JS_COMMENT);
        }
        boolean literal = !text.startsWith("=") && !text.contains("{{");
        if (flagged.contains(path) || (SECRET_KEY.matcher(key).matches() && literal && !text.isBlank()) || SECRET_URL.matcher(text).find()) {
            counts[2]++;
            return NODES.stringNode("");
        }
        return value.deepCopy();
    }
}
