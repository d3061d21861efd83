package app.flowmarket.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import app.flowmarket.IntegrationTest;
import app.flowmarket.account.AccountManagement;
import app.flowmarket.catalog.SellerFixture;
import app.flowmarket.support.Fixtures;
import app.flowmarket.support.Mailbox;
import app.flowmarket.support.Shopper;
import app.flowmarket.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class ReviewReplyIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    AccountManagement accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theSellerRepliesOnceEditablyUnderTheReviewAndTheReviewerIsTold() {
        WebSession seller = SellerFixture.newSeller(port);
        String workflowId = SellerFixture.publishedWorkflow(seller, "Replied " + Fixtures.uniqueSlug("rp"), "n8n", "0");
        String slug = jdbc.sql("select slug from workflow where id = ?::uuid").param(workflowId).query(String.class).single();
        String reviews = "/workflows/" + slug + "/reviews";
        String reviewerEmail = Fixtures.uniqueEmail("reviewer");
        UUID reviewerId = accounts.createVerified(reviewerEmail, Fixtures.PASSWORD, "Rita Reviewer");
        WebSession reviewer = new WebSession(port).signIn(reviewerEmail, Fixtures.PASSWORD);
        Shopper.buy(reviewer, workflowId);
        reviewer.get(reviews);
        reviewer.post(reviews, Map.of("rating", "2", "body", "Broke on the second run")).assertStatus(302);
        String reviewId = jdbc.sql("select id::text from review where workflow_id = ?::uuid").param(workflowId).query(String.class).single();

        String list = seller.get("/seller/reviews?filter=unanswered").assertStatus(200).body();
        assertThat(list).contains("Broke on the second run").contains("Rita Reviewer");
        assertThat(seller.get("/seller/reviews?filter=low").body()).contains("Broke on the second run");

        // someone else, even a seller, cannot reply: no reply is saved
        WebSession otherSeller = SellerFixture.newSeller(port);
        otherSeller.get("/seller/reviews");
        otherSeller.post("/seller/reviews/" + reviewId + "/reply", Map.of("body", "Fake seller answer")).assertStatus(403);
        reviewer.post("/seller/reviews/" + reviewId + "/reply", Map.of("body", "Replying to myself")).assertStatus(403);
        assertThat(otherSeller.get("/seller/reviews").body()).doesNotContain("Broke on the second run");

        assertThat(seller.post("/seller/reviews/" + reviewId + "/reply", Map.of("body", "Fixed in v2 <script>alert(1)</script>"))
                .assertStatus(302).location()).startsWith("/seller/reviews");
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from notification where recipient_id = ? and type = 'REVIEW_REPLY'")
                .param(reviewerId).query(Long.class).single() == 1);
        assertThat(Mailbox.body(Mailbox.awaitMail(reviewerEmail, "The seller replied to your review"))).contains("replied to your review");

        seller.post("/seller/reviews/" + reviewId + "/reply", Map.of("body", "Fixed in v2, see the changelog")).assertStatus(302);
        String page = new WebSession(port).get(reviews).body();
        assertThat(page).contains("Seller’s reply").contains("Fixed in v2, see the changelog").doesNotContain("<script>alert(1)</script>");
        assertThat(seller.get("/seller/reviews?filter=unanswered").body()).doesNotContain("Broke on the second run");
        assertThat(jdbc.sql("select count(*) from notification where recipient_id = ? and type = 'REVIEW_REPLY'")
                .param(reviewerId).query(Long.class).single()).as("an edit tells no one again").isEqualTo(1);

        assertThat(seller.post("/seller/reviews/" + reviewId + "/reply", Map.of("body", " ")).assertStatus(302).location())
                .startsWith("/seller/reviews");
        assertThat(seller.get("/seller/reviews").body()).contains("Write between 2 and 2000 characters.");
    }
}
