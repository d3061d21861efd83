package app.flowmarket.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.flowmarket.IntegrationTest;
import app.flowmarket.account.AccountManagement;
import app.flowmarket.catalog.SellerFixture;
import app.flowmarket.support.Fixtures;
import app.flowmarket.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Public pages answered to a visitor may stay in the browser's back/forward cache (revalidated, never stored for
 * later); whatever a signed-in person sees, the private areas, the API and errors are never stored.
 */
@IntegrationTest
class PageCachingIntegrationTests {

    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountManagement accounts;

    String title;
    String workflow;
    String store;

    @BeforeEach
    void aPublishedWorkflow() {
        WebSession seller = SellerFixture.newSeller(port);
        title = "Kept for back " + Fixtures.uniqueSlug("b");
        String id = SellerFixture.publishedWorkflow(seller, title, "n8n", "9");
        workflow = jdbc.sql("select slug from workflow where id = ?::uuid").param(id).query(String.class).single();
        store = jdbc.sql("select s.slug from store s join workflow w on w.store_id = s.id where w.id = ?::uuid").param(id)
                .query(String.class).single();
    }

    private static String cacheControl(WebSession.Page page) {
        return page.headers().firstValue("Cache-Control").orElse("");
    }

    @Test
    void publicPagesAndTheirFragmentsAnsweredToAVisitorAreRevalidatedButMayBeKeptForBack() {
        WebSession visitor = new WebSession(port);
        for (String path : new String[] {"/", "/workflows", "/workflows?q=slack", "/workflows/" + workflow, "/workflows/" + workflow,
                "/stores/" + store, "/workflows/" + workflow + "/reviews", "/workflows/" + workflow + "/buy-box",
                "/stores/" + store + "/follow", "/login", "/coming-soon"}) {
            WebSession.Page page = visitor.get(path).assertStatus(200);
            assertThat(cacheControl(page)).as(path).isEqualTo("private, no-cache");
            assertThat(page.headers().firstValue("Pragma")).as(path).isEmpty();
            assertThat(page.headers().firstValue("Expires")).as(path).isEmpty();
        }
        // the second visit came out of the shared page cache, with the same answer
        assertThat(visitor.get("/workflows/" + workflow).headers().firstValue("X-Page-Cache")).hasValue("hit");
    }

    @Test
    void whatASignedInPersonSeesIsNeverStored() {
        String email = Fixtures.uniqueEmail("back-reader");
        accounts.createVerified(email, Fixtures.PASSWORD, "Bea Back");
        WebSession person = new WebSession(port).signIn(email, Fixtures.PASSWORD);
        for (String path : new String[] {"/", "/workflows", "/workflows/" + workflow, "/stores/" + store, "/workflows/" + workflow + "/buy-box",
                "/cart", "/settings", "/library"}) {
            WebSession.Page page = person.get(path).assertStatus(200);
            assertThat(cacheControl(page)).as(path).contains("no-store");
        }
    }

    @Test
    void privateAreasPagesWithATokenTheApiAndErrorsAreNeverStoredEvenForAVisitor() {
        WebSession visitor = new WebSession(port);
        Map<String, Integer> answers = Map.of(
                "/cart", 200,
                "/settings", 302,
                "/seller", 302,
                "/admin", 302,
                "/library", 302,
                "/reset-password?token=" + Fixtures.uniqueWord(), 200,
                "/api/v1/workflows", 200,
                "/workflows/no-such-workflow-" + Fixtures.uniqueWord(), 404,
                "/stores/no-such-store-" + Fixtures.uniqueWord(), 404);
        answers.forEach((path, status) -> {
            WebSession.Page page = visitor.get(path);
            assertThat(page.status()).as(path).isEqualTo(status);
            assertThat(cacheControl(page)).as(path).contains("no-store");
        });
        WebSession.Page posted = visitor.post("/newsletter", Map.of("email", Fixtures.uniqueEmail("back-news")));
        assertThat(cacheControl(posted)).contains("no-store");
    }

    @Test
    void theFormsOfAPageBroughtBackStillPostUntilTheVisitorSignsIn() {
        WebSession visitor = new WebSession(port);
        String kept = token(visitor.get("/workflows/" + workflow).assertStatus(200));
        visitor.get("/stores/" + store).assertStatus(200);
        visitor.get("/workflows").assertStatus(200);

        // "Back" to the workflow page: its form, with the token it was served with, still adds to the cart
        String id = jdbc.sql("select id::text from workflow where slug = ?").param(workflow).query(String.class).single();
        WebSession.Page added = visitor.postWithoutCsrf("/cart/items", Map.of("_csrf", kept, "kind", "WORKFLOW", "id", id));
        assertThat(added.status()).isEqualTo(302);
        assertThat(visitor.get("/cart").body()).contains(title);

        // signing in replaces the token: a page from before is refused, so the browser loads such a page again
        String email = Fixtures.uniqueEmail("back-buyer");
        accounts.createVerified(email, Fixtures.PASSWORD, "Bo Back");
        visitor.signIn(email, Fixtures.PASSWORD);
        WebSession.Page stale = visitor.postWithoutCsrf("/cart/items", Map.of("_csrf", kept, "kind", "WORKFLOW", "id", id));
        assertThat(stale.status()).isEqualTo(403);
    }

    private static String token(WebSession.Page page) {
        Matcher matcher = TOKEN.matcher(page.body());
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }
}
