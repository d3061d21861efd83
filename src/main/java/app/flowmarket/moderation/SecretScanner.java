package app.flowmarket.moderation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds secrets left in an exported workflow before it is published: provider keys and tokens by their shape (AWS,
 * Stripe, Slack, GitHub, OpenAI, Google, Telegram, private keys, JWTs), private webhook addresses, passwords and
 * tokens typed into fields named like them, long random-looking values (by entropy), and code nodes that call hosts
 * nobody knows. Each finding names the node and the field, and shows the value masked, never whole.
 *
 * <p>It reads n8n exports (nodes with parameters), Make blueprints (modules with parameters and mappers, routes
 * included) and anything else as a plain JSON tree. n8n expressions ({@code ={{ $credentials.key }}}), placeholders
 * ({@code YOUR_API_KEY}, {@code <token>}) and the credentials references of n8n (an id and a name, no secret) are
 * not secrets.
 */
public final class SecretScanner {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What was found where. {@code node} is the node's (or module's) name, {@code field} the path inside it. */
    public record Finding(String kind, String node, String field, String evidence) {
    }

    private record Shape(String kind, Pattern pattern) {
    }

    private static final List<Shape> SHAPES = List.of(
            new Shape("aws-access-key", Pattern.compile("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b")),
            new Shape("stripe-key", Pattern.compile("\\b(?:sk|rk)_(?:live|test)_[0-9A-Za-z]{16,}")),
            new Shape("stripe-webhook-secret", Pattern.compile("\\bwhsec_[0-9A-Za-z]{24,}")),
            new Shape("slack-token", Pattern.compile("\\bxox[abposr]-[0-9A-Za-z-]{10,}")),
            new Shape("github-token", Pattern.compile("\\b(?:gh[pousr]_[0-9A-Za-z]{36,}|github_pat_[0-9A-Za-z_]{22,})")),
            new Shape("openai-key", Pattern.compile("\\bsk-(?:proj-|ant-|svcacct-)?[0-9A-Za-z_-]{20,}")),
            new Shape("google-api-key", Pattern.compile("\\bAIza[0-9A-Za-z_-]{35}")),
            new Shape("telegram-bot-token", Pattern.compile("\\b\\d{8,10}:AA[0-9A-Za-z_-]{33}\\b")),
            new Shape("private-key", Pattern.compile("-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----")),
            new Shape("jwt", Pattern.compile("\\beyJ[0-9A-Za-z_-]{10,}\\.eyJ[0-9A-Za-z_-]{10,}\\.[0-9A-Za-z_-]{10,}")),
            new Shape("password-in-url", Pattern.compile("\\b[a-z][a-z0-9+.-]*://[^/\\s:@'\"]+:[^/\\s@'\"{}]{3,}@[^\\s'\"]+")),
            new Shape("private-webhook", Pattern.compile(
                    "https://(?:hooks\\.slack\\.com/(?:services|workflows)/[0-9A-Za-z/_-]{20,}"
                            + "|(?:ptb\\.|canary\\.)?discord(?:app)?\\.com/api/webhooks/\\d+/[0-9A-Za-z_-]{20,}"
                            + "|hooks\\.zapier\\.com/hooks/catch/[0-9A-Za-z/]+"
                            + "|hook\\.[a-z0-9]+\\.make\\.com/[0-9A-Za-z]{16,}"
                            + "|webhook\\.site/[0-9a-f-]{36}"
                            + "|[0-9A-Za-z.-]+\\.app\\.n8n\\.cloud/webhook(?:-test)?/[^\\s'\"]+"
                            + "|outlook\\.office\\.com/webhook/[^\\s'\"]+|[0-9A-Za-z-]+\\.webhook\\.office\\.com/[^\\s'\"]+)")),
            new Shape("bearer-token", Pattern.compile("\\bBearer\\s+(?!\\{\\{|<|\\$)[0-9A-Za-z._~+/=-]{20,}")));

    /** Field names that hold a secret when they hold a literal value. */
    private static final Pattern SECRET_FIELD = Pattern.compile(
            "(?i)^(?:x-)?(?:api[_-]?key|apikey|api[_-]?secret|secret|secret[_-]?key|client[_-]?secret|password|passwd|pwd|pass|token"
                    + "|access[_-]?token|auth[_-]?token|bearer[_-]?token|refresh[_-]?token|authorization|private[_-]?key|signing[_-]?secret"
                    + "|webhook[_-]?secret|app[_-]?secret|consumer[_-]?secret|session[_-]?token)$");

    /** Fields whose values are ids, never secrets, however random they look. */
    private static final Set<String> ID_FIELDS = Set.of("id", "webhookid", "instanceid", "versionid", "nodeid", "workflowid", "documentid",
            "sheetid", "spreadsheetid", "folderid", "fileid", "channelid", "databaseid", "pageid", "listid", "boardid", "tableid", "baseid",
            "calendarid", "chatid", "model", "cachedresultname", "cachedresulturl", "value", "__rl");

    private static final Pattern PLACEHOLDER = Pattern.compile(
            "(?i).*\\b(?:your|insert|replace|enter|paste)[ _-].*|.*(?:_here|here_)$|<[^>]+>|\\[[^]]+]|x{4,}|\\*{4,}|\\.{3,}|(?:test|demo|example|sample|dummy|changeme|placeholder|secret|password|token|none|null|undefined)");
    private static final Pattern CODE_FIELDS = Pattern.compile("(?i)^(?:jsCode|pythonCode|functionCode|code)$");
    private static final Pattern URL_HOST = Pattern.compile("https?://([0-9A-Za-z.-]+)");
    private static final Pattern TOKEN_CHARS = Pattern.compile("^[0-9A-Za-z+/=_.~-]+$");

    /** Hosts a code node may call without a flag: the well-known APIs workflows are built on. */
    private static final Set<String> KNOWN_HOSTS = Set.of("api.openai.com", "api.anthropic.com", "api.github.com", "slack.com", "api.slack.com",
            "www.googleapis.com", "googleapis.com", "sheets.googleapis.com", "graph.microsoft.com", "api.notion.com", "api.airtable.com",
            "api.hubspot.com", "api.stripe.com", "api.telegram.org", "discord.com", "api.twitter.com", "api.x.com", "api.linkedin.com",
            "graph.facebook.com", "api.trello.com", "api.clickup.com", "api.todoist.com", "api.pipedrive.com", "api.mailchimp.com",
            "api.sendgrid.com", "api.twilio.com", "api.shopify.com", "api.dropboxapi.com", "api.box.com", "api.zoom.us", "api.asana.com",
            "example.com", "www.example.com", "localhost", "schema.org", "www.w3.org", "n8n.io", "docs.n8n.io", "github.com",
            "raw.githubusercontent.com", "en.wikipedia.org", "www.google.com", "api.perplexity.ai", "generativelanguage.googleapis.com",
            "api.mistral.ai", "api.groq.com", "openrouter.ai", "api.deepseek.com", "huggingface.co", "api-inference.huggingface.co");

    private SecretScanner() {
    }

    /** Scans a workflow file; an unreadable file has no findings (the format check refuses it elsewhere). */
    public static List<Finding> scan(byte[] file) {
        JsonNode root;
        try {
            root = JSON.readTree(file);
        } catch (JacksonException e) {
            return List.of();
        }
        Set<Finding> findings = new LinkedHashSet<>();
        if (root.path("nodes").isArray()) {
            for (JsonNode node : root.path("nodes")) {
                String name = node.path("name").asString(node.path("type").asString("node"));
                walk(findings, name, "parameters", node.path("parameters"), "", isCodeNode(node.path("type").asString("")));
                // n8n's credentials are references ({id, name}); anything else typed there is a secret in the file
                walk(findings, name, "credentials", node.path("credentials"), "", false);
            }
            // pinned data: real responses saved with the workflow, which may hold tokens too
            walk(findings, "pinData", "pinData", root.path("pinData"), "", false);
        } else if (root.path("flow").isArray()) {
            scanMakeFlow(findings, root.path("flow"));
        } else {
            walk(findings, "file", "", root, "", false);
        }
        return List.copyOf(findings);
    }

    private static void scanMakeFlow(Set<Finding> findings, JsonNode flow) {
        for (JsonNode module : flow) {
            String name = module.path("metadata").path("designer").path("name").asString(null);
            if (name == null) {
                name = module.path("module").asString("module") + " #" + module.path("id").asString("?");
            }
            walk(findings, name, "parameters", module.path("parameters"), "", false);
            walk(findings, name, "mapper", module.path("mapper"), "", false);
            for (JsonNode route : module.path("routes")) {
                scanMakeFlow(findings, route.path("flow"));
            }
        }
    }

    private static boolean isCodeNode(String type) {
        String lower = type.toLowerCase(Locale.ROOT);
        return lower.endsWith(".code") || lower.endsWith(".function") || lower.endsWith(".functionitem") || lower.endsWith(".pythonfunction");
    }

    private static void walk(Set<Finding> findings, String node, String path, @Nullable JsonNode value, String key, boolean codeNode) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return;
        }
        if (value.isObject()) {
            if (path.startsWith("credentials") && isCredentialReference(value)) {
                return;
            }
            // {"name": "Authorization", "value": "Bearer ..."}: a header or query parameter names its own value
            String namedKey = value.has("name") && value.has("value") && value.path("name").isString() ? value.path("name").asString() : null;
            for (Map.Entry<String, JsonNode> entry : value.properties()) {
                String childKey = "value".equals(entry.getKey()) && namedKey != null ? namedKey : entry.getKey();
                walk(findings, node, path.isEmpty() ? entry.getKey() : path + "." + entry.getKey(), entry.getValue(), childKey, codeNode);
            }
        } else if (value.isArray()) {
            int i = 0;
            for (JsonNode item : value) {
                walk(findings, node, path + "[" + i++ + "]", item, key, codeNode);
            }
        } else if (value.isString()) {
            check(findings, node, path, key, value.asString(), codeNode);
        } else if (value.isNumber() && SECRET_FIELD.matcher(key).matches() && value.asString().length() >= 8) {
            findings.add(new Finding("secret-field", node, path, mask(value.asString())));
        }
    }

    private static boolean isCredentialReference(JsonNode value) {
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            if (!Set.of("id", "name").contains(entry.getKey())) {
                return false;
            }
        }
        return true;
    }

    private static void check(Set<Finding> findings, String node, String path, String key, String text, boolean codeNode) {
        boolean found = false;
        for (Shape shape : SHAPES) {
            Matcher m = shape.pattern().matcher(text);
            while (m.find()) {
                String match = m.group();
                if (!isPlaceholder(match.replaceFirst("^Bearer\\s+", "")) && !match.contains("{{")) {
                    findings.add(new Finding(shape.kind(), node, path, mask(match)));
                    found = true;
                }
            }
        }
        if (found) {
            return;
        }
        String value = text.strip();
        if (isExpression(value) || isPlaceholder(value)) {
            return;
        }
        String bareKey = key.toLowerCase(Locale.ROOT);
        if (SECRET_FIELD.matcher(key).matches() && value.length() >= 8 && !value.contains(" ")) {
            findings.add(new Finding("secret-field", node, path, mask(value)));
            return;
        }
        if (codeNode && CODE_FIELDS.matcher(key).matches()) {
            Matcher url = URL_HOST.matcher(value);
            Set<String> hosts = new LinkedHashSet<>();
            while (url.find()) {
                String host = url.group(1).toLowerCase(Locale.ROOT);
                if (!KNOWN_HOSTS.contains(host) && !host.endsWith(".example.com") && !host.startsWith("{{")) {
                    hosts.add(host);
                }
            }
            hosts.forEach(host -> findings.add(new Finding("code-unknown-host", node, path, host)));
            return;
        }
        if (!ID_FIELDS.contains(bareKey) && !isIdField(bareKey) && !PROVIDER_ID.matcher(value).find() && looksRandom(value)) {
            findings.add(new Finding("high-entropy", node, path, mask(value)));
        }
    }

    /** folderId, file_ids, parents (Google Drive's folder ids): ids, however random they look. */
    private static boolean isIdField(String key) {
        return key.endsWith("id") || key.endsWith("ids") || key.equals("parents") || key.startsWith("folder");
    }

    /** The ids OpenAI gives assistants, files, threads and vector stores. */
    private static final Pattern PROVIDER_ID = Pattern.compile("^(?:asst_|file-|thread_|msg_|run_|vs_)");

    private static boolean isExpression(String value) {
        return value.startsWith("=") || value.contains("{{") || value.startsWith("$");
    }

    static boolean isPlaceholder(String value) {
        String bare = value.strip().replaceAll("^[\"']|[\"']$", "");
        return PLACEHOLDER.matcher(bare).matches() || bare.chars().distinct().count() <= 3;
    }

    /**
     * A token-like value of 24 or more characters (no spaces, letters and digits mixed) whose characters are spread
     * like random ones: at least 4.2 bits each, above what words, ids in hex and UUIDs reach.
     */
    static boolean looksRandom(String value) {
        if (value.length() < 24 || value.length() > 512 || !TOKEN_CHARS.matcher(value).matches()) {
            return false;
        }
        if (value.matches("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}") || value.contains("/") && value.contains(".")) {
            return false;
        }
        boolean letters = value.chars().anyMatch(Character::isLetter);
        boolean digits = value.chars().anyMatch(Character::isDigit);
        boolean upper = value.chars().anyMatch(Character::isUpperCase);
        boolean lower = value.chars().anyMatch(Character::isLowerCase);
        return letters && digits && upper && lower && entropy(value) >= 4.2;
    }

    static double entropy(String value) {
        int[] counts = new int[128];
        int other = 0;
        for (char c : value.toCharArray()) {
            if (c < 128) {
                counts[c]++;
            } else {
                other++;
            }
        }
        double bits = 0;
        for (int count : counts) {
            if (count > 0) {
                double p = (double) count / value.length();
                bits -= p * (Math.log(p) / Math.log(2));
            }
        }
        if (other > 0) {
            double p = (double) other / value.length();
            bits -= p * (Math.log(p) / Math.log(2));
        }
        return bits;
    }

    /** The first four and last two characters, the rest as dots: enough to recognise the key, not to use it. */
    static String mask(String value) {
        if (value.length() <= 8) {
            return "•".repeat(value.length());
        }
        return value.substring(0, 4) + "•".repeat(Math.min(12, value.length() - 6)) + value.substring(value.length() - 2)
                + " (" + value.length() + ")";
    }

    /** Findings as lines a seller reads: which node, which field, what kind. */
    public static List<String> describe(List<Finding> findings) {
        List<String> lines = new ArrayList<>();
        for (Finding f : findings) {
            lines.add(f.node() + " → " + f.field() + ": " + f.kind() + " " + f.evidence());
        }
        return lines;
    }
}
