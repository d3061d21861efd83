package app.flowmarket.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTests {

    @Test
    void rendersCommonMarkdown() {
        String html = Markdown.toSafeHtml("## Title\n\n**bold** and [link](https://example.com)\n\n- one\n- two");

        assertThat(html).contains("<h2>Title</h2>", "<strong>bold</strong>", "<li>one</li>")
                .contains("href=\"https://example.com\"").contains("nofollow").contains("noopener");
    }

    @Test
    void neverLetsScriptThrough() {
        assertThat(Markdown.toSafeHtml("<script>alert(1)</script>")).doesNotContain("<script").contains("&lt;script&gt;");
        assertThat(Markdown.toSafeHtml("<img src=x onerror=alert(2)>")).doesNotContain("<img");
        assertThat(Markdown.toSafeHtml("[click](javascript:alert(3))")).doesNotContain("href=\"javascript").contains("click");
        assertThat(Markdown.toSafeHtml("[data](data:text/html;base64,PHNjcmlwdD4=)")).doesNotContain("href=\"data");
        assertThat(Markdown.toSafeHtml("<a href=\"https://x.example\" onclick=\"alert(4)\">x</a>")).doesNotContain("<a href");
        assertThat(Markdown.toSafeHtml("[ok](https://x.example \"t\" onclick=alert(5))")).doesNotContain("onclick=\"");
    }

    @Test
    void emptyInputGivesEmptyOutput() {
        assertThat(Markdown.toSafeHtml(null)).isEmpty();
        assertThat(Markdown.toSafeHtml("   ")).isEmpty();
    }
}
