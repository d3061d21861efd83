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
        for (var sort : app.flowmarket.search.SearchQuery.Sort.values()) {
            assertThat(english).containsKey("sort." + sort.slug());
        }
        for (var range : app.flowmarket.search.SearchQuery.PriceRange.values()) {
            assertThat(english).containsKey("price-range." + range.slug());
        }
        for (var status : app.flowmarket.commerce.OrderStatus.values()) {
            assertThat(english).containsKey(status.messageKey());
            if (!status.isOpen()) {
                // the order page's sentence for a closed order
                assertThat(english).containsKey("order.status." + status.name().toLowerCase(java.util.Locale.ROOT));
            }
        }
        for (var status : app.flowmarket.catalog.WorkflowStatus.values()) {
            assertThat(english).containsKey("status." + status.name().toLowerCase());
        }
    }

    @Test
    void thereAreFrenchSpanishAndGermanTranslations() throws IOException {
        for (String language : List.of("fr", "es", "de")) {
            Properties translated = load("messages_" + language + ".properties");
            Properties english = load("messages.properties");
            assertThat(translated).as(language).isNotEmpty();
            // a translation is not the English text copied over (brand names and a few short words aside)
            long same = english.stringPropertyNames().stream().filter(k -> english.getProperty(k).equals(translated.getProperty(k))).count();
            assertThat(same).as(language + " strings identical to English").isLessThan(english.size() / 10);
        }
    }

    @Test
    void everyMessageWithArgumentsFormatsInEveryLanguage() throws IOException {
        for (String bundle : List.of("messages.properties", "messages_fr.properties", "messages_es.properties", "messages_de.properties")) {
            Properties properties = load(bundle);
            for (String key : properties.stringPropertyNames()) {
                String value = properties.getProperty(key);
                if (!value.contains("{")) {
                    continue;
                }
                // a plain apostrophe would start a MessageFormat quote and swallow the rest of the text
                assertThat(value).as(bundle + " " + key).doesNotContain("'");
                String formatted = new java.text.MessageFormat(value, java.util.Locale.ENGLISH).format(new Object[] {2, "X", "Y"});
                assertThat(formatted).as(bundle + " " + key).doesNotContain("{0}").doesNotContain("{1}");
            }
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
