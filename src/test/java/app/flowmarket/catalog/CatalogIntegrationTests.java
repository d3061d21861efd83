package app.flowmarket.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import app.flowmarket.IntegrationTest;
import app.flowmarket.support.Fixtures;
import app.flowmarket.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class CatalogIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void filtersByPlatformPriceAndTextAndCountsWhatMatches() {
        WebSession seller = SellerFixture.newSeller(port);
        String marker = Fixtures.uniqueSlug("zebra").replace("-", "");
        SellerFixture.publishedWorkflow(seller, "Free " + marker + " helper", "n8n", "0");
        SellerFixture.publishedWorkflow(seller, "Paid " + marker + " helper", "n8n", "75");

        WebSession visitor = new WebSession(port);
        assertThat(visitor.get("/workflows?q=" + marker).body()).contains("/workflows/free-" + marker + "-helper").contains("/workflows/paid-" + marker + "-helper").contains("2 workflows");
        assertThat(visitor.get("/workflows?q=" + marker + "&price=free").body()).contains("/workflows/free-" + marker + "-helper").doesNotContain("/workflows/paid-" + marker);
        assertThat(visitor.get("/workflows?q=" + marker + "&price=over-50").body()).contains("/workflows/paid-" + marker + "-helper").doesNotContain("/workflows/free-" + marker);
        assertThat(visitor.get("/workflows?q=" + marker + "&platform=make").body()).contains("No workflows");
        assertThat(visitor.get("/workflows?q=" + marker + "&sort=price-desc").body())
                .satisfies(body -> assertThat(body.indexOf("/workflows/paid-" + marker)).isLessThan(body.indexOf("/workflows/free-" + marker)));
    }

    @Test
    void htmxRequestsForResultsGetOnlyTheResultsFragment() {
        String fragment = new WebSession(port).getWithHeaders("/workflows?sort=newest", Map.of("HX-Request", "true", "HX-Target", "results")).body();
        String page = new WebSession(port).get("/workflows?sort=newest").body();

        assertThat(fragment).doesNotContain("<html").contains("results-head");
        assertThat(page).contains("<html").contains("results-head");
    }

    @Test
    void draftsAndArchivedListingsAreVisibleToTheirSellerOnly() {
        WebSession seller = SellerFixture.newSeller(port);
        String title = "Secret draft " + Fixtures.uniqueSlug("d");
        WebSession.Page created = seller.postMultipart("/seller/workflows/new", Map.of("title", title, "summary", "Not ready for anyone.",
                "description", "", "platform", "n8n", "price", "1", "currency", "USD", "category", "", "tags", ""),
                "file", "w.json", Fixtures.n8nWorkflow(title));
        String id = created.location().split("/")[3];
        String slug = jdbc.sql("select slug from workflow where id = ?::uuid").param(id).query(String.class).single();

        assertThat(seller.get("/workflows/" + slug).assertStatus(200).body()).contains("Only you can see this page");
        assertThat(new WebSession(port).get("/workflows/" + slug).status()).isEqualTo(404);

        seller.post("/seller/workflows/" + id + "/publish", Map.of()).assertStatus(302);
        assertThat(new WebSession(port).get("/workflows/" + slug).status()).isEqualTo(200);
        seller.post("/seller/workflows/" + id + "/archive", Map.of()).assertStatus(302);
        assertThat(new WebSession(port).get("/workflows/" + slug).status()).isEqualTo(404);
    }

    @Test
    void aSellerCannotTouchAnotherSellersWorkflow() {
        WebSession owner = SellerFixture.newSeller(port);
        String id = SellerFixture.publishedWorkflow(owner, "Owned " + Fixtures.uniqueSlug("o"), "n8n", "9");
        WebSession other = SellerFixture.newSeller(port);

        assertThat(other.get("/seller/workflows/" + id + "/edit").status()).isEqualTo(404);
        assertThat(other.post("/seller/workflows/" + id + "/archive", Map.of()).status()).isEqualTo(404);
        assertThat(other.post("/seller/workflows/" + id + "/edit", Map.of("title", "Stolen", "summary", "Stolen listing here",
                "platform", "n8n", "price", "0", "currency", "USD")).status()).isEqualTo(404);
        assertThat(other.postMultipart("/seller/workflows/" + id + "/versions", Map.of("changelog", "mine now"),
                "file", "w.json", Fixtures.n8nWorkflow("x")).status()).isEqualTo(404);

        String status = jdbc.sql("select status from workflow where id = ?::uuid").param(id).query(String.class).single();
        String title = jdbc.sql("select title from workflow where id = ?::uuid").param(id).query(String.class).single();
        assertThat(status).isEqualTo("PUBLISHED");
        assertThat(title).startsWith("Owned ");
    }

    @Test
    void aNewVersionNeedsAChangelogAndAValidFileAndIsListedOnThePage() {
        WebSession seller = SellerFixture.newSeller(port);
        String title = "Versioned " + Fixtures.uniqueSlug("v");
        String id = SellerFixture.publishedWorkflow(seller, title, "n8n", "5");

        assertThat(seller.postMultipart("/seller/workflows/" + id + "/versions", Map.of("changelog", ""),
                "file", "w.json", Fixtures.n8nWorkflow(title)).body()).contains("Say what changed");
        assertThat(seller.postMultipart("/seller/workflows/" + id + "/versions", Map.of("changelog", "Broken"),
                "file", "w.json", "{\"nodes\": 3}".getBytes()).body()).contains("not an n8n export");
        seller.postMultipart("/seller/workflows/" + id + "/versions", Map.of("changelog", "Retries failed Slack posts"),
                "file", "w.json", Fixtures.n8nWorkflow(title)).assertStatus(302);

        String slug = jdbc.sql("select slug from workflow where id = ?::uuid").param(id).query(String.class).single();
        String page = new WebSession(port).get("/workflows/" + slug).body();
        assertThat(page).contains("v2").contains("Retries failed Slack posts").contains("v1");
        assertThat(jdbc.sql("select count(*) from workflow_version where workflow_id = ?::uuid").param(id).query(Long.class).single())
                .isEqualTo(2);
    }

    @Test
    void whateverIsTypedIntoTheUrlNeverGivesAServerError() {
        WebSession visitor = new WebSession(port);
        String[] paths = {
                "/workflows?q=%3Cscript%3Ealert(1)%3C/script%3E", "/workflows?q=' OR 1=1 --".replace(" ", "%20"),
                "/workflows?q=" + "x".repeat(5000), "/workflows?q=%F0%9F%98%80%20caf%C3%A9", "/workflows?q=a%26b%7Cc%21%3A*",
                "/workflows?page=-1", "/workflows?page=99999999999", "/workflows?sort=%00", "/workflows?category=%27",
                "/workflows?price=%25", "/workflows?platform=' or 1=1", "/workflows/%2e%2e%2fetc",
                "/workflows/does-not-exist", "/stores/nope", "/media/workflow-files/" + java.util.UUID.randomUUID(),
                "/media/avatars/..%2f..%2fetc%2fpasswd", "/no/such/page", "/seller/workflows/not-a-uuid/edit",
                "/workflows?rating=%27", "/workflows?integration=" + "y".repeat(3000), "/search/suggest?q=%00%22*~", "/search/suggest?q=" + "z".repeat(5000),
                "/workflows?q=%22unbalanced%20(quote%20~2%20%5E3"};
        for (String path : paths) {
            WebSession.Page page = visitor.get(path.replace(" ", "%20").replace("'", "%27"));
            assertThat(page.status()).as(path).isLessThan(500);
            assertThat(page.body()).as(path).doesNotContain("Exception").doesNotContain("<script>alert(1)");
        }
        assertThat(visitor.get("/no/such/page").body()).contains("We could not find that page");
    }
}
