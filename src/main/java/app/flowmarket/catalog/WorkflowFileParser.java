package app.flowmarket.catalog;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import app.flowmarket.shared.DomainException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Validates an uploaded workflow file against its platform's export format and extracts its nodes,
 * the integrations it uses and values that look like leaked secrets. Every rejection names the problem
 * with a message key (and arguments) a person can act on.
 */
public final class WorkflowFileParser {

    public static final int MAX_BYTES = 5 * 1024 * 1024;

    private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build())
                    .build())
            .build();

    /** n8n nodes that are logic, not an outside service. */
    private static final Set<String> N8N_CORE = Set.of("stickynote", "noop", "set", "if", "stopanderror", "manualtrigger",
            "code", "merge", "splitout", "scheduletrigger", "webhook", "switch", "html", "wait", "aggregate", "filter",
            "splitinbatches", "function", "functionitem", "respondtowebhook", "executeworkflow", "executeworkflowtrigger",
            "cron", "itemlists", "limit", "extractfromfile", "readwritefile", "converttofile", "form", "formtrigger",
            "spreadsheetfile", "datetime", "sort", "movebinarydata", "markdown", "start", "interval", "removeduplicates",
            "renamekeys", "summarize", "comparedatasets", "xml", "crypto", "errortrigger", "n8ntrigger", "executecommand",
            "httprequest", "readbinaryfile", "readbinaryfiles", "writebinaryfile", "editimage", "compression", "emailsend",
            "emailreadimap", "localfiletrigger", "workflowtrigger", "debughelper", "totp", "jwt", "ssh", "ftp", "graphql",
            "rsstrigger", "rssfeedread", "evaluationtrigger", "evaluation", "executiondata", "simulate", "simulatetrigger",
            "agent", "chainllm", "chainsummarization", "chainretrievalqa", "memorybufferwindow", "outputparserstructured",
            "outputparserautofixing", "outputparseritemlist", "toolworkflow", "toolcode", "toolhttprequest", "toolcalculator",
            "toolthink", "informationextractor", "sentimentanalysis", "textclassifier", "chattrigger", "manualchattrigger",
            "mcptrigger", "mcpclienttool", "vectorstoreinmemory", "memorymanager", "documentdefaultdataloader",
            "documentbinaryinputloader", "textsplitterrecursivecharactertextsplitter", "textsplittercharactertextsplitter",
            "textsplittertokensplitter", "retrievervectorstore", "toolvectorstore", "chat", "n8n", "openaiassistant",
            "agenttool", "modelselector", "guardrails", "htmlextract", "mcpclient", "n8ntrainingcustomerdatastore",
            "n8ntrainingcustomermessenger", "stickynotes");

    private static final List<Pattern> SECRET_VALUES = List.of(
            Pattern.compile("\\bsk-(?:proj-|ant-)?[A-Za-z0-9_-]{20,}"),
            Pattern.compile("\\bxox[abposr]-[A-Za-z0-9-]{10,}"),
            Pattern.compile("\\bAKIA[0-9A-Z]{16}\\b"),
            Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{30,}"),
            Pattern.compile("\\bAIza[0-9A-Za-z_-]{35}\\b"),
            Pattern.compile("\\b(?:sk|rk)_live_[0-9a-zA-Z]{16,}"),
            Pattern.compile("-----BEGIN (?:RSA |EC |OPENSSH )?PRIVATE KEY-----"),
            Pattern.compile("\\b\\d{8,10}:AA[0-9A-Za-z_-]{33}\\b"),
            Pattern.compile("(?i)\\bbearer\\s+[A-Za-z0-9._~+/-]{24,}"));
    private static final Pattern SECRET_KEY_NAME = Pattern.compile(
            "(?i)^(api[_-]?key|apikey|secret|client[_-]?secret|password|passwd|token|access[_-]?token|auth[_-]?token|authorization|private[_-]?key|x-api-key)$");
    private static final Pattern CAMEL = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])");

    private WorkflowFileParser() {
    }

    public static ParsedWorkflow parse(Platform platform, byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new DomainException("workflow.file.empty");
        }
        if (bytes.length > MAX_BYTES) {
            throw new DomainException("workflow.file.too-large", MAX_BYTES / (1024 * 1024));
        }
        String text = utf8(bytes);
        if (platform == Platform.OTHER) {
            return parseOther(text);
        }
        JsonNode root = json(text);
        return switch (platform) {
            case N8N -> parseN8n(root);
            case MAKE -> parseMake(root);
            case ZAPIER -> parseZapier(root);
            case OTHER -> throw new IllegalStateException();
        };
    }

    private static ParsedWorkflow parseN8n(JsonNode root) {
        if (!root.isObject()) {
            throw new DomainException("workflow.file.n8n.not-object");
        }
        JsonNode nodes = root.get("nodes");
        if (nodes == null || !nodes.isArray()) {
            throw new DomainException("workflow.file.n8n.no-nodes");
        }
        JsonNode connections = root.get("connections");
        if (connections == null || !connections.isObject()) {
            throw new DomainException("workflow.file.n8n.no-connections");
        }
        List<ParsedWorkflow.Node> parsed = new ArrayList<>();
        Set<String> integrations = new FlowOrder();
        List<String> warnings = new ArrayList<>();
        int index = 0;
        for (JsonNode node : nodes.values()) {
            index++;
            if (!node.isObject() || !node.path("type").isString() || node.path("type").stringValue().isBlank()) {
                throw new DomainException("workflow.file.n8n.bad-node", index);
            }
            String type = node.path("type").stringValue();
            String name = node.path("name").isString() ? node.path("name").stringValue() : type;
            parsed.add(new ParsedWorkflow.Node(name, type));
            scanSecrets(name, node.path("parameters"), "", warnings);
        }
        for (JsonNode node : inCanvasOrder(nodes)) {
            n8nIntegration(node.path("type").stringValue()).ifPresent(integrations::add);
        }
        if (parsed.stream().allMatch(n -> n.type().endsWith(".stickyNote"))) {
            throw new DomainException("workflow.file.no-steps");
        }
        return new ParsedWorkflow(Platform.N8N, text(root, "name"), parsed, List.copyOf(integrations), limit(warnings));
    }

    /**
     * n8n draws a workflow left to right (sub-nodes such as a chat model below their agent), so the nodes
     * sorted by their position read in the order the data flows; nodes without a position keep their place at the end.
     */
    private static List<JsonNode> inCanvasOrder(JsonNode nodes) {
        List<JsonNode> ordered = new ArrayList<>(nodes.values());
        ordered.sort(java.util.Comparator.comparingDouble((JsonNode n) -> coordinate(n, 0)).thenComparingDouble(n -> coordinate(n, 1)));
        return ordered;
    }

    private static double coordinate(JsonNode node, int axis) {
        JsonNode position = node.path("position");
        return position.isArray() && position.size() > axis && position.get(axis).isNumber()
                ? position.get(axis).doubleValue() : Double.MAX_VALUE;
    }

    /** The apps in the order the workflow uses them first, each once whatever its spelling's case. */
    private static final class FlowOrder extends java.util.AbstractSet<String> {

        private final java.util.LinkedHashMap<String, String> seen = new java.util.LinkedHashMap<>();

        @Override
        public boolean add(String app) {
            return seen.putIfAbsent(app.toLowerCase(Locale.ROOT), app) == null;
        }

        @Override
        public java.util.Iterator<String> iterator() {
            return seen.values().iterator();
        }

        @Override
        public int size() {
            return seen.size();
        }
    }

    public static java.util.Optional<String> n8nIntegration(String type) {
        int dot = type.lastIndexOf('.');
        String local = dot >= 0 ? type.substring(dot + 1) : type;
        String key = local.toLowerCase(Locale.ROOT);
        if (N8N_CORE.contains(key)) {
            return java.util.Optional.empty();
        }
        String stripped = local
                .replaceFirst("^(lmChat|lm|embeddings|vectorStore|memory)(?=[A-Z])", "")
                .replaceFirst("(Trigger|Tool|Api)$", "")
                .replaceFirst("(Trigger|Tool)$", "");
        if (stripped.isEmpty() || N8N_CORE.contains(stripped.toLowerCase(Locale.ROOT))) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(humanise(stripped));
    }

    private static ParsedWorkflow parseMake(JsonNode root) {
        if (!root.isObject() || !root.path("flow").isArray()) {
            throw new DomainException("workflow.file.make.no-flow");
        }
        List<ParsedWorkflow.Node> parsed = new ArrayList<>();
        Set<String> integrations = new FlowOrder();
        List<String> warnings = new ArrayList<>();
        walkMakeFlow(root.get("flow"), parsed, integrations, warnings, 0);
        if (parsed.isEmpty()) {
            throw new DomainException("workflow.file.no-steps");
        }
        return new ParsedWorkflow(Platform.MAKE, text(root, "name"), parsed, List.copyOf(integrations), limit(warnings));
    }

    private static void walkMakeFlow(JsonNode flow, List<ParsedWorkflow.Node> parsed, Set<String> integrations,
                                     List<String> warnings, int depth) {
        if (depth > 50) {
            throw new DomainException("workflow.file.too-deep");
        }
        for (JsonNode module : flow.values()) {
            String id = module.path("module").isString() ? module.path("module").stringValue() : "";
            if (!module.isObject() || !id.contains(":")) {
                throw new DomainException("workflow.file.make.bad-module", parsed.size() + 1);
            }
            String app = id.substring(0, id.indexOf(':'));
            parsed.add(new ParsedWorkflow.Node(id, id));
            if (!Set.of("builtin", "util", "flow-control", "json", "regexp", "placeholder", "gateway", "http", "text",
                    "math", "datastore", "tools", "csv", "xml").contains(app.toLowerCase(Locale.ROOT))) {
                integrations.add(humanise(app.replace('-', ' ')));
            }
            scanSecrets(id, module.path("parameters"), "", warnings);
            scanSecrets(id, module.path("mapper"), "", warnings);
            for (JsonNode route : module.path("routes").values()) {
                if (route.path("flow").isArray()) {
                    walkMakeFlow(route.get("flow"), parsed, integrations, warnings, depth + 1);
                }
            }
        }
    }

    private static ParsedWorkflow parseZapier(JsonNode root) {
        List<JsonNode> zaps = new ArrayList<>();
        if (root.isObject() && root.path("zaps").isArray()) {
            zaps.addAll(root.get("zaps").values());
        } else if (root.isObject() && (root.has("steps") || root.has("nodes"))) {
            zaps.add(root);
        } else {
            throw new DomainException("workflow.file.zapier.no-zaps");
        }
        List<ParsedWorkflow.Node> parsed = new ArrayList<>();
        Set<String> integrations = new FlowOrder();
        List<String> warnings = new ArrayList<>();
        String name = null;
        for (JsonNode zap : zaps) {
            if (name == null) {
                name = text(zap, "title") != null ? text(zap, "title") : text(zap, "name");
            }
            JsonNode steps = zap.path("steps").isArray() ? zap.get("steps")
                    : zap.path("nodes").isObject() || zap.path("nodes").isArray() ? zap.get("nodes") : null;
            if (steps == null) {
                throw new DomainException("workflow.file.zapier.no-steps");
            }
            for (JsonNode step : steps.values()) {
                String api = firstText(step, "app", "selected_api", "app_name", "service");
                if (!step.isObject() || api == null) {
                    throw new DomainException("workflow.file.zapier.bad-step", parsed.size() + 1);
                }
                String action = firstText(step, "action", "action_name", "event");
                String title = firstText(step, "title", "name");
                parsed.add(new ParsedWorkflow.Node(title != null ? title : api, api + (action == null ? "" : ":" + action)));
                String app = zapierApp(api);
                if (!Set.of("filter", "formatter", "delay", "paths", "code", "webhook", "webhooks", "schedule", "storage",
                        "looping", "digest", "sub-zap", "path").contains(app.toLowerCase(Locale.ROOT))) {
                    integrations.add(app);
                }
                scanSecrets(title != null ? title : api, step.path("params"), "", warnings);
            }
        }
        if (parsed.isEmpty()) {
            throw new DomainException("workflow.file.no-steps");
        }
        return new ParsedWorkflow(Platform.ZAPIER, name, parsed, List.copyOf(integrations), limit(warnings));
    }

    public static String zapierApp(String api) {
        String app = api.replaceFirst("@.*$", "")
                .replaceFirst("(CLI)?API$", "")
                .replaceFirst("V\\d+$", "")
                .replaceFirst("(CLI)?API$", "");
        return humanise(app.isEmpty() ? api : app);
    }

    private static ParsedWorkflow parseOther(String text) {
        List<String> warnings = new ArrayList<>();
        try {
            scanSecrets("file", JSON.readTree(text), "", warnings);
        } catch (JacksonException notJson) {
            for (Pattern pattern : SECRET_VALUES) {
                if (pattern.matcher(text).find()) {
                    warnings.add("file: a value looks like an API key or token");
                    break;
                }
            }
        }
        return new ParsedWorkflow(Platform.OTHER, null, List.of(), List.of(), limit(warnings));
    }

    private static void scanSecrets(String nodeName, JsonNode value, String key, List<String> warnings) {
        if (value == null || value.isMissingNode() || warnings.size() > 50) {
            return;
        }
        if (value.isObject()) {
            for (Map.Entry<String, JsonNode> entry : value.properties()) {
                scanSecrets(nodeName, entry.getValue(), entry.getKey(), warnings);
            }
        } else if (value.isArray()) {
            for (JsonNode item : value.values()) {
                scanSecrets(nodeName, item, key, warnings);
            }
        } else if (value.isString()) {
            String text = value.stringValue();
            boolean expression = text.startsWith("=") || text.contains("{{");
            boolean secretByName = SECRET_KEY_NAME.matcher(key).matches() && !expression && text.strip().length() >= 8;
            boolean secretByShape = SECRET_VALUES.stream().anyMatch(p -> p.matcher(text).find());
            if (secretByName || secretByShape) {
                warnings.add(nodeName + ": " + (key.isEmpty() ? "a value" : "\"" + key + "\"") + " looks like a secret");
            }
        }
    }

    private static String humanise(String identifier) {
        java.util.Optional<Apps.App> known = Apps.known(identifier);
        if (known.isPresent()) {
            return known.get().name();
        }
        String[] words = CAMEL.split(identifier.strip());
        StringBuilder out = new StringBuilder();
        for (String word : words) {
            for (String part : word.split("[\\s_]+")) {
                if (part.isEmpty()) {
                    continue;
                }
                if (!out.isEmpty()) {
                    out.append(' ');
                }
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString();
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? "?" : e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr();
            throw new DomainException("workflow.file.not-json", where);
        }
    }

    private static String utf8(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new DomainException("workflow.file.not-text");
        }
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isString() && !value.stringValue().isBlank() ? value.stringValue() : null;
    }

    private static @Nullable String firstText(JsonNode node, String... fields) {
        for (String field : fields) {
            String value = text(node, field);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static List<String> limit(List<String> warnings) {
        return warnings.size() <= 20 ? List.copyOf(warnings) : List.copyOf(warnings.subList(0, 20));
    }
}
