package app.flowmarket.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The table of n8n node versions and their first release: what it answers, and that it covers the shared corpus. */
class N8nReleasesTests {

    /**
     * Node versions of the corpus that the table does not know, on purpose: community nodes (not n8n's own) and "No
     * Operation" nodes whose files claim type versions n8n never published. Anything else unknown fails the test: add its
     * row to n8n-node-releases.csv (see the file's header) or, if it is not n8n's own, here.
     */
    static final Set<String> KNOWN_UNKNOWN = Set.of(
            "n8n-nodes-base.noOp v1.1", "n8n-nodes-base.noOp v1.2", "n8n-nodes-base.noOp v1.3", "n8n-nodes-base.noOp v1.4",
            "n8n-nodes-base.noOp v1.5", "n8n-nodes-base.noOp v1.6", "n8n-nodes-base.noOp v1.7", "n8n-nodes-base.noOp v1.8",
            "n8n-nodes-base.noOp v1.9", "n8n-nodes-base.noOp v2", "n8n-nodes-base.noOp v2.1",
            "n8n-nodes-evolution-api.evolutionApi v1", "n8n-nodes-mcp.mcpClient v1", "n8n-nodes-mcp.mcpClientTool v1");

    @Test
    void everyNodeVersionOfTheCorpusResolvesOrIsListedAsUnknown() throws IOException {
        assumeTrue(Files.isDirectory(N8nCorpusTests.CORPUS), "the shared corpus (../shared/corpus/n8n) is absent: skipped");
        List<Path> files;
        try (Stream<Path> list = Files.list(N8nCorpusTests.CORPUS)) {
            files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        Set<String> unknown = new TreeSet<>();
        int resolved = 0;
        for (Path file : files) {
            Compatibility needs = Compatibility.of(Platform.N8N, Files.readAllBytes(file));
            for (Compatibility.Part part : needs.parts()) {
                for (String version : part.versions().isEmpty() ? List.of("") : part.versions()) {
                    if (N8nReleases.firstRelease(part.type(), version).isPresent()) {
                        resolved++;
                    } else {
                        unknown.add(part.type() + " v" + (version.isBlank() ? "1" : version.replaceFirst("\\.0$", "")));
                    }
                }
            }
        }
        assertThat(resolved).isGreaterThan(1000);
        assertThat(unknown).as("node versions neither in the table nor in KNOWN_UNKNOWN").isSubsetOf(KNOWN_UNKNOWN);
    }

    @Test
    void theMinimumIsTheLatestFirstReleaseOfTheNodesUsed() {
        byte[] file = """
                {"name": "w", "nodes": [
                  {"name": "a", "type": "n8n-nodes-base.manualTrigger", "typeVersion": 1, "position": [0, 0], "parameters": {}},
                  {"name": "b", "type": "n8n-nodes-base.set", "typeVersion": 3.4, "position": [0, 0], "parameters": {}},
                  {"name": "c", "type": "n8n-nodes-base.httpRequest", "typeVersion": 4.2, "position": [0, 0], "parameters": {}},
                  {"name": "d", "type": "n8n-nodes-base.gmailTool", "typeVersion": 2.1, "position": [0, 0], "parameters": {}},
                  {"name": "e", "type": "n8n-nodes-base.slack", "typeVersion": 99, "position": [0, 0], "parameters": {}},
                  {"name": "f", "type": "n8n-nodes-acme.widget", "typeVersion": 1, "position": [0, 0], "parameters": {}}
                ], "connections": {}}""".getBytes(StandardCharsets.UTF_8);
        N8nReleases.Minimum minimum = N8nReleases.of(Platform.N8N, Compatibility.of(Platform.N8N, file));
        assertThat(N8nReleases.firstRelease("n8n-nodes-base.httpRequest", "4.2")).contains("1.40");
        assertThat(N8nReleases.firstRelease("n8n-nodes-base.set", "3.4")).contains("1.60");
        assertThat(N8nReleases.firstRelease("n8n-nodes-base.manualTrigger", "1.0")).contains("1.0");
        assertThat(minimum.release()).isEqualTo("1.60");
        assertThat(minimum.line()).isEqualTo("1");
        assertThat(minimum.unknown()).containsExactly("n8n-nodes-base.slack v99");
        assertThat(N8nReleases.ORDER.compare("1.100", "1.20")).isPositive();
        assertThat(N8nReleases.of(Platform.MAKE, Compatibility.of(Platform.MAKE, "{}".getBytes(StandardCharsets.UTF_8))).release()).isNull();
    }
}
