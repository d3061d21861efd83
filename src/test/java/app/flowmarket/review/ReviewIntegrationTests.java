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
        WebSession.Page refused = stranger.post(reviews, Map.of("rating", "1", "body", "Never bought it, still hate it")).assertStatus(422);
        assertThat(refused.body()).contains("<div class=\"error-box\" role=\"alert\">Only buyers of this workflow can review it.</div>");
        assertThat(stranger.get(reviews).body()).doesNotContain("still hate it");
        assertThat(new WebSession(port).post(reviews, Map.of("rating", "5", "body", "anonymous praise")).status()).isEqualTo(302);

        WebSession alice = owner(workflowId, "Alice");
        alice.get(reviews);
        assertThat(alice.post(reviews, Map.of("rating", "5", "body", "Saved me hours <script>alert(1)</script>")).assertStatus(302).location())
                .as("back to the workflow page, not a bare reviews page").isEqualTo("/workflows/" + slug + "#reviews-h");
        WebSession bob = owner(workflowId, "Bob");
        bob.get(reviews);
        bob.post(reviews, Map.of("rating", "2", "body", "Needed tweaks")).assertStatus(302);
        assertThat(rating(workflowId)).isEqualTo("3.50/2");

        bob.post(reviews, Map.of("rating", "4", "body", "After the update it works well")).assertStatus(302);
        assertThat(rating(workflowId)).as("an edit replaces, never adds").isEqualTo("4.50/2");

        assertThat(bob.post(reviews, Map.of("rating", "9", "body", "Out of range")).assertStatus(422).body())
                .contains("<div class=\"error-box\" role=\"alert\">Choose between 1 and 5 stars.</div>").contains("Out of range");
        assertThat(rating(workflowId)).isEqualTo("4.50/2");

        String page = new WebSession(port).get(reviews).body();
        assertThat(page).contains("Saved me hours").contains("Verified purchase").contains("(edited)")
                .doesNotContain("<script>alert(1)</script>");
        assertThat(new WebSession(port).get("/workflows/" + slug).body()).contains("4.5 (2 ratings)").contains("2 ratings");
    }

    @Test
    void helpfulVotesCountOncePerPersonAndAForgedReturnAddressIsRefused() {
        WebSession seller = SellerFixture.newSeller(port);
        String workflowId = SellerFixture.publishedWorkflow(seller, "Voted " + Fixtures.uniqueSlug("vt"), "n8n", "0");
        String slug = jdbc.sql("select slug from workflow where id = ?::uuid").param(workflowId).query(String.class).single();
        String reviews = "/workflows/" + slug + "/reviews";
        WebSession author = owner(workflowId, "Author");
        author.get(reviews);
        author.post(reviews, Map.of("rating", "4", "body", "Solid workflow")).assertStatus(302);
        String reviewId = jdbc.sql("select id::text from review where workflow_id = ?::uuid").param(workflowId).query(String.class).single();

        // a forged return address is refused before anything is saved: no open redirect, no split header, no 500
        WebSession reader = owner(workflowId, "Reader");
        reader.get(reviews);
        WebSession.Page offSite = reader.post("/reviews/" + reviewId + "/helpful", Map.of("back", "https://evil.example/"));
        WebSession.Page split = reader.post("/reviews/" + reviewId + "/helpful", Map.of("back", "/x\r\nSet-Cookie: a=b"));
        assertThat(offSite.status()).isEqualTo(400);
        assertThat(split.status()).isEqualTo(400);
        assertThat(split.body()).contains("That link is broken");
        assertThat(helpfulCount(reviewId)).isZero();

        assertThat(reader.post("/reviews/" + reviewId + "/helpful", Map.of("back", reviews)).assertStatus(302).location()).isEqualTo(reviews);
        reader.post("/reviews/" + reviewId + "/helpful", Map.of("back", reviews)).assertStatus(302);
        assertThat(author.post("/reviews/" + reviewId + "/helpful", Map.of("back", reviews)).assertStatus(422).body())
                .contains("<div class=\"error-box\" role=\"alert\">You cannot vote for your own review.</div>");
        assertThat(helpfulCount(reviewId)).isEqualTo(1);
    }

    @Test
    void aReviewIsReportedThroughTheReportFormIntoTheModerationQueue() {
        WebSession seller = SellerFixture.newSeller(port);
        String workflowId = SellerFixture.publishedWorkflow(seller, "Reported " + Fixtures.uniqueSlug("rr"), "n8n", "0");
        String slug = jdbc.sql("select slug from workflow where id = ?::uuid").param(workflowId).query(String.class).single();
        String reviews = "/workflows/" + slug + "/reviews";
        WebSession author = owner(workflowId, "Author");
        author.get(reviews);
        author.post(reviews, Map.of("rating", "1", "body", "Did not work for me at all, sadly")).assertStatus(302);
        String reviewId = jdbc.sql("select id::text from review where workflow_id = ?::uuid").param(workflowId).query(String.class).single();

        WebSession reader = owner(workflowId, "Reader");
        String form = "/report/review/" + reviewId;
        assertThat(reader.get(reviews).body()).as("each review links to the report form").contains("href=\"" + form + "\"");
        assertThat(reader.get(form).body()).contains("Why are you reporting it?");
        assertThat(reader.post(form, Map.of("reason", "spam", "note", "Sends buyers to another store")).assertStatus(200).body())
                .contains("Thanks, we’ll look at it.");
        assertThat(jdbc.sql("select reason || '/' || note || '/' || status from moderation_report where content_type = 'review' and content_id = ?::uuid")
                .param(reviewId).query(String.class).single()).isEqualTo("spam/Sends buyers to another store/OPEN");
        assertThat(jdbc.sql("select hits from moderation_item where content_type = 'review' and content_id = ?::uuid and status = 'OPEN'")
                .param(reviewId).query(String.class).single()).isEqualTo("report: spam — Sends buyers to another store");

        // the old one-click button is gone: posting to it files nothing
        assertThat(reader.post("/reviews/" + reviewId + "/report", Map.of("reason", "spam")).status()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from moderation_report where content_id = ?::uuid").param(reviewId).query(Long.class).single())
                .isEqualTo(1);
    }

    long helpfulCount(String reviewId) {
        return jdbc.sql("select helpful_count from review where id = ?::uuid").param(reviewId).query(Long.class).single();
    }

    @Test
    void aRejectedReviewSaysWhyAsAnErrorWithItsNumbersAndKeepsWhatWasTyped() {
        WebSession seller = SellerFixture.newSeller(port);
        String workflowId = SellerFixture.publishedWorkflow(seller, "Short " + Fixtures.uniqueSlug("sh"), "n8n", "0");
        String slug = jdbc.sql("select slug from workflow where id = ?::uuid").param(workflowId).query(String.class).single();
        String reviews = "/workflows/" + slug + "/reviews";
        WebSession buyer = owner(workflowId, "Terse");
        buyer.get(reviews);

        String page = buyer.post(reviews, Map.of("rating", "4", "body", "  ")).assertStatus(422).body();
        assertThat(page).contains("<div class=\"error-box\" role=\"alert\">Write between 3 and 5,000 characters.</div>")
                .doesNotContain("{0}").doesNotContain("class=\"flash\"").contains("<option value=\"4\" selected>");

        String fragment = buyer.post(reviews, Map.of("rating", "2", "body", "ok"), Map.of("HX-Request", "true")).assertStatus(200).body();
        assertThat(fragment.strip()).as("htmx gets the fragment only").startsWith("<div id=\"reviews\"").doesNotContain("<html")
                .contains("Write between 3 and 5,000 characters.").contains(">ok</textarea>");
        assertThat(rating(workflowId)).isEqualTo("0.00/0");
    }

    @Test
    void theAuthorEditsAndDeletesTheirReviewInPlaceAndTheRatingFollows() {
        WebSession seller = SellerFixture.newSeller(port);
        String workflowId = SellerFixture.publishedWorkflow(seller, "Edited " + Fixtures.uniqueSlug("ed"), "n8n", "0");
        String slug = jdbc.sql("select slug from workflow where id = ?::uuid").param(workflowId).query(String.class).single();
        String reviews = "/workflows/" + slug + "/reviews";
        Map<String, String> htmx = Map.of("HX-Request", "true");
        WebSession author = owner(workflowId, "Author");
        WebSession other = owner(workflowId, "Other");
        author.get(reviews);
        other.get(reviews);
        other.post(reviews, Map.of("rating", "2", "body", "Did not fit our setup"), htmx).assertStatus(200);

        String saved = author.post(reviews, Map.of("rating", "5", "body", "Does what it says"), htmx).assertStatus(200).body();
        assertThat(saved).contains("<div class=\"flash\" role=\"status\">Your review is saved.</div>").contains("Does what it says");
        assertThat(rating(workflowId)).isEqualTo("3.50/2");
        // one's own review offers edit and delete, never a helpful vote or a report; others' reviews do
        String own = saved.substring(saved.indexOf("<article class=\"review mine\""));
        own = own.substring(0, own.indexOf("</article>"));
        assertThat(own).contains("Your review").contains(">Edit</a>").contains(">Delete</button>")
                .doesNotContain(">Helpful</button>").doesNotContain(">Report abuse</a>");
        assertThat(saved).contains(">Helpful</button>").contains(">Report abuse</a>");

        String editing = author.getWithHeaders(reviews + "?edit", htmx).assertStatus(200).body();
        assertThat(editing).contains("Edit your review").contains(">Does what it says</textarea>").contains("<option value=\"5\" selected>");
        author.post(reviews, Map.of("rating", "4", "body", "Does what it says, after one tweak"), htmx).assertStatus(200);
        assertThat(rating(workflowId)).isEqualTo("3.00/2");

        String reviewId = jdbc.sql("select id::text from review where workflow_id = ?::uuid and body like 'Does what it says, after%'")
                .param(workflowId).query(String.class).single();
        String deleted = author.post(reviews + "/delete", Map.of(), htmx).assertStatus(200).body();
        assertThat(deleted).contains("Your review is deleted.").doesNotContain("after one tweak").contains("Write a review");
        assertThat(rating(workflowId)).isEqualTo("2.00/1");
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'review.deleted' and target_id = ?").param(reviewId)
                .query(Long.class).single()).isEqualTo(1);

        // without JavaScript the delete form posts and comes back to the workflow page
        author.post(reviews, Map.of("rating", "3", "body", "Back again"), htmx).assertStatus(200);
        assertThat(author.post(reviews + "/delete", Map.of()).assertStatus(302).location()).isEqualTo("/workflows/" + slug + "#reviews-h");
        assertThat(rating(workflowId)).isEqualTo("2.00/1");
    }
}
