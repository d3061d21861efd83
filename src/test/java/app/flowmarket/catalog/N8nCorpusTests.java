package app.flowmarket.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every real n8n export of the shared corpus must be accepted, with sensible integrations. */
class N8nCorpusTests {

    static final Path CORPUS = Path.of("../shared/corpus/n8n");

    @TestFactory
    Stream<DynamicTest> acceptsEveryRealN8nExport() throws IOException {
        assumeTrue(Files.isDirectory(CORPUS), "the shared corpus (../shared/corpus/n8n) is absent: skipped");
        List<Path> files;
        try (Stream<Path> list = Files.list(CORPUS)) {
            files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(200);
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            ParsedWorkflow parsed = WorkflowFileParser.parse(Platform.N8N, Files.readAllBytes(file));
            assertThat(parsed.nodeCount()).isPositive();
            assertThat(parsed.integrations()).allSatisfy(name -> {
                // a person's name for a service, not a node type identifier such as "googleSheets" or "n8n-nodes-base.x"
                assertThat(name).isNotBlank().doesNotContain("n8n-nodes").doesNotMatch("^[a-z]{2,}[A-Z].*").doesNotContain("Trigger");
                // and an app the table knows, so cards and facets show its proper name and icon
                assertThat(Apps.known(name)).as("app table entry for %s", name).isPresent();
            });
        }));
    }

    @TestFactory
    Stream<DynamicTest> findsTheServiceNamedInTheFileName() throws IOException {
        assumeTrue(Files.isDirectory(CORPUS), "the shared corpus (../shared/corpus/n8n) is absent: skipped");
        // file names such as 0036_Gmail_GoogleDrive_Import.json name the services the workflow uses
        Set<String> checked = new HashSet<>(Set.of("Gmail", "Telegram", "Slack", "Airtable", "Notion", "Hubspot", "Github"));
        try (Stream<Path> list = Files.list(CORPUS)) {
            return list.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream()
                    .filter(p -> checked.stream().anyMatch(s -> p.getFileName().toString().split("_")[1].equals(s)))
                    .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                        String service = file.getFileName().toString().split("_")[1];
                        ParsedWorkflow parsed = WorkflowFileParser.parse(Platform.N8N, Files.readAllBytes(file));
                        assertThat(parsed.integrations()).anySatisfy(name -> assertThat(name).isEqualToIgnoringCase(service));
                    }));
        }
    }
}
