package app.flowmarket.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * No template shows words written into it: every text a person reads (text between tags, and the
 * title, alt, placeholder, aria-label and button value attributes) comes from the messages, so it
 * exists in all four languages. Code ({@code ${...}}, {@code @if(...)}, ...) is left out; what it
 * prints is the messages' business. Brand names and symbols are allowed below, by name.
 */
class HardCodedTextTests {

    /** Words that are the same in every language. */
    static final Set<String> ALLOWED = Set.of("Flowmarket", "© Flowmarket", "n8n", "Make", "Zapier", "CSV", "Excel",
            "X", "LinkedIn", "GitHub", "JSON", "Markdown", "PWA", "Stripe", "ID", "v", "×", "·", "→", "←", "%", "/");

    static final char HOLE = '\u0000';
    static final Pattern WORD = Pattern.compile("\\p{L}{2,}|\\p{L}(?=\\s|$)");
    static final Pattern TEXT_NODE = Pattern.compile(">([^<>]+)<");
    static final Pattern TAG = Pattern.compile("<([a-zA-Z][a-zA-Z0-9-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>");
    static final Pattern ATTRIBUTE = Pattern.compile("(?<![\\w-])(title|alt|placeholder|aria-label|value)=(\"[^\"]*\"|'[^']*')");
    static final Pattern SUBMIT = Pattern.compile("(?i)type=[\"'](submit|button|reset)[\"']");

    @Test
    void templatesShowOnlyTranslatedText() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/jte"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".jte")).sorted().toList()) {
                for (String text : hardCodedText(Files.readString(file))) {
                    found.add(Path.of("src/main/jte").relativize(file) + ": " + text);
                }
            }
        }
        assertThat(found).as("text written into templates instead of messages*.properties").isEmpty();
    }

    @Test
    void findsWordsBetweenTagsAndInAttributesButNotInCode() {
        String template = """
                @param Ui ui
                <%-- a comment with words --%>
                <!-- markup comment with words -->
                @template.layout.page(ui = ui, title = ui.t("x"), content = @`
                    <h1>${ui.t("title")}</h1>
                    <p>${count} items left</p>
                    @if(ui.signedIn())<a href="/x" title="Open it">${ui.t("open")}</a>@endif
                    <img src="/a.svg" alt="">
                    <input type="search" placeholder="${ui.t("search")}">
                    <button type="submit" name="theme" value="dark" aria-label="Dark">·</button>
                    <input type="submit" value="Send">
                    <input type="hidden" name="a" value="not shown">
                    <script>const words = 'in a script';</script>
                    <span>Flowmarket</span> <span>${ui.t("a")} · ${ui.t("b")}</span>
                `)
                """;

        assertThat(hardCodedText(template)).containsExactlyInAnyOrder("items left", "title=\"Open it\"",
                "aria-label=\"Dark\"", "value=\"Send\"");
    }

    /** The literal user-visible texts of one template. */
    static List<String> hardCodedText(String template) {
        String html = withoutCode(template)
                .replaceAll("(?s)<!--.*?-->", "")
                .replaceAll("(?is)<(script|style|svg|pre|code)\\b.*?</\\1>", "<$1></$1>");
        List<String> found = new ArrayList<>();
        Matcher text = TEXT_NODE.matcher(html);
        while (text.find()) {
            String literal = literal(text.group(1));
            if (literal != null) {
                found.add(literal);
            }
        }
        Matcher tag = TAG.matcher(html);
        while (tag.find()) {
            String attributes = tag.group(2);
            Matcher attribute = ATTRIBUTE.matcher(attributes);
            while (attribute.find()) {
                // a button's value is sent, not shown; an input button's value is its label
                boolean shown = !attribute.group(1).equals("value")
                        || tag.group(1).equalsIgnoreCase("input") && SUBMIT.matcher(attributes).find();
                String value = attribute.group(2);
                String literal = shown ? literal(value.substring(1, value.length() - 1)) : null;
                if (literal != null) {
                    found.add(attribute.group(1) + "=\"" + literal + "\"");
                }
            }
        }
        return found;
    }

    /** The words of a text, or null when it holds none that need translating. */
    private static String literal(String text) {
        String words = text.replace(String.valueOf(HOLE), " ")
                .replaceAll("&[a-zA-Z]+;|&#x?[0-9a-fA-F]+;", " ")
                .replaceAll("\\s+", " ").strip();
        if (words.isEmpty() || ALLOWED.contains(words) || !WORD.matcher(words).find()) {
            return null;
        }
        for (String part : words.split("[\\s·()/,:|]+")) {
            if (!part.isEmpty() && WORD.matcher(part).find() && !ALLOWED.contains(part)) {
                return words;
            }
        }
        return null;
    }

    /**
     * The template with its code replaced by holes: expressions, control flow, template calls and
     * comments go; the markup inside content blocks ({@code @`...`}) stays.
     */
    static String withoutCode(String template) {
        StringBuilder out = new StringBuilder();
        new Scanner(template, out).markup(false);
        return out.toString();
    }

    private static final class Scanner {
        private final String s;
        private final StringBuilder out;
        private int i;

        Scanner(String s, StringBuilder out) {
            this.s = s;
            this.out = out;
        }

        /** Markup up to the end, or up to the backtick closing a content block. */
        void markup(boolean inBlock) {
            while (i < s.length()) {
                char c = s.charAt(i);
                if (inBlock && c == '`') {
                    i++;
                    return;
                }
                if (s.startsWith("<%--", i)) {
                    int end = s.indexOf("--%>", i);
                    i = end < 0 ? s.length() : end + 4;
                } else if (s.startsWith("${", i) || s.startsWith("!{", i)) {
                    i += 1;
                    code('{', '}');
                } else if (s.startsWith("$unsafe{", i)) {
                    i += 7;
                    code('{', '}');
                } else if (c == '@' && i + 1 < s.length() && Character.isLetter(s.charAt(i + 1))) {
                    directive();
                } else {
                    out.append(c);
                    i++;
                }
            }
        }

        private void directive() {
            int start = ++i;
            while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '.' || s.charAt(i) == '_' || s.charAt(i) == '-')) {
                i++;
            }
            String name = s.substring(start, i);
            if (name.equals("param") || name.equals("import")) {
                int end = s.indexOf('\n', i);
                i = end < 0 ? s.length() : end;
            } else if (name.equals("raw")) {
                int end = s.indexOf("@endraw", i);
                i = end < 0 ? s.length() : end + 7;
            } else if (i < s.length() && s.charAt(i) == '(') {
                code('(', ')');
            }
            out.append(HOLE);
        }

        /** Skips code from an opening bracket to its match; content blocks inside it are markup. */
        private void code(char open, char close) {
            int depth = 0;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '"' || c == '\'') {
                    i++;
                    while (i < s.length() && s.charAt(i) != c) {
                        i += s.charAt(i) == '\\' ? 2 : 1;
                    }
                    i++;
                } else if (c == '@' && i + 1 < s.length() && s.charAt(i + 1) == '`') {
                    i += 2;
                    out.append(HOLE);
                    markup(true);
                    out.append(HOLE);
                } else {
                    if (c == open) {
                        depth++;
                    } else if (c == close && --depth == 0) {
                        i++;
                        out.append(HOLE);
                        return;
                    }
                    i++;
                }
            }
        }
    }
}
