package app.flowmarket.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

import app.flowmarket.IntegrationTest;
import app.flowmarket.account.AccountManagement;
import app.flowmarket.support.Mailbox;
import app.flowmarket.support.Shopper;
import jakarta.mail.internet.MimeMessage;
import app.flowmarket.support.Fixtures;
import app.flowmarket.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class VersionDiffIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountManagement accounts;

    @Test
    void theWorkflowPageTellsABuyerWhatEachNewVersionChanged() {
        WebSession seller = SellerFixture.newSeller(port);
        String title = "Diffed " + Fixtures.uniqueSlug("d");
        String id = SellerFixture.publishedWorkflow(seller, title, "n8n", "0");
        String slug = jdbc.sql("select slug from workflow where id = ?::uuid").param(id).query(String.class).single();
        String v1 = new String(Fixtures.n8nWorkflow(title), StandardCharsets.UTF_8);
        // a short password the secret scanner lets through (a real key would wait for the seller to confirm the upload)
        String v2 = v1.replace("\"text\": \"hi\"", "\"text\": \"hello\", \"token\": \"hunter2\"")
                .replace("""
                          {"id": "3", "name": "Log to sheet", "type": "n8n-nodes-base.googleSheets", "typeVersion": 4, "position": [400, 0], "parameters": {}}
                        """, """
                          {"id": "3", "name": "Log to sheet", "type": "n8n-nodes-base.googleSheets", "typeVersion": 4, "position": [400, 0], "parameters": {}},
                          {"id": "4", "name": "Mail the team", "type": "n8n-nodes-base.gmail", "typeVersion": 2, "position": [600, 0], "parameters": {}}
                        """);
        assertThat(v2).contains("Mail the team");
        seller.get("/seller/workflows/" + id + "/edit");
        seller.postMultipart("/seller/workflows/" + id + "/versions", Map.of("changelog", "Mails the team too"), "file", "w.json",
                v2.getBytes(StandardCharsets.UTF_8)).assertStatus(302);

        String page = new WebSession(port).get("/workflows/" + slug).assertStatus(200).body();
        assertThat(page).contains("Mails the team too").contains("+1 node").contains("1 changed").contains("Changes since v1")
                .contains("+ Mail the team").contains("text: “hi” → “hello”").contains("+ token = ••••••")
                .doesNotContain("hunter2");
    }

    @Test
    void anyTwoVersionsCompareAtAStableAddressAndOwnersAreMailedWhatChanged() {
        WebSession seller = SellerFixture.newSeller(port);
        String title = "Compared " + Fixtures.uniqueSlug("c");
        String id = SellerFixture.publishedWorkflow(seller, title, "n8n", "0");
        String slug = jdbc.sql("select slug from workflow where id = ?::uuid").param(id).query(String.class).single();
        String email = Fixtures.uniqueEmail("owner");
        accounts.createVerified(email, Fixtures.PASSWORD, "Otto Owner");
        Shopper.getFree(new WebSession(port).signIn(email, Fixtures.PASSWORD), id);

        String v1 = new String(Fixtures.n8nWorkflow(title), StandardCharsets.UTF_8);
        // short enough for the secret scanner to let through: a real key would wait for the seller to confirm the upload
        String v2 = v1.replace("\"text\": \"hi\"", "\"text\": \"hello\", \"apiKey\": \"k3y-987\"");
        String v3 = v2.replace("\"name\": \"Log to sheet\"", "\"name\": \"Archive in sheet\"")
                .replace("\"node\": \"Log to sheet\"", "\"node\": \"Archive in sheet\"");
        seller.get("/seller/workflows/" + id + "/edit");
        seller.postMultipart("/seller/workflows/" + id + "/versions", Map.of("changelog", "Says hello"), "file", "w.json",
                v2.getBytes(StandardCharsets.UTF_8)).assertStatus(302);
        MimeMessage mail = Mailbox.awaitMail(email, title + " has a new version (v2)");
        assertThat(Mailbox.body(mail)).contains("Says hello").contains("Compared with v1").contains("1 changed")
                .contains("Send to Slack").contains("text: “hi” → “hello”").contains("/workflows/" + slug + "/versions/diff?from=1")
                .doesNotContain("k3y-987");
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from notification where type = 'WORKFLOW_UPDATED' and subject = ?")
                .param(title + " v2").query(Long.class).single() == 1);
        assertThat(jdbc.sql("select body from notification where type = 'WORKFLOW_UPDATED' and subject = ?").param(title + " v2")
                .query(String.class).single()).startsWith("[✎1] ").endsWith("Says hello");
        seller.postMultipart("/seller/workflows/" + id + "/versions", Map.of("changelog", "Archives"), "file", "w.json",
                v3.getBytes(StandardCharsets.UTF_8)).assertStatus(302);

        WebSession visitor = new WebSession(port);
        assertThat(visitor.get("/workflows/" + slug).assertStatus(200).body())
                .contains("action=\"/workflows/" + slug + "/versions/diff\"").contains("name=\"from\"");
        String compared = visitor.get("/workflows/" + slug + "/versions/diff?from=1&to=3").assertStatus(200).body();
        assertThat(compared).contains("Changes from v1 to v3").contains("1 renamed").contains("1 changed")
                .contains("Log to sheet → <strong>Archive in sheet</strong>").doesNotContain("k3y-987");
        assertThat(visitor.get("/workflows/" + slug + "/versions/diff?from=v3&to=1.0.0").assertStatus(200).body())
                .contains("Changes from v1 to v3");
        assertThat(visitor.get("/workflows/" + slug + "/versions/diff?from=1&to=9").assertStatus(404).body())
                .doesNotContain("Exception");
        visitor.get("/workflows/" + slug + "/versions/diff?from=2&to=2").assertStatus(404);
        visitor.get("/workflows/" + slug + "/versions/diff?from=abc").assertStatus(404);

        // the minimum n8n version, on the workflow page and in the comparison
        assertThat(visitor.get("/workflows/" + slug).body()).contains("Needs n8n ≥ 1.0");
        String other = SellerFixture.publishedWorkflow(seller, "Compared too " + Fixtures.uniqueSlug("c"), "n8n", "0");
        String otherSlug = jdbc.sql("select slug from workflow where id = ?::uuid").param(other).query(String.class).single();
        assertThat(visitor.get("/compare?w=" + slug + "," + otherSlug).assertStatus(200).body())
                .contains("Minimum n8n version").contains("n8n ≥ 1.0");
    }
}
