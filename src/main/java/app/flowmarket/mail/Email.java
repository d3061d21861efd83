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

    String html() {
        StringBuilder html = new StringBuilder("""
                <!doctype html><html><body style="font-family:system-ui,sans-serif;color:#1b1f24;max-width:560px;margin:auto">
                <h1 style="font-size:20px;color:#6d4aff">Flowmarket</h1>""");
        html.append("<p>").append(escape(greeting)).append("</p>");
        for (String paragraph : paragraphs) {
            html.append("<p>").append(escape(paragraph)).append("</p>");
        }
        if (actionUrl != null) {
            html.append("<p><a href=\"").append(escape(actionUrl))
                    .append("\" style=\"display:inline-block;padding:10px 18px;background:#6d4aff;color:#fff;border-radius:6px;text-decoration:none\">")
                    .append(escape(actionLabel == null ? actionUrl : actionLabel)).append("</a></p>");
            html.append("<p style=\"font-size:12px;color:#555\">").append(escape(actionUrl)).append("</p>");
        }
        if (footer != null) {
            html.append("<hr><p style=\"font-size:12px;color:#555\">").append(escape(footer)).append("</p>");
        }
        if (unsubscribeUrl != null) {
            html.append("<p style=\"font-size:12px\"><a href=\"").append(escape(unsubscribeUrl)).append("\">").append(escape(unsubscribeLabel)).append("</a></p>");
        }
        return html.append("</body></html>").toString();
    }

    private static String escape(String value) {
        return HtmlUtils.htmlEscape(value, "UTF-8");
    }
}
