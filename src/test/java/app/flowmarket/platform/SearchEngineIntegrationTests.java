package app.flowmarket.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.flowmarket.IntegrationTest;
import app.flowmarket.catalog.SellerFixture;
import app.flowmarket.shared.SiteSettings;
import app.flowmarket.support.Fixtures;
import app.flowmarket.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What search engines and link previews read: robots.txt, the sitemap, and each public page's head. */
@IntegrationTest
class SearchEngineIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    SiteSettings site;

    @Test
    void robotsKeepPrivateAreasOutAndNameTheSitemapWhichListsEveryPublicPageInEachLanguage() {
        WebSession seller = SellerFixture.newSeller(port);
        String word = Fixtures.uniqueWord();
        SellerFixture.publishedWorkflow(seller, "Sitemap " + word, "n8n", "4");

        WebSession.Page robots = new WebSession(port).get("/robots.txt").assertStatus(200);
        assertThat(robots.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(robots.body()).contains("User-agent: *").contains("Disallow: /cart\n").contains("Disallow: /settings\n")
                .contains("Disallow: /seller\n").contains("Disallow: /admin\n").contains("Disallow: /library\n")
                .contains("Sitemap: " + site.url("/sitemap.xml"));

        String sitemap = new WebSession(port).get("/sitemap.xml").assertStatus(200).body();
        assertThat(sitemap).contains("<loc>" + site.url("/workflows/sitemap-" + word + "?lang=fr") + "</loc><lastmod>")
                .contains("hreflang=\"de\" href=\"" + site.url("/workflows/sitemap-" + word + "?lang=de") + "\"")
                .contains("<loc>" + site.url("/workflows?category=finance&amp;lang=en") + "</loc>")
                .contains("/stores/").doesNotContain("/seller").doesNotContain("/cart");
    }

    @Test
    void aWorkflowPageHasItsOwnTitleDescriptionCanonicalAddressLanguageVersionsAndProductData() {
        WebSession seller = SellerFixture.newSeller(port);
        String word = Fixtures.uniqueWord();
        SellerFixture.publishedWorkflow(seller, "Head " + word, "n8n", "4");
        String path = "/workflows/head-" + word;

        String page = new WebSession(port).get(path + "?lang=fr&utm_source=x").assertStatus(200).body();
        assertThat(page).contains("<title>Head " + word + " · Flowmarket</title>")
                .contains("<meta name=\"description\" content=\"A workflow made by a test.\">")
                .contains("<link rel=\"canonical\" href=\"" + site.url(path + "?lang=fr") + "\">")
                .contains("<link rel=\"alternate\" hreflang=\"es\" href=\"" + site.url(path + "?lang=es") + "\">")
                .contains("<link rel=\"alternate\" hreflang=\"x-default\" href=\"" + site.url(path) + "\">")
                .contains("<meta property=\"og:title\" content=\"Head " + word + "\">");

        Matcher script = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL).matcher(page);
        assertThat(script.find()).isTrue();
        JsonNode product = JsonMapper.builder().build().readTree(script.group(1));
        assertThat(product.get("@type").asString()).isEqualTo("Product");
        assertThat(product.get("offers").get("price").asString()).isEqualTo("4.00");
        assertThat(product.get("offers").get("priceCurrency").asString()).isEqualTo("USD");

        assertThat(new WebSession(port).get("/").body()).as("every public page has a description")
                .contains("<meta name=\"description\" content=\"Ready-made n8n, Make and Zapier workflows");
        assertThat(new WebSession(port).get("/workflows?category=finance&lang=de").body())
                .contains("<title>Workflows: Finanzen &amp; Buchhaltung · Flowmarket</title>")
                .contains("<meta name=\"description\" content=\"Rechnungen, Ausgaben, Zahlungen und Berichte.\">");
    }
}
