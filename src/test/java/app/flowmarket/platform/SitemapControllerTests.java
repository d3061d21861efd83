package app.flowmarket.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;

import app.flowmarket.shared.NotFoundException;
import app.flowmarket.shared.PublicPages;
import app.flowmarket.shared.SiteSettings;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

/** How the sitemap is split into files past a file's limit: every page in exactly one file, each in four languages. */
class SitemapControllerTests {

    private static PublicPages pages(String prefix, int count) {
        return new PublicPages() {
            @Override
            public long count() {
                return count;
            }

            @Override
            public List<Entry> list(long offset, int limit) {
                return LongStream.range(offset, Math.min(count, offset + limit))
                        .mapToObj(i -> new Entry(prefix + i, Instant.parse("2026-11-01T10:00:00Z"))).toList();
            }
        };
    }

    @Test
    void pastOneFilesLimitTheSitemapIsAnIndexOfFilesThatListEveryPageOnce() throws Exception {
        // 40 addresses a file = 10 pages in four languages; 23 pages from two sources = 3 files
        var controller = new SitemapController(List.of(pages("/workflows/w", 17), pages("/stores/s", 6)),
                new SiteSettings("https://market.example", true), 40);

        MockHttpServletResponse index = new MockHttpServletResponse();
        controller.sitemap(index);
        assertThat(index.getContentAsString()).contains("<sitemapindex")
                .contains("<loc>https://market.example/sitemap-1.xml</loc>").contains("<loc>https://market.example/sitemap-3.xml</loc>")
                .doesNotContain("sitemap-4.xml");

        StringBuilder all = new StringBuilder();
        for (int file = 1; file <= 3; file++) {
            MockHttpServletResponse part = new MockHttpServletResponse();
            controller.sitemapFile(file, part);
            String xml = part.getContentAsString();
            assertThat(xml.split("<url>", -1).length - 1).as("file %d", file).isLessThanOrEqualTo(40);
            all.append(xml);
        }
        String xml = all.toString();
        for (int i = 0; i < 17; i++) {
            assertThat(xml.split("<loc>https://market.example/workflows/w" + i + "\\?lang=fr</loc>", -1).length - 1).isEqualTo(1);
        }
        assertThat(xml).contains("<loc>https://market.example/stores/s5?lang=de</loc><lastmod>2026-11-01</lastmod>");
        assertThatThrownBy(() -> controller.sitemapFile(4, new MockHttpServletResponse())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aSmallSiteHasOneSitemapWithEachLanguageAndItsAlternates() throws Exception {
        var controller = new SitemapController(List.of(pages("/workflows?category=c", 2)), new SiteSettings("https://market.example", true), 50000);
        MockHttpServletResponse response = new MockHttpServletResponse();
        controller.sitemap(response);
        String xml = response.getContentAsString();
        assertThat(response.getContentType()).startsWith("application/xml");
        assertThat(xml).contains("<urlset").doesNotContain("sitemapindex")
                .contains("<loc>https://market.example/workflows?category=c1&amp;lang=es</loc>")
                .contains("<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"https://market.example/workflows?category=c1\"/>");
        assertThat(xml.split("<url>", -1).length - 1).isEqualTo(8);
        assertThatThrownBy(() -> controller.sitemapFile(1, new MockHttpServletResponse())).isInstanceOf(NotFoundException.class);
    }
}
