package app.flowmarket.shared;

import java.util.List;
import java.util.regex.Pattern;

import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.jspecify.annotations.Nullable;

/**
 * Renders user-written Markdown to HTML that is safe to embed: raw HTML is escaped by the
 * renderer and the result passes an allow-list sanitiser (no script, no event handlers,
 * only http, https and mailto links, which open with rel="nofollow noopener").
 */
public final class Markdown {

    private static final List<org.commonmark.Extension> EXTENSIONS =
            List.of(TablesExtension.create(), AutolinkExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .extensions(EXTENSIONS)
            .escapeHtml(true)
            .sanitizeUrls(true)
            .build();
    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "em", "del",
                    "blockquote", "ul", "ol", "li", "code", "pre", "a", "table", "thead", "tbody", "tr", "th", "td")
            .allowAttributes("href").onElements("a")
            .allowAttributes("start").matching(Pattern.compile("\\d{1,6}")).onElements("ol")
            .allowAttributes("align").matching(Pattern.compile("left|right|center")).onElements("th", "td")
            .allowAttributes("class").matching(Pattern.compile("language-[a-zA-Z0-9_+-]{1,30}")).onElements("code")
            .allowUrlProtocols("http", "https", "mailto")
            .requireRelsOnLinks("nofollow", "noopener", "ugc")
            .toFactory();

    private Markdown() {
    }

    public static String toSafeHtml(@Nullable String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        return POLICY.sanitize(RENDERER.render(PARSER.parse(markdown)));
    }
}
