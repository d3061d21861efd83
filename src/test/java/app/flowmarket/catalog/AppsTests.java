package app.flowmarket.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class AppsTests {

    static final Path ICONS = Path.of("src/main/resources/static/img/apps");

    @Test
    void everySpellingOfAnAppComesOutAsItsProperName() {
        assertThat(Apps.name("Amqp")).isEqualTo("AMQP");
        assertThat(Apps.name("amqp")).isEqualTo("AMQP");
        assertThat(Apps.name("ActiveMq")).isEqualTo("ActiveMQ");
        assertThat(Apps.name("googleSheets")).isEqualTo("Google Sheets");
        assertThat(Apps.name("google-sheets")).isEqualTo("Google Sheets");
        assertThat(Apps.name("Googlesheets")).isEqualTo("Google Sheets");
        assertThat(Apps.name("OpenAi")).isEqualTo("OpenAI");
        assertThat(Apps.name("openai-gpt-3")).isEqualTo("OpenAI");
        assertThat(Apps.name("Hubspot")).isEqualTo("HubSpot");
        assertThat(Apps.name("postgres")).isEqualTo("PostgreSQL");
        assertThat(Apps.name("mondayCom")).isEqualTo("monday.com");
        assertThat(Apps.name("some new-app")).as("an unknown app keeps its words, capitalised").isEqualTo("Some New App");
    }

    @Test
    void appsWithoutAnIconGetANeutralMonogram() {
        Apps.App slack = Apps.of("slack");
        assertThat(slack.hasIcon()).isFalse();
        assertThat(slack.monogram()).isEqualTo("S");
        assertThat(Apps.of("Microsoft Teams").monogram()).isEqualTo("MT");
        assertThat(Apps.of("Gmail").iconUrl()).isEqualTo("/img/apps/gmail.svg");
    }

    @Test
    void everyIconInTheTableIsKeptWithItsLicenceAndNoOtherIs() throws IOException {
        Set<String> named = Apps.all().stream().filter(Apps.App::hasIcon).map(Apps.App::icon).collect(Collectors.toSet());
        Set<String> kept;
        try (Stream<Path> files = Files.list(ICONS)) {
            kept = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".svg"))
                    .map(n -> n.substring(0, n.length() - 4)).collect(Collectors.toSet());
        }
        assertThat(kept).containsExactlyInAnyOrderElementsOf(named);
        assertThat(Files.readString(ICONS.resolve("LICENSE.md"))).contains("Simple Icons").contains("CC0");
        for (String icon : kept) {
            String svg = Files.readString(ICONS.resolve(icon + ".svg"), StandardCharsets.UTF_8);
            assertThat(svg).as(icon).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").contains("<rect").contains("<path");
        }
    }

    @Test
    void theDemoMarketplaceUsesOnlyAppsTheTableKnows() throws IOException {
        String demo = Files.readString(Path.of("src/main/java/app/flowmarket/demo/DemoCatalog.java"));
        var integrations = java.util.regex.Pattern.compile("\", \"([a-zA-Z,]+)\"\\)").matcher(demo).results()
                .flatMap(m -> Stream.of(m.group(1).split(","))).filter(s -> !s.equals("httpRequest")).collect(Collectors.toSet());
        assertThat(integrations).hasSizeGreaterThan(40);
        for (String integration : integrations) {
            String fromN8n = WorkflowFileParser.n8nIntegration("n8n-nodes-base." + integration).orElseThrow();
            assertThat(Apps.known(fromN8n)).as(integration).isPresent();
        }
    }
}
