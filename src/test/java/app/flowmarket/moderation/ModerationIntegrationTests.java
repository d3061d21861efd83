package app.flowmarket.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import app.flowmarket.IntegrationTest;
import app.flowmarket.account.AccountManagement;
import app.flowmarket.catalog.SellerFixture;
import app.flowmarket.support.Fixtures;
import app.flowmarket.support.Mailbox;
import app.flowmarket.support.WebSession;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class ModerationIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    AccountManagement accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aWorkflowFileWithALeakedKeyWaitsInTheQueueAndItsAuthorLearnsTheDecisionAndWhy() throws Exception {
        WebSession seller = SellerFixture.newSeller(port);
        String title = "Leaky " + Fixtures.uniqueWord();
        byte[] file = new String(SecretScannerTests.n8n("n8n-nodes-base.awsS3", "{\"accessKeyId\": \"" + SecretScannerTests.AWS + "\"}"),
                StandardCharsets.UTF_8).replace("Planted", title).getBytes(StandardCharsets.UTF_8);
        String id = seller.postMultipart("/seller/workflows/new", Map.of("title", title, "summary", "A workflow made by a test.",
                "description", "", "platform", "n8n", "price", "0", "currency", "USD", "category", "", "tags", ""), "file", "w.json", file)
                .assertStatus(302).location().split("/")[3];

        String adminEmail = Fixtures.uniqueEmail("admin");
        accounts.createVerified(adminEmail, Fixtures.PASSWORD, "Admin", "ADMIN");
        WebSession admin = new WebSession(port).signIn(adminEmail, Fixtures.PASSWORD);
        await().atMost(Duration.ofSeconds(30)).until(() -> admin.get("/admin/moderation").body().contains(title));
        String queue = admin.get("/admin/moderation").body();
        assertThat(queue).contains("aws-access-key").contains("Leaky node").contains("parameters.accessKeyId")
                .doesNotContain(SecretScannerTests.AWS);
        UUID item = jdbc.sql("select id from moderation_item where content_id = ?").param(UUID.fromString(id)).query(UUID.class).single();

        assertThat(admin.post("/admin/moderation/" + item, Map.of("decision", "REJECTED", "reason", "")).assertStatus(302).location())
                .isEqualTo("/admin/moderation");
        assertThat(admin.get("/admin/moderation").body()).contains("Give a reason").contains(title);
        admin.post("/admin/moderation/" + item, Map.of("decision", "REJECTED", "reason", "Remove the AWS key from Leaky node and revoke it."));
        assertThat(admin.get("/admin/moderation").body()).contains("Rejected; the author was told why.");
        assertThat(admin.post("/admin/moderation/" + item, Map.of("decision", "APPROVED", "reason", "changed my mind")).location())
                .isEqualTo("/admin/moderation");
        assertThat(jdbc.sql("select status from moderation_item where id = ?").param(item).query(String.class).single()).isEqualTo("REJECTED");

        String sellerEmail = jdbc.sql("select a.email from account a join moderation_item m on m.author_id = a.id where m.id = ?").param(item)
                .query(String.class).single();
        MimeMessage mail = Mailbox.awaitMail(sellerEmail, "did not pass review");
        assertThat(Mailbox.body(mail)).contains("Remove the AWS key from Leaky node and revoke it.").contains("aws-access-key")
                .doesNotContain(SecretScannerTests.AWS);
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'moderation.rejected' and target_id = ? and actor_label = ?")
                .params(id, adminEmail).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'moderation.held' and target_id = ?").param(id)
                .query(Long.class).single()).isEqualTo(1);

        assertThat(seller.get("/admin/moderation").status()).isEqualTo(403);
        assertThat(seller.post("/admin/moderation/" + item, Map.of("decision", "APPROVED", "reason", "self-approval")).status()).isEqualTo(403);
    }
}
