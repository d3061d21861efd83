package app.flowmarket.mail;

import java.util.List;

import org.springframework.web.util.HtmlUtils;
import org.jspecify.annotations.Nullable;

/**
 * A mail as written out in its recipient's language (see {@link Mail}, which other modules use):
 * a greeting, paragraphs and an optional call to action, rendered to both plain text and HTML
 * (every value escaped).
 */
record Email(String recipient, String subject, String greeting, List<String> paragraphs,
             @Nullable String actionLabel, @Nullable String actionUrl, String footer, @Nullable String unsubscribeUrl,
             String unsubscribeLabel) {

    String text() {
        StringBuilder text = new StringBuilder(greeting).append("\n\n");
        for (String paragraph : paragraphs) {
            text.append(paragraph).append("\n\n");
        }
        if (actionUrl != null) {
            text.append(actionLabel).append(":\n").append(actionUrl).append("\n\n");
        }
        if (footer != null) {
            text.append("-- \n").append(footer).append('\n');
        }
        if (unsubscribeUrl != null) {
            text.append(unsubscribeLabel).append(": ").append(unsubscribeUrl).append('\n');
        }
        return text.toString();
    }

    /**
     * Readable in light and dark mail apps: light colours inline (for apps that drop style sheets), and
     * a dark palette for apps that follow the reader's dark mode ({@code prefers-color-scheme}, and
     * Outlook.com's {@code data-ogsc} marker) instead of letting them invert the colours on their own.
     */
    static final String STYLE = """
            :root { color-scheme: light dark; supported-color-schemes: light dark; }
            @media (prefers-color-scheme: dark) {
              body, .mail { background: #0f1117 !important; color: #e6e8ee !important; }
              .brand { color: #a48bff !important; }
              .muted { color: #9aa3b5 !important; }
              a { color: #b4a0ff !important; }
              a.action { background: #6d4aff !important; color: #ffffff !important; }
              hr { border-color: #2a2f3a !important; }
            }
            [data-ogsc] body, [data-ogsc] .mail { background: #0f1117 !important; color: #e6e8ee !important; }
            [data-ogsc] .brand { color: #a48bff !important; }
            [data-ogsc] .muted { color: #9aa3b5 !important; }
            [data-ogsc] a { color: #b4a0ff !important; }
            [data-ogsc] a.action { background: #6d4aff !important; color: #ffffff !important; }
            """;

    String html() {
        StringBuilder html = new StringBuilder("""
                <!doctype html><html><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="color-scheme" content="light dark"><meta name="supported-color-schemes" content="light dark">
                <style>""").append(STYLE).append("""
                </style></head>
                <body style="margin:0;background:#ffffff;color:#1b1f24">
                <div class="mail" style="font-family:system-ui,sans-serif;background:#ffffff;color:#1b1f24;max-width:560px;margin:auto;padding:16px">
                <h1 class="brand" style="font-size:20px;color:#5a3ed6">Flowmarket</h1>""");
        html.append("<p>").append(escape(greeting)).append("</p>");
        for (String paragraph : paragraphs) {
            html.append("<p>").append(escape(paragraph)).append("</p>");
        }
        if (actionUrl != null) {
            html.append("<p><a class=\"action\" href=\"").append(escape(actionUrl))
                    .append("\" style=\"display:inline-block;padding:10px 18px;background:#5a3ed6;color:#ffffff;border-radius:6px;text-decoration:none\">")
                    .append(escape(actionLabel == null ? actionUrl : actionLabel)).append("</a></p>");
            html.append("<p class=\"muted\" style=\"font-size:12px;color:#555555\">").append(escape(actionUrl)).append("</p>");
        }
        if (footer != null) {
            html.append("<hr><p class=\"muted\" style=\"font-size:12px;color:#555555\">").append(escape(footer)).append("</p>");
        }
        if (unsubscribeUrl != null) {
            html.append("<p style=\"font-size:12px\"><a href=\"").append(escape(unsubscribeUrl)).append("\">").append(escape(unsubscribeLabel)).append("</a></p>");
        }
        return html.append("</div></body></html>").toString();
    }

    private static String escape(String value) {
        return HtmlUtils.htmlEscape(value, "UTF-8");
    }
}
