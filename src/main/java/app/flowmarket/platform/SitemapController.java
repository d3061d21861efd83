package app.flowmarket.platform;

import java.io.IOException;
import java.io.Writer;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import app.flowmarket.shared.NotFoundException;
import app.flowmarket.shared.PublicPages;
import app.flowmarket.shared.SiteSettings;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.util.HtmlUtils;

/**
 * What search engines read first: {@code /robots.txt} (the private areas kept out, the sitemap named) and
 * {@code /sitemap.xml}, every public page in each language of the site with its alternates and date. Past
 * one file's limit (50,000 addresses) the sitemap becomes an index of {@code /sitemap-N.xml} files.
 */
@Controller
class SitemapController {

    /** Paths no search engine needs: personal, transactional or admin pages. */
    static final List<String> PRIVATE = List.of("/cart", "/checkout", "/orders", "/library", "/settings", "/seller",
            "/admin", "/notifications", "/saved-searches", "/following", "/login", "/signup", "/forgot-password",
            "/reset-password", "/verify-email", "/theme", "/dev/");

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private final List<PublicPages> sources;
    private final SiteSettings site;
    private final int pagesPerFile;

    SitemapController(List<PublicPages> sources, SiteSettings site,
                      @Value("${flowmarket.seo.sitemap-urls-per-file:50000}") int urlsPerFile) {
        this.sources = sources;
        this.site = site;
        // each page is listed once per language
        this.pagesPerFile = Math.max(1, urlsPerFile / WebConfig.SUPPORTED.size());
    }

    @GetMapping(value = "/robots.txt", produces = "text/plain;charset=UTF-8")
    void robots(HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        Writer out = response.getWriter();
        out.write("User-agent: *\n");
        for (String path : PRIVATE) {
            out.write("Disallow: " + path + "\n");
        }
        out.write("\nSitemap: " + site.url("/sitemap.xml") + "\n");
    }

    @GetMapping("/sitemap.xml")
    void sitemap(HttpServletResponse response) throws IOException {
        long total = total();
        if (total <= pagesPerFile) {
            write(response, 0, (int) total);
            return;
        }
        long files = (total + pagesPerFile - 1) / pagesPerFile;
        Writer out = start(response);
        out.write("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (long file = 1; file <= files; file++) {
            out.write("  <sitemap><loc>" + site.url("/sitemap-" + file + ".xml") + "</loc></sitemap>\n");
        }
        out.write("</sitemapindex>\n");
    }

    @GetMapping("/sitemap-{file:\\d{1,6}}.xml")
    void sitemapFile(@PathVariable int file, HttpServletResponse response) throws IOException {
        long total = total();
        long offset = (long) (file - 1) * pagesPerFile;
        if (file < 1 || offset >= total || total <= pagesPerFile) {
            throw new NotFoundException("sitemap");
        }
        write(response, offset, (int) Math.min(pagesPerFile, total - offset));
    }

    private long total() {
        return sources.stream().mapToLong(PublicPages::count).sum();
    }

    /** The pages from a place in the list of all sources' pages, taken source after source. */
    private List<PublicPages.Entry> slice(long offset, int limit) {
        List<PublicPages.Entry> entries = new ArrayList<>(limit);
        long skip = offset;
        for (PublicPages source : sources) {
            if (entries.size() >= limit) {
                break;
            }
            long count = source.count();
            if (skip >= count) {
                skip -= count;
                continue;
            }
            entries.addAll(source.list(skip, (int) Math.min(limit - entries.size(), count - skip)));
            skip = 0;
        }
        return entries;
    }

    private void write(HttpServletResponse response, long offset, int limit) throws IOException {
        Writer out = start(response);
        out.write("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n");
        for (PublicPages.Entry entry : slice(offset, limit)) {
            for (Locale language : WebConfig.SUPPORTED) {
                out.write("  <url><loc>" + address(entry.path(), language.getLanguage()) + "</loc>");
                if (entry.lastModified() != null) {
                    out.write("<lastmod>" + DAY.format(entry.lastModified()) + "</lastmod>");
                }
                for (Locale alternate : WebConfig.SUPPORTED) {
                    out.write("\n    <xhtml:link rel=\"alternate\" hreflang=\"" + alternate.getLanguage() + "\" href=\""
                            + address(entry.path(), alternate.getLanguage()) + "\"/>");
                }
                out.write("\n    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"" + HtmlUtils.htmlEscape(site.url(entry.path())) + "\"/>");
                out.write("</url>\n");
            }
        }
        out.write("</urlset>\n");
    }

    private String address(String path, String language) {
        return HtmlUtils.htmlEscape(site.url(path + (path.contains("?") ? "&" : "?") + "lang=" + language));
    }

    private static Writer start(HttpServletResponse response) throws IOException {
        response.setContentType("application/xml;charset=UTF-8");
        Writer out = response.getWriter();
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        return out;
    }
}
