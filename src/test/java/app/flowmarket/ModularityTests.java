package app.flowmarket;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.DependencyType;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(FlowmarketApplication.class);
    static final Path DOCS = Path.of("docs", "modules");

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    /**
     * Writes the architecture into {@code docs/modules}: Spring Modulith's PlantUML diagrams and module
     * canvases, and a README with a Mermaid diagram (shown as a picture by GitHub and most Markdown
     * viewers) of who uses whom and who listens to whose events.
     */
    @Test
    void writesTheModuleDiagramAndCanvasesIntoTheDocs() throws IOException {
        Path generated = Path.of("target", "module-docs");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(generated.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        Files.createDirectories(DOCS);
        try (var files = Files.list(generated)) {
            for (Path file : files.toList()) {
                copyIfChanged(file, DOCS.resolve(file.getFileName()));
            }
        }

        List<ApplicationModule> modules = MODULES.stream().sorted(Comparator.comparing(ApplicationModule::getName)).toList();
        StringBuilder readme = new StringBuilder("""
                # Modules

                Written by `ModularityTests` from the code; do not edit by hand. One package per business capability
                under `app.flowmarket`; a module uses another only through its public API (solid arrows) or by
                listening to its events (dashed arrows). Each module's canvas (`module-<name>.adoc`) lists its
                public types, events, listeners and configuration; `components.puml` is the same diagram in PlantUML.

                ```mermaid
                flowchart LR
                """);
        for (ApplicationModule module : modules) {
            // a module that only touches another's event types listens to it; anything else uses its API
            Set<String> listened = module.getEventsListenedTo(MODULES).stream()
                    .map(com.tngtech.archunit.core.domain.JavaClass::getFullName).collect(Collectors.toSet());
            java.util.Map<String, Boolean> onlyEvents = new java.util.TreeMap<>();
            module.getDirectDependencies(MODULES, DependencyType.values()).stream().forEach(dependency -> {
                ApplicationModule target = dependency.getTargetModule();
                if (target.getName().equals(module.getName())) {
                    return;
                }
                onlyEvents.merge(target.getName(), listened.contains(dependency.getTargetType().getFullName()), Boolean::logicalAnd);
            });
            Set<String> uses = new TreeSet<>();
            Set<String> listensTo = new TreeSet<>();
            onlyEvents.forEach((target, events) -> (events ? listensTo : uses).add(target));
            readme.append("    ").append(module.getName()).append("[").append(module.getDisplayName()).append("]\n");
            uses.forEach(target -> readme.append("    ").append(module.getName()).append(" --> ").append(target).append('\n'));
            listensTo.forEach(target -> readme.append("    ").append(module.getName()).append(" -.-> ").append(target).append('\n'));
        }
        readme.append("```\n\n| Module | What it is for | Events others listen to |\n|---|---|---|\n");
        Set<com.tngtech.archunit.core.domain.JavaClass> events = modules.stream()
                .flatMap(m -> m.getEventsListenedTo(MODULES).stream()).collect(Collectors.toSet());
        for (ApplicationModule module : modules) {
            String published = events.stream().filter(module::contains).map(e -> "`" + e.getSimpleName() + "`")
                    .sorted().distinct().collect(Collectors.joining(", "));
            readme.append("| `").append(module.getName()).append("` | ").append(purpose(module)).append(" | ").append(published).append(" |\n");
        }
        Files.createDirectories(DOCS);
        Files.writeString(DOCS.resolve("README.md"), readme.toString(), StandardCharsets.UTF_8);

        assertThat(DOCS.resolve("components.puml")).exists();
        assertThat(Files.readString(DOCS.resolve("README.md"))).contains("commerce --> ").contains("flowchart LR");
    }

    /**
     * The documenter lists some things in no fixed order; a file whose lines only moved is left as it is,
     * so a build does not touch the committed docs unless the architecture changed.
     */
    private static void copyIfChanged(Path generated, Path committed) throws IOException {
        List<String> fresh = Files.readAllLines(generated);
        if (Files.exists(committed)) {
            List<String> old = Files.readAllLines(committed);
            if (fresh.stream().sorted().toList().equals(old.stream().sorted().toList())) {
                return;
            }
        }
        Files.write(committed, fresh, StandardCharsets.UTF_8);
    }

    /** The one-line Javadoc of the module's package-info.java. */
    private static String purpose(ApplicationModule module) throws IOException {
        Path info = Path.of("src/main/java", module.getBasePackage().getName().replace('.', '/'), "package-info.java");
        if (!Files.exists(info)) {
            return "";
        }
        Matcher javadoc = Pattern.compile("/\\*\\*\\s*(.*?)\\s*\\*/", Pattern.DOTALL).matcher(Files.readString(info));
        return javadoc.find() ? javadoc.group(1).replaceAll("(?m)^\\s*\\*\\s?", "").replaceAll("\\s+", " ")
                .replaceAll("\\{@link (?:[\\w.]+\\.)?(\\w+)}", "`$1`").replace("|", "\\|").strip() : "";
    }
}
