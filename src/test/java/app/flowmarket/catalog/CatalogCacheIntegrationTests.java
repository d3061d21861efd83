package app.flowmarket.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import app.flowmarket.IntegrationTest;
import app.flowmarket.platform.embedded.EmbeddedInfrastructure;
import app.flowmarket.support.Fixtures;
import app.flowmarket.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;

@IntegrationTest
@org.junit.jupiter.api.extension.ExtendWith(app.flowmarket.support.RedisRestarts.class)
class CatalogCacheIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    io.github.resilience4j.circuitbreaker.CircuitBreaker cacheCircuitBreaker;

    @Test
    void theHomePageIsCachedInRedisAndAPriceChangeShowsAtOnce() {
        WebSession seller = SellerFixture.newSeller(port);
        String title = "Cached " + Fixtures.uniqueSlug("c");
        String id = SellerFixture.publishedWorkflow(seller, title, "n8n", "4");

        assertThat(new WebSession(port).get("/").body()).contains(title).contains("$4");
        assertThat(redis.hasKey("flowmarket:cache:catalog-home::newest:8")).as("the list is in Redis").isTrue();
        assertThat(new WebSession(port).get("/").body()).contains(title);

        seller.get("/seller/workflows/" + id + "/edit");
        seller.post("/seller/workflows/" + id + "/edit", Map.of("title", title, "summary", "A workflow made by a test.",
                "description", "", "platform", "n8n", "price", "9", "currency", "USD", "category", "", "tags", "")).assertStatus(302);

        String home = new WebSession(port).get("/").body();
        assertThat(home).contains(title).contains("$9");
        assertThat(home.substring(home.indexOf(title))).doesNotContain("$4");

        String newName = "Renamed " + Fixtures.uniqueSlug("r");
        seller.get("/seller/store");
        seller.post("/seller/store", Map.of("name", newName, "bio", "")).assertStatus(302);
        assertThat(new WebSession(port).get("/").body()).as("cards show the new store name at once").contains(newName);
    }

    @Test
    void workflowPagesAndSearchResultsAreCachedAndAPriceChangeShowsAtOnce() {
        WebSession seller = SellerFixture.newSeller(port);
        String word = Fixtures.uniqueWord();
        String id = SellerFixture.publishedWorkflow(seller, "Page cache " + word, "n8n", "4");
        String slug = "page-cache-" + word;

        assertThat(new WebSession(port).get("/workflows/" + slug).body()).contains("$4");
        assertThat(redis.hasKey("flowmarket:cache:catalog-workflow::" + slug)).as("the page data is in Redis").isTrue();
        assertThat(new WebSession(port).get("/workflows?q=" + word).body()).contains("$4");
        assertThat(redis.keys("flowmarket:cache:catalog-search::*" + word + "*")).as("the results are in Redis").isNotEmpty();
        assertThat(new WebSession(port).get("/workflows/" + slug).body()).contains("$4");

        seller.post("/seller/workflows/" + id + "/edit", Map.of("title", "Page cache " + word, "summary", "A workflow made by a test.",
                "description", "", "platform", "n8n", "price", "9", "currency", "USD", "category", "", "tags", "")).assertStatus(302);

        assertThat(new WebSession(port).get("/workflows/" + slug).body()).contains("$9").doesNotContain("$4");
        assertThat(new WebSession(port).get("/workflows?q=" + word).body()).contains("$9").doesNotContain("$4");
        // the owner still sees their own drafts, which are never cached
        seller.post("/seller/workflows/" + id + "/archive", Map.of()).assertStatus(302);
        assertThat(new WebSession(port).get("/workflows/" + slug).status()).isEqualTo(404);
        assertThat(seller.get("/workflows/" + slug).status()).isEqualTo(200);
    }

    @Test
    void visitorsGetWholePagesFromTheCacheEachWithTheirOwnCsrfToken() {
        WebSession seller = SellerFixture.newSeller(port);
        String word = Fixtures.uniqueWord();
        String id = SellerFixture.publishedWorkflow(seller, "Whole page " + word, "n8n", "4");
        String path = "/workflows/whole-page-" + word;
        java.util.regex.Pattern csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

        WebSession first = new WebSession(port);
        String firstPage = first.get(path).assertStatus(200).body();
        assertThat(redis.keys("flowmarket:cache:catalog-pages::* " + path)).as("the rendered page is in Redis").hasSize(1);
        WebSession second = new WebSession(port);
        String secondPage = second.get(path).assertStatus(200).body();
        assertThat(secondPage).contains("Whole page " + word).contains("$4");

        java.util.regex.Matcher a = csrf.matcher(firstPage);
        java.util.regex.Matcher b = csrf.matcher(secondPage);
        assertThat(a.find() && b.find()).isTrue();
        assertThat(b.group(1)).as("the cached page carries the second visitor's token").isNotEqualTo(a.group(1));
        assertThat(second.post("/newsletter", Map.of("email", Fixtures.uniqueEmail("page-cache"))).status())
                .as("the form of a cached page posts").isIn(200, 302);

        seller.post("/seller/workflows/" + id + "/edit", Map.of("title", "Whole page " + word, "summary", "A workflow made by a test.",
                "description", "", "platform", "n8n", "price", "9", "currency", "USD", "category", "", "tags", "")).assertStatus(302);
        assertThat(new WebSession(port).get(path).body()).contains("$9").doesNotContain("$4");
        // signed-in people always get their own page, never a visitor's
        assertThat(seller.get(path).body()).contains("/logout");
        assertThat(new WebSession(port).get(path).body()).doesNotContain("/logout");
    }

    @Test
    void theHomePageIsServedFromPostgreSqlWhileRedisIsDown() {
        EmbeddedInfrastructure.stopRedis();
        try {
            assertThat(new WebSession(port).get("/").status()).isEqualTo(200);
            assertThat(new WebSession(port).get("/workflows").status()).isEqualTo(200);
            assertThat(cacheCircuitBreaker.getState()).isEqualTo(io.github.resilience4j.circuitbreaker.CircuitBreaker.State.OPEN);
        } finally {
            EmbeddedInfrastructure.restartRedis();
        }
        // the breaker tries Redis again a few seconds later, and closes once it answers
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> {
            new WebSession(port).get("/");
            return cacheCircuitBreaker.getState() == io.github.resilience4j.circuitbreaker.CircuitBreaker.State.CLOSED;
        });
        // ... and pages are kept in Redis again (the first writes after a restart may still meet a stale connection)
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> {
            redis.delete(redis.keys("flowmarket:cache:catalog-pages::* /"));
            new WebSession(port).get("/");
            return !redis.keys("flowmarket:cache:catalog-pages::* /").isEmpty();
        });
    }
}
