package app.flowmarket.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import app.flowmarket.IntegrationTest;
import app.flowmarket.account.AccountManagement;
import app.flowmarket.catalog.SellerFixture;
import app.flowmarket.support.Fixtures;
import app.flowmarket.support.Shopper;
import app.flowmarket.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class ReviewIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    AccountManagement accounts;

    @Autowired
    JdbcClient jdbc;

    WebSession owner(String workflowId, String name) {
        String email = Fixtures.uniqueEmail(name);
        accounts.createVerified(email, Fixtures.PASSWORD, name);
        WebSession buyer = new WebSession(port).signIn(email, Fixtures.PASSWORD);
        Shopper.getFree(buyer, workflowId);
        return buyer;
    }

    String rating(String workflowId) {
        return jdbc.sql("select rating_avg::text || '/' || rating_count from workflow where id = ?::uuid").param(workflowId).query(String.class).single();
    }

    @Test
    void onlyBuyersReviewOnceEachAndTheAverageFollows() {
        WebSession seller = SellerFixture.newSeller(port);
        String workflowId = SellerFixture.publishedWorkflow(seller, "Reviewed " + Fixtures.uniqueSlug("rv"), "n8n", "0");
        String slug = jdbc.sql("select slug from workflow where id = ?::uuid").param(workflowId).query(String.class).single();
        String reviews = "/workflows/" + slug + "/reviews";

        String strangerEmail = Fixtures.uniqueEmail("stranger");
        accounts.createVerified(strangerEmail, Fixtures.PASSWORD, "Stranger");
        WebSession stranger = new WebSession(port).signIn(strangerEmail, Fixtures.PASSWORD);
        stranger.get(reviews);
        stranger.post(reviews, Map.of("rating", "1", "body", "Never bought it, still hate it")).assertStatus(302);
        assertThat(stranger.get(reviews).body()).contains("Only buyers of this workflow can review it").doesNotContain("still hate it");
        assertThat(new WebSession(port).post(reviews, Map.of("rating", "5", "body", "anonymous praise")).status()).isEqualTo(302);

        WebSession alice = owner(workflowId, "Alice");
        alice.get(reviews);
        alice.post(reviews, Map.of("rating", "5", "body", "Saved me hours <script>alert(1)</script>")).assertStatus(302);
        WebSession bob = owner(workflowId, "Bob");
        bob.get(reviews);
        bob.post(reviews, Map.of("rating", "2", "body", "Needed tweaks")).assertStatus(302);
        assertThat(rating(workflowId)).isEqualTo("3.50/2");

        bob.post(reviews, Map.of("rating", "4", "body", "After the update it works well")).assertStatus(302);
        assertThat(rating(workflowId)).as("an edit replaces, never adds").isEqualTo("4.50/2");

        bob.post(reviews, Map.of("rating", "9", "body", "Out of range")).assertStatus(302);
        assertThat(bob.get(reviews).body()).contains("Choose between 1 and 5 stars");
        assertThat(rating(workflowId)).isEqualTo("4.50/2");

        String page = new WebSession(port).get(reviews).body();
        assertThat(page).contains("Saved me hours").contains("Verified purchase").contains("(edited)")
                .doesNotContain("<script>alert(1)</script>");
        assertThat(new WebSession(port).get("/workflows/" + slug).body()).contains("4.50").contains("2 ratings");
    }

    @Test
    void helpfulVotesCountOncePerPersonAndReportsAreRecorded() {
        WebSession seller = SellerFixture.newSeller(port);
        String workflowId = SellerFixture.publishedWorkflow(seller, "Voted " + Fixtures.uniqueSlug("vt"), "n8n", "0");
        String slug = jdbc.sql("select slug from workflow where id = ?::uuid").param(workflowId).query(String.class).single();
        String reviews = "/workflows/" + slug + "/reviews";
        WebSession author = owner(workflowId, "Author");
        author.get(reviews);
        author.post(reviews, Map.of("rating", "4", "body", "Solid workflow")).assertStatus(302);
        String reviewId = jdbc.sql("select id::text from review where workflow_id = ?::uuid").param(workflowId).query(String.class).single();

        WebSession reader = owner(workflowId, "Reader");
        reader.get(reviews);
        reader.post("/reviews/" + reviewId + "/helpful", Map.of("back", reviews)).assertStatus(302);
        reader.post("/reviews/" + reviewId + "/helpful", Map.of("back", reviews)).assertStatus(302);
        author.post("/reviews/" + reviewId + "/helpful", Map.of("back", reviews)).assertStatus(302);
        assertThat(jdbc.sql("select helpful_count from review where id = ?::uuid").param(reviewId).query(Integer.class).single()).isEqualTo(1);

        // a forged return address is refused before anything is saved: no open redirect, no split header, no 500
        WebSession.Page offSite = reader.post("/reviews/" + reviewId + "/report", Map.of("reason", "spam", "back", "https://evil.example/"));
        WebSession.Page split = reader.post("/reviews/" + reviewId + "/report", Map.of("reason", "spam", "back", "/x\r\nSet-Cookie: a=b"));
        assertThat(offSite.status()).isEqualTo(400);
        assertThat(split.status()).isEqualTo(400);
        assertThat(split.body()).contains("That link is broken");
        assertThat(jdbc.sql("select count(*) from review_report where review_id = ?::uuid").param(reviewId).query(Long.class).single()).isZero();

        WebSession.Page reported = reader.post("/reviews/" + reviewId + "/report", Map.of("reason", "spam", "back", reviews));
        assertThat(reported.location()).isEqualTo(reviews);
        assertThat(jdbc.sql("select count(*) from review_report where review_id = ?::uuid").param(reviewId).query(Long.class).single()).isEqualTo(1);
    }
}
