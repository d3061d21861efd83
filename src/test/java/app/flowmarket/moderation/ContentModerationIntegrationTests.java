package app.flowmarket.moderation;

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
class ContentModerationIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    AccountManagement accounts;

    @Autowired
    JdbcClient jdbc;

    record Person(UUID id, String email, WebSession web) {
    }

    Person person(String name) {
        String email = Fixtures.uniqueEmail(name);
        UUID id = accounts.createVerified(email, Fixtures.PASSWORD, name);
        return new Person(id, email, new WebSession(port).signIn(email, Fixtures.PASSWORD));
    }

    Person admin() {
        String email = Fixtures.uniqueEmail("admin");
        UUID id = accounts.createVerified(email, Fixtures.PASSWORD, "Admin", "ADMIN");
        return new Person(id, email, new WebSession(port).signIn(email, Fixtures.PASSWORD));
    }

    String slugOf(String workflowId) {
        return jdbc.sql("select slug from workflow where id = ?::uuid").param(workflowId).query(String.class).single();
    }

    UUID openItem(String kind, Object contentId) {
        return jdbc.sql("select id from moderation_item where content_type = ? and content_id = ?::uuid and status = 'OPEN' order by created_at desc limit 1")
                .params(kind, contentId.toString()).query(UUID.class).single();
    }

    long newReviewNotifications(UUID sellerId) {
        return jdbc.sql("select coalesce(sum(count), 0) from notification where recipient_id = ? and type = 'NEW_REVIEW'").param(sellerId)
                .query(Long.class).single();
    }

    String hitsOf(UUID item) {
        return jdbc.sql("select hits from moderation_item where id = ?").param(item).query(String.class).single();
    }

    @Test
    void aHeldReviewIsSeenByItsAuthorOnlyUntilAnAdminApprovesItAndTheAuthorIsTold() {
        WebSession seller = SellerFixture.newSeller(port);
        String workflowId = SellerFixture.publishedWorkflow(seller, "Held " + Fixtures.uniqueSlug("hd"), "n8n", "0");
        String reviews = "/workflows/" + slugOf(workflowId) + "/reviews";
        Person author = person("Holly");
        Shopper.getFree(author.web(), workflowId);
        author.web().get(reviews);
        author.web().post(reviews, Map.of("rating", "4", "body", "Grab the cheaper copy at https://bit.ly/flow-copy instead")).assertStatus(302);

        assertThat(author.web().get(reviews).body()).contains("cheaper copy").contains("Waiting for a moderator");
        assertThat(new WebSession(port).get(reviews).body()).doesNotContain("cheaper copy");
        assertThat(seller.get(reviews).body()).doesNotContain("cheaper copy");
        assertThat(jdbc.sql("select rating_count from workflow where id = ?::uuid").param(workflowId).query(Integer.class).single())
                .as("a held review does not count yet").isZero();
        UUID sellerId = jdbc.sql("select s.owner_id from store s join workflow w on w.store_id = s.id where w.id = ?::uuid").param(workflowId)
                .query(UUID.class).single();

        UUID reviewId = jdbc.sql("select id from review where workflow_id = ?::uuid").param(workflowId).query(UUID.class).single();
        UUID item = openItem("review", reviewId);
        assertThat(hitsOf(item)).contains("blocked-domain: bit.ly");
        Person admin = admin();
        assertThat(newReviewNotifications(sellerId)).isZero();
        assertThat(admin.web().get("/admin/moderation").body()).contains("cheaper copy").contains("blocked-domain: bit.ly")
                .contains("Waiting for a moderator").contains("Reject and ban author");
        admin.web().post("/admin/moderation/" + item, Map.of("decision", "APPROVED", "reason", "The link is the author's own store."))
                .assertStatus(302);

        assertThat(new WebSession(port).get(reviews).body()).contains("cheaper copy").doesNotContain("Waiting for a moderator");
        // the seller hears of the review once it is public, not before
        await().atMost(Duration.ofSeconds(20)).until(() -> newReviewNotifications(sellerId) == 1);
        assertThat(jdbc.sql("select rating_count from workflow where id = ?::uuid").param(workflowId).query(Integer.class).single()).isEqualTo(1);
        assertThat(Mailbox.body(Mailbox.awaitMail(author.email(), "passed review"))).contains("The link is the author's own store.");
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'moderation.approved' and target_id = ?").param(reviewId.toString())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aBannedWordIsRefusedWithWhatToChangeAndABannedAuthorPostsNothingMore() {
        WebSession seller = SellerFixture.newSeller(port);
        String questions = "/workflows/" + slugOf(SellerFixture.publishedWorkflow(seller, "Asked " + Fixtures.uniqueSlug("bw"), "n8n", "0"))
                + "/questions";
        Person asker = person("Asker");
        asker.web().get(questions);
        WebSession.Page refused = asker.web().post(questions, Map.of("body", "Is there a keygen for the paid nodes it uses?"));
        assertThat(refused.body()).contains("Please change your text: it contains keygen");
        assertThat(jdbc.sql("select count(*) from qa_post where author_id = ?").param(asker.id()).query(Long.class).single()).isZero();

        asker.web().post(questions, Map.of("body", "Does this need a paid Slack plan to run at all?")).assertStatus(302);
        assertThat(new WebSession(port).get(questions).body()).as("a clean question is published at once").contains("paid Slack plan");

        // a report puts it in the queue; the admin rejects it and bans its author
        UUID questionId = jdbc.sql("select id from qa_post where author_id = ?").param(asker.id()).query(UUID.class).single();
        Person reporter = person("Reporter");
        reporter.web().get("/report/question/" + questionId);
        reporter.web().post("/report/question/" + questionId, Map.of("reason", "spam", "note", "Asked on every listing")).assertStatus(200);
        UUID item = openItem("question", questionId);
        Person admin = admin();
        admin.web().get("/admin/moderation");
        admin.web().post("/admin/moderation/" + item, Map.of("decision", "BANNED", "reason", "Spam questions on many listings.")).assertStatus(302);

        assertThat(new WebSession(port).get(questions).body()).doesNotContain("paid Slack plan");
        assertThat(asker.web().post(questions, Map.of("body", "One more question about the Slack plan here.")).body())
                .contains("can no longer post");
        assertThat(Mailbox.body(Mailbox.awaitMail(asker.email(), "can no longer post"))).contains("Spam questions on many listings.");
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'moderation.author-banned' and target_id = ?")
                .param(asker.id().toString()).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select status from moderation_report where content_id = ?").param(questionId).query(String.class).single())
                .isEqualTo("CLOSED");
    }

    @Test
    void theSameLongAnswerPostedTwiceIsFlaggedButShortCommonOnesAreNot() {
        WebSession seller = SellerFixture.newSeller(port);
        String questions = "/workflows/" + slugOf(SellerFixture.publishedWorkflow(seller, "Dup " + Fixtures.uniqueSlug("dp"), "n8n", "0"))
                + "/questions";
        Person asker = person("Asker");
        asker.web().get(questions);
        asker.web().post(questions, Map.of("body", "Which n8n version does it need, " + Fixtures.uniqueWord() + "?")).assertStatus(302);
        String questionId = jdbc.sql("select id::text from qa_post where author_id = ?").param(asker.id()).query(String.class).single();
        Person helper = person("Helper");
        helper.web().get(questions);
        String copied = "Check out my own store for a better version " + Fixtures.uniqueWord() + ", it is much faster than this one";
        helper.web().post(questions + "/" + questionId + "/answers", Map.of("body", copied)).assertStatus(302);
        helper.web().post(questions + "/" + questionId + "/answers", Map.of("body", copied.toUpperCase() + "!!")).assertStatus(302);
        helper.web().post(questions + "/" + questionId + "/answers", Map.of("body", "Thanks, works!")).assertStatus(302);
        helper.web().post(questions + "/" + questionId + "/answers", Map.of("body", "Thanks, works!")).assertStatus(302);

        var answers = jdbc.sql("select id from qa_post where author_id = ? order by created_at").param(helper.id()).query(UUID.class).list();
        assertThat(jdbc.sql("select count(*) from moderation_item where content_id = ?").param(answers.get(0)).query(Long.class).single())
                .as("the first one is not a duplicate yet").isZero();
        assertThat(hitsOf(openItem("answer", answers.get(1)))).contains("duplicate: \"check out my own store");
        assertThat(jdbc.sql("select count(*) from moderation_item where content_id in (?, ?)").params(answers.get(2), answers.get(3))
                .query(Long.class).single()).as("short texts are not compared").isZero();
        assertThat(new WebSession(port).get(questions).body()).as("flagged content stays up").contains("much faster than this one");
    }

    @Test
    void aBrandNewAccountPostingManyItemsInAnHourIsFlaggedAnOlderOneIsNot() {
        WebSession seller = SellerFixture.newSeller(port);
        String questions = "/workflows/" + slugOf(SellerFixture.publishedWorkflow(seller, "Burst " + Fixtures.uniqueSlug("bu"), "n8n", "0"))
                + "/questions";
        Person fresh = person("Fresh");
        Person older = person("Older");
        jdbc.sql("update account set created_at = now() - interval '3 days' where id = ?").param(older.id()).update();
        for (Person person : java.util.List.of(fresh, older)) {
            person.web().get(questions);
            for (int i = 1; i <= 5; i++) {
                person.web().post(questions, Map.of("body", "Question number " + i + " about " + Fixtures.uniqueWord() + " here")).assertStatus(302);
            }
        }
        assertThat(jdbc.sql("select hits from moderation_item where author_id = ?").param(fresh.id()).query(String.class).list())
                .singleElement().asString().startsWith("burst: 5 items within an hour");
        assertThat(jdbc.sql("select count(*) from moderation_item where author_id = ?").param(older.id()).query(Long.class).single()).isZero();
    }

    @Test
    void reportingTakesASignedInPersonOneOpenReportPerItemAndThanksThem() {
        WebSession seller = SellerFixture.newSeller(port);
        String workflowId = SellerFixture.publishedWorkflow(seller, "Reported " + Fixtures.uniqueSlug("rp"), "n8n", "0");
        String form = "/report/workflow/" + workflowId;
        assertThat(new WebSession(port).get(form).status()).isEqualTo(302);
        assertThat(new WebSession(port).get("/workflows/" + slugOf(workflowId)).body()).contains("href=\"" + form + "\"");

        Person reporter = person("Rita");
        assertThat(reporter.web().get(form).body()).contains("Why are you reporting it?").contains("name=\"_csrf\"");
        assertThat(reporter.web().post(form, Map.of("reason", "nonsense")).body()).contains("Choose a reason from the list.");
        assertThat(reporter.web().post(form, Map.of("reason", "copyright", "note", "Copied from the n8n template library")).body())
                .contains("Thanks, we’ll look at it.");
        assertThat(reporter.web().post(form, Map.of("reason", "spam")).body()).contains("You already reported this");
        assertThat(seller.get(form).status()).isEqualTo(200);
        assertThat(seller.post(form, Map.of("reason", "spam")).body()).contains("You cannot report what you wrote yourself.");
        assertThat(reporter.web().get("/report/workflow/" + UUID.randomUUID()).status()).isEqualTo(404);

        UUID item = openItem("workflow", workflowId);
        assertThat(hitsOf(item)).isEqualTo("report: copyright — Copied from the n8n template library");
        Person admin = admin();
        assertThat(admin.web().get("/admin/moderation").body()).contains("Reported").contains("Copied from the n8n template library");

        // a non-admin gets 403 on the queue, its actions and the rules
        assertThat(reporter.web().get("/admin/moderation").status()).isEqualTo(403);
        assertThat(reporter.web().post("/admin/moderation/" + item, Map.of("decision", "APPROVED", "reason", "fine by me")).status()).isEqualTo(403);
        assertThat(reporter.web().get("/admin/moderation/rules").status()).isEqualTo(403);
        assertThat(reporter.web().post("/admin/moderation/rules/burst", Map.of("outcome", "OFF")).status()).isEqualTo(403);
    }

    @Test
    void anAdminChangesWhatARuleDoesAndTheChangeIsAudited() {
        Person admin = admin();
        assertThat(admin.web().get("/admin/moderation/rules").body()).contains("Burst from a new account").contains("Suspicious price")
                .contains("id=\"rule-burst-threshold\"").as("a rule without a threshold offers none").doesNotContain("id=\"rule-banned-word-threshold\"");
        admin.web().post("/admin/moderation/rules/too-many-links", Map.of("outcome", "HOLD", "threshold", "0")).assertStatus(302);
        assertThat(admin.web().get("/admin/moderation/rules").body()).contains("Give a threshold from 1 to 10000.");
        admin.web().post("/admin/moderation/rules/too-many-links", Map.of("outcome", "HOLD", "threshold", "3")).assertStatus(302);
        try {
            assertThat(jdbc.sql("select outcome || '/' || threshold from moderation_rule where rule = 'too-many-links'").query(String.class).single())
                    .isEqualTo("HOLD/3");
            assertThat(jdbc.sql("select details from audit_entry where action = 'moderation.rule-changed' and target_id = 'too-many-links' and actor_id = ?")
                    .param(admin.id()).query(String.class).single()).contains("FLAG").contains("HOLD");
        } finally {
            jdbc.sql("update moderation_rule set outcome = 'FLAG', threshold = 8 where rule = 'too-many-links'").update();
        }
    }
}
