package app.flowmarket.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class CompatibilityTests {

    @Test
    void listsNodeTypesWithTheirVersionsCredentialsAndCommunityPackages() {
        String file = """
                {"name": "x", "nodes": [
                  {"name": "A", "type": "n8n-nodes-base.slack", "typeVersion": 2, "parameters": {}, "credentials": {"slackApi": {"id": "1"}}},
                  {"name": "B", "type": "n8n-nodes-base.slack", "typeVersion": 2.2, "parameters": {}},
                  {"name": "C", "type": "@n8n/n8n-nodes-langchain.agent", "typeVersion": 1.7, "parameters": {}},
                  {"name": "D", "type": "n8n-nodes-browserless.browserless", "typeVersion": 1, "parameters": {}, "credentials": {"browserlessApi": {}}},
                  {"name": "N", "type": "n8n-nodes-base.stickyNote", "typeVersion": 1, "parameters": {}}
                ], "connections": {}}""";
        Compatibility needs = Compatibility.of(Platform.N8N, file.getBytes(StandardCharsets.UTF_8));
        assertThat(needs.parts()).extracting(Compatibility.Part::type)
                .containsExactly("n8n-nodes-base.slack", "@n8n/n8n-nodes-langchain.agent", "n8n-nodes-browserless.browserless");
        assertThat(needs.parts().get(0).count()).isEqualTo(2);
        assertThat(needs.parts().get(0).versions()).containsExactly("2", "2.2");
        assertThat(needs.credentials()).containsExactly("browserlessApi", "slackApi");
        assertThat(needs.communityPackages()).containsExactly("n8n-nodes-browserless");
    }

    @Test
    void makeModulesAndZapierAppsToo() {
        Compatibility make = Compatibility.of(Platform.MAKE, """
                {"flow": [{"id": 1, "module": "slack:CreateMessage", "version": 4, "parameters": {"__IMTCONN__": 12}},
                          {"id": 2, "module": "builtin:BasicRouter", "version": 1, "routes": [{"flow": [{"id": 3, "module": "gmail:sendEmail", "version": 2}]}]}]}"""
                .getBytes(StandardCharsets.UTF_8));
        assertThat(make.parts()).extracting(Compatibility.Part::type).containsExactly("slack:CreateMessage", "builtin:BasicRouter", "gmail:sendEmail");
        assertThat(make.credentials()).containsExactly("slack");
        Compatibility zapier = Compatibility.of(Platform.ZAPIER, """
                {"steps": [{"app": "SlackCLIAPI", "action": "message"}]}""".getBytes(StandardCharsets.UTF_8));
        assertThat(zapier.parts()).extracting(Compatibility.Part::type).containsExactly("Slack · message");
    }

    /** Every node of every real export is accounted for: its type listed, with the versions the file uses. */
    @Test
    void everyNodeTypeOfTheSharedCorpusIsListed() throws IOException {
        assumeTrue(Files.isDirectory(N8nCorpusTests.CORPUS), "the shared corpus (../shared/corpus/n8n) is absent: skipped");
        List<Path> files;
        try (Stream<Path> listed = Files.list(N8nCorpusTests.CORPUS)) {
            files = listed.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(100);
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            ParsedWorkflow parsed = WorkflowFileParser.parse(Platform.N8N, bytes);
            Compatibility needs = Compatibility.of(Platform.N8N, bytes);
            long steps = parsed.nodes().stream().filter(n -> !n.type().endsWith(".stickyNote")).count();
            assertThat(needs.parts().stream().mapToInt(Compatibility.Part::count).sum()).as(file.toString()).isEqualTo((int) steps);
        }
    }
}
