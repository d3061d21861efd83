package app.flowmarket.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every message key the UI uses exists, and every translation has exactly the English keys. */
class I18nTests {

    static final Pattern TEMPLATE_KEY = Pattern.compile("ui\\.t\\(\"([a-z0-9.-]+)\"");
    static final Pattern JAVA_KEY = Pattern.compile(
            "(?:DomainException\\(|addFlashAttribute\\(\"flash\", |msg\\(|render\\(model, response, \\d+, |page\\(model, request, response, \\d+, )\"([a-z0-9.-]+)\"");
    static final Pattern VALIDATION_KEY = Pattern.compile("message = \"\\{([a-z0-9.-]+)}\"");

    static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = I18nTests.class.getResourceAsStream("/" + name)) {
            if (in != null) {
                properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return properties;
    }

    static Set<String> keysUsedIn(Path root, String suffix, List<Pattern> patterns) throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(p -> p.toString().endsWith(suffix)).toList()) {
                String text = Files.readString(file);
                for (Pattern pattern : patterns) {
                    Matcher matcher = pattern.matcher(text);
                    while (matcher.find()) {
                        keys.add(matcher.group(1));
                    }
                }
            }
        }
        return keys;
    }

    @Test
    void everyKeyUsedByTemplatesAndCodeExists() throws IOException {
        Properties english = load("messages.properties");
        Set<String> used = new TreeSet<>();
        used.addAll(keysUsedIn(Path.of("src/main/jte"), ".jte", List.of(TEMPLATE_KEY)));
        used.addAll(keysUsedIn(Path.of("src/main/java"), ".java", List.of(JAVA_KEY, VALIDATION_KEY)));

        used.removeIf(key -> key.endsWith("."));
        assertThat(used).hasSizeGreaterThan(100);
        assertThat(used).allSatisfy(key -> assertThat(english).as("messages.properties").containsKey(key));
    }

    @Test
    void keysBuiltFromEnumsExist() {
        Properties english;
        try {
            english = load("messages.properties");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        for (var sort : app.flowmarket.catalog.CatalogQueries.Sort.values()) {
            assertThat(english).containsKey("sort." + sort.slug());
        }
        for (var range : app.flowmarket.catalog.CatalogQueries.PriceRange.values()) {
            assertThat(english).containsKey("price-range." + range.slug());
        }
        for (var status : app.flowmarket.catalog.WorkflowStatus.values()) {
            assertThat(english).containsKey("status." + status.name().toLowerCase());
        }
    }

    @Test
    void everyTranslationHasTheSameKeysAsEnglish() throws IOException {
        Set<String> english = new TreeSet<>(load("messages.properties").stringPropertyNames());
        try (Stream<Path> files = Files.list(Path.of("src/main/resources"))) {
            for (Path file : files.filter(p -> p.getFileName().toString().matches("messages_[a-z]{2}\\.properties")).toList()) {
                Set<String> translated = new TreeSet<>(load(file.getFileName().toString()).stringPropertyNames());
                assertThat(translated).as(file.getFileName().toString()).isEqualTo(english);
            }
        }
    }
}
