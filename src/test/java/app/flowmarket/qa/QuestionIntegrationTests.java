package app.flowmarket.qa;

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
import app.flowmarket.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class QuestionIntegrationTests {

    static final Map<String, String> HTMX = Map.of("HX-Request", "true");

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
        WebSession web = new WebSession(port).signIn(email, Fixtures.PASSWORD);
        return new Person(id, email, web);
    }

    String slugOf(String workflowId) {
        return jdbc.sql("select slug from workflow where id = ?::uuid").param(workflowId).query(String.class).single();
    }

    String post(String body) {
        return jdbc.sql("select id::text from qa_post where body = ?").param(body).query(String.class).single();
    }

    long notifications(UUID recipient, String type) {
        return jdbc.sql("select coalesce(sum(count), 0) from notification where recipient_id = ? and type = ?").params(recipient, type)
                .query(Long.class).single();
    }

    @Test
    void askAnswerAcceptWithSellerBadgeAndNotifications() {
        WebSession seller = SellerFixture.newSeller(port);
        UUID sellerId = jdbc.sql("select owner_id from store s join workflow w on w.store_id = s.id where w.id = ?::uuid")
                .param(SellerFixture.publishedWorkflow(seller, "Asked " + Fixtures.uniqueSlug("qa"), "n8n", "0")).query(UUID.class).single();
        String slug = jdbc.sql("select w.slug from workflow w join store s on s.id = w.store_id where s.owner_id = ?").param(sellerId)
                .query(String.class).single();
        String questions = "/workflows/" + slug + "/questions";
        Person asker = person("Asker");
        Person helper = person("Helper");

        assertThat(new WebSession(port).post(questions, Map.of("body", "Anonymous question here")).assertStatus(302).location())
                .as("visitors sign in first").contains("/login");
        asker.web().get(questions);
        asker.web().post(questions, Map.of("body", "Does it work with **Gmail** labels? <img src=x onerror=alert(1)>")).assertStatus(302);
        String questionId = jdbc.sql("select id::text from qa_post where workflow_id = (select id from workflow where slug = ?)")
                .param(slug).query(String.class).single();
        await().atMost(Duration.ofSeconds(20)).until(() -> notifications(sellerId, "NEW_QUESTION") == 1);

        seller.get(questions);
        seller.post(questions + "/" + questionId + "/answers", Map.of("body", "Yes, labels are kept as they are.")).assertStatus(302);
        helper.web().get(questions);
        helper.web().post(questions + "/" + questionId + "/answers", Map.of("body", "Worked for me with nested labels too."))
                .assertStatus(302);
        String sellerAnswer = post("Yes, labels are kept as they are.");
        String helperAnswer = post("Worked for me with nested labels too.");
        await().atMost(Duration.ofSeconds(20)).until(() -> notifications(asker.id(), "NEW_ANSWER") == 2);
        assertThat(Mailbox.body(Mailbox.awaitMail(asker.email(), "New answer to your question"))).contains("answered your question");

        // answers are one level deep; only the asker accepts; nobody upvotes their own post
        assertThat(helper.web().post(questions + "/" + sellerAnswer + "/answers", Map.of("body", "An answer to an answer"), HTMX).body())
                .contains("Only questions that are still there can be answered.");
        helper.web().post(questions + "/" + helperAnswer + "/accept", Map.of()).assertStatus(403);
        seller.post(questions + "/" + sellerAnswer + "/accept", Map.of()).assertStatus(403);
        assertThat(helper.web().post(questions + "/" + helperAnswer + "/upvote", Map.of(), HTMX).body())
                .contains("You cannot upvote your own post.");
        asker.web().post(questions + "/" + helperAnswer + "/upvote", Map.of()).assertStatus(302);
        asker.web().post(questions + "/" + helperAnswer + "/upvote", Map.of()).assertStatus(302);
        assertThat(jdbc.sql("select upvote_count from qa_post where id = ?::uuid").param(helperAnswer).query(Integer.class).single()).isEqualTo(1);
        asker.web().post(questions + "/" + sellerAnswer + "/accept", Map.of()).assertStatus(302);

        String page = new WebSession(port).get(questions).assertStatus(200).body();
        assertThat(page).contains("<strong>Gmail</strong>").contains("&lt;img src&#61;x").doesNotContain("<img src=x");
        String accepted = page.substring(page.indexOf("qa-answer accepted"));
        assertThat(accepted.substring(0, accepted.indexOf("</li>"))).as("the accepted answer comes first, with the seller badge")
                .contains("Yes, labels are kept").contains(">Seller</span>").contains("Accepted answer");
        assertThat(page.indexOf("Yes, labels are kept")).isLessThan(page.indexOf("Worked for me"));
        // a post of another workflow cannot be reached through this one
        assertThat(asker.web().post("/workflows/" + slug + "-nope/questions/" + questionId + "/upvote", Map.of()).status()).isEqualTo(404);

        // reports go through the report form linked from the post, each into the moderation queue; nobody reports their own post
        String form = "/report/question/" + questionId;
        assertThat(helper.web().get(questions).body()).contains("href=\"" + form + "\"");
        helper.web().get(form);
        assertThat(helper.web().post(form, Map.of("reason", "spam")).assertStatus(200).body()).contains("Thanks, we’ll look at it.");
        seller.get(form);
        seller.post(form, Map.of("reason", "other", "note", "Asked twice")).assertStatus(200);
        asker.web().get(form);
        assertThat(asker.web().post(form, Map.of("reason", "spam")).assertStatus(422).body()).contains("You cannot report what you wrote yourself.");
        assertThat(jdbc.sql("select count(*) from moderation_report where content_type = 'question' and content_id = ?::uuid and status = 'OPEN'")
                .param(questionId).query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select hits from moderation_item where content_type = 'question' and content_id = ?::uuid order by hits")
                .param(questionId).query(String.class).list()).containsExactly("report: other — Asked twice", "report: spam");
        // the old one-click button is gone: posting to it files nothing
        assertThat(asker.web().post(questions + "/" + helperAnswer + "/report", Map.of("reason", "spam")).status()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from moderation_report where content_id = ?::uuid").param(helperAnswer).query(Long.class).single())
                .isZero();
    }

    @Test
    void onlyAuthorsEditWithinTheWindowAndDeletingLeavesAPlaceholder() {
        WebSession seller = SellerFixture.newSeller(port);
        String slug = slugOf(SellerFixture.publishedWorkflow(seller, "Edited " + Fixtures.uniqueSlug("qe"), "n8n", "0"));
        String questions = "/workflows/" + slug + "/questions";
        Person asker = person("Editor");
        Person other = person("Other");
        asker.web().get(questions);
        other.web().get(questions);
        asker.web().post(questions, Map.of("body", "First wording of my question")).assertStatus(302);
        String questionId = post("First wording of my question");
        other.web().post(questions + "/" + questionId + "/answers", Map.of("body", "An answer that stays readable")).assertStatus(302);

        other.web().post(questions + "/" + questionId + "/edit", Map.of("body", "Hijacked wording here")).assertStatus(403);
        other.web().post(questions + "/" + questionId + "/delete", Map.of()).assertStatus(403);
        String editing = asker.web().getWithHeaders(questions + "?edit=" + questionId, HTMX).assertStatus(200).body();
        assertThat(editing).contains(">First wording of my question</textarea>");
        assertThat(asker.web().post(questions + "/" + questionId + "/edit", Map.of("body", "Better wording of my question"), HTMX).body())
                .contains("Your changes are saved.").contains("Better wording of my question").contains("(edited)");

        jdbc.sql("update qa_post set created_at = now() - interval '1 hour' where id = ?::uuid").param(questionId).update();
        assertThat(asker.web().post(questions + "/" + questionId + "/edit", Map.of("body", "Too late to change this"), HTMX).body())
                .contains("Posts can be edited for 15 minutes").contains(">Too late to change this</textarea>");

        assertThat(asker.web().post(questions + "/" + questionId + "/delete", Map.of(), HTMX).body())
                .contains("This question was deleted.").doesNotContain("Better wording").contains("An answer that stays readable");
        // an admin may remove anyone's post; it leaves the same placeholder
        String adminEmail = Fixtures.uniqueEmail("admin");
        accounts.createVerified(adminEmail, Fixtures.PASSWORD, "Admin", app.flowmarket.shared.CurrentUser.ADMIN);
        WebSession admin = new WebSession(port).signIn(adminEmail, Fixtures.PASSWORD);
        admin.get(questions);
        assertThat(admin.post(questions + "/" + post("An answer that stays readable") + "/delete", Map.of(), HTMX).body())
                .contains("This answer was deleted.").doesNotContain("An answer that stays readable");
        assertThat(asker.web().post(questions + "/" + questionId + "/answers", Map.of("body", "Answering a deleted one"), HTMX).body())
                .contains("Only questions that are still there can be answered.");
        assertThat(asker.web().post(questions, Map.of("body", "short"), HTMX).body()).contains("Write between 10 and 4,000 characters.")
                .contains(">short</textarea>");
    }

    @Test
    void postingIsRateLimitedPerPerson() {
        WebSession seller = SellerFixture.newSeller(port);
        String slug = slugOf(SellerFixture.publishedWorkflow(seller, "Busy " + Fixtures.uniqueSlug("qr"), "n8n", "0"));
        String questions = "/workflows/" + slug + "/questions";
        Person chatty = person("Chatty");
        chatty.web().get(questions);
        for (int i = 1; i <= 20; i++) {
            chatty.web().post(questions, Map.of("body", "Question number " + i + " of many")).assertStatus(302);
        }
        assertThat(chatty.web().post(questions, Map.of("body", "One question too many"), HTMX).body())
                .contains("You have posted a lot in the last hour (at most 20)");
        assertThat(jdbc.sql("select count(*) from qa_post where body = 'One question too many'").query(Long.class).single()).isZero();
    }
}
