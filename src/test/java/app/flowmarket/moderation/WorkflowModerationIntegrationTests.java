package app.flowmarket.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

/** Listings a rule holds or blocks, a moderator approves or rejects, and the secrets the upload page names. */
@IntegrationTest
class WorkflowModerationIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    AccountManagement accounts;

    @Autowired
    ModerationRules rules;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aHeldListingIsHiddenFromCatalogueSearchStoreAndSitemapUntilAModeratorApprovesIt() {
        WebSession seller = SellerFixture.newSeller(port);
        String title = "Held " + Fixtures.uniqueWord();
        String id = SellerFixture.publishedWorkflow(seller, Map.of("title", title), leaky(title));
        String slug = slugOf(id);
        String storePage = "/stores/" + jdbc.sql("select s.slug from store s join workflow w on w.store_id = s.id where w.id = ?::uuid")
                .param(id).query(String.class).single();

        assertThat(status(id)).isEqualTo("HELD");
        WebSession visitor = new WebSession(port);
        assertThat(visitor.get("/workflows/" + slug).status()).isEqualTo(404);
        assertThat(visitor.get("/workflows?q=" + title.split(" ")[1]).body()).doesNotContain(title);
        assertThat(visitor.get(storePage).body()).doesNotContain(title);
        assertThat(sitemap(visitor)).doesNotContain("/workflows/" + slug + "?lang=");
        String list = seller.get("/seller/workflows").assertStatus(200).body();
        assertThat(list).contains(title).contains("Under review").contains("Why it is under review")
                .contains("Leaky node → parameters.accessKeyId: aws-access-key").doesNotContain(SecretScannerTests.AWS);
        assertThat(seller.get("/seller/workflows/" + id + "/edit").body()).contains("Under review: a moderator checks this listing")
                .contains("If you publish it as it is, it stays hidden until a moderator approves it.");
        assertThat(seller.get("/workflows/" + slug).status()).as("its seller still sees it").isEqualTo(200);

        WebSession admin = admin();
        UUID item = jdbc.sql("select id from moderation_item where content_id = ?::uuid and status = 'OPEN' and held").param(id)
                .query(UUID.class).single();
        admin.post("/admin/moderation/" + item, Map.of("decision", "APPROVED", "reason", "A test key, revoked already.")).assertStatus(302);

        assertThat(status(id)).isEqualTo("PUBLISHED");
        assertThat(visitor.get("/workflows/" + slug).assertStatus(200).body()).contains(title);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(visitor.get("/workflows?q=" + title.split(" ")[1]).body()).contains(title));
        assertThat(visitor.get(storePage).body()).contains(title);
        assertThat(sitemap(visitor)).contains("/workflows/" + slug + "?lang=");
        assertThat(seller.get("/seller/workflows").body()).doesNotContain("Why it is under review");
    }

    @Test
    void aBlockingRuleRefusesTheListingNamingItAndKeepsWhatTheSellerTyped() {
        WebSession seller = SellerFixture.newSeller(port);
        String title = "Blocked " + Fixtures.uniqueWord();
        Map<String, String> form = form(title, "Comes with a keygen for the paid nodes.");
        WebSession.Page refused = seller.postMultipart("/seller/workflows/new", form, "file", "w.json", Fixtures.n8nWorkflow(title));

        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("This listing cannot be saved: banned-word: keygen")
                .contains("value=\"" + title + "\"").contains("Comes with a keygen for the paid nodes.")
                .as("the file is kept for the retry").contains("name=\"keptUpload\"");
        assertThat(jdbc.sql("select count(*) from workflow where title = ?").param(title).query(Long.class).single()).isZero();
    }

    @Test
    void aBlockingSecretRuleRefusesTheFileNamingTheNodeAndField() {
        UUID adminId = accounts.createVerified(Fixtures.uniqueEmail("rules"), Fixtures.PASSWORD, "Admin", "ADMIN");
        rules.change("secret", ModerationRules.Outcome.BLOCK, null, adminId, "rules admin");
        try {
            WebSession seller = SellerFixture.newSeller(port);
            String title = "Refused " + Fixtures.uniqueWord();
            WebSession.Page refused = seller.postMultipart("/seller/workflows/new", form(title, "Sends files to S3."), "file", "w.json",
                    leaky(title));

            assertThat(refused.status()).isEqualTo(200);
            assertThat(refused.body()).contains("This file holds secrets and cannot be published")
                    .contains("Leaky node → parameters.accessKeyId: aws-access-key").doesNotContain(SecretScannerTests.AWS)
                    .contains("value=\"" + title + "\"").contains("Sends files to S3.");
            assertThat(jdbc.sql("select count(*) from workflow where title = ?").param(title).query(Long.class).single()).isZero();

            String id = SellerFixture.publishedWorkflow(seller, Map.of("title", title));
            WebSession.Page version = seller.postMultipart("/seller/workflows/" + id + "/versions", Map.of("changelog", "Adds S3."), "file",
                    "w.json", leaky(title));
            assertThat(version.status()).isEqualTo(200);
            assertThat(version.body()).contains("This file holds secrets and cannot be published").contains("Adds S3.");
            assertThat(versions(id)).isEqualTo(1);
            assertThat(status(id)).isEqualTo("PUBLISHED");
        } finally {
            rules.change("secret", ModerationRules.Outcome.HOLD, null, adminId, "rules admin");
        }
    }

    @Test
    void rejectingAFlaggedListingUnpublishesItAndTellsItsSellerWhy() {
        WebSession seller = SellerFixture.newSeller(port);
        String title = "Linky " + Fixtures.uniqueWord();
        StringBuilder links = new StringBuilder("Read more:");
        for (int i = 0; i < 12; i++) {
            links.append(" https://docs").append(i).append(".example.org/page");
        }
        String id = SellerFixture.publishedWorkflow(seller, Map.of("title", title, "description", links.toString()));
        String slug = slugOf(id);
        assertThat(status(id)).as("too many links only flags").isEqualTo("PUBLISHED");
        assertThat(new WebSession(port).get("/workflows/" + slug).status()).isEqualTo(200);

        WebSession admin = admin();
        UUID item = jdbc.sql("select id from moderation_item where content_id = ?::uuid and status = 'OPEN'").param(id).query(UUID.class).single();
        admin.post("/admin/moderation/" + item, Map.of("decision", "REJECTED", "reason", "Link farm: keep the links that explain the setup."))
                .assertStatus(302);

        assertThat(status(id)).isEqualTo("ARCHIVED");
        assertThat(new WebSession(port).get("/workflows/" + slug).status()).isEqualTo(404);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(new WebSession(port).get("/workflows?q=" + title.split(" ")[1]).body()).doesNotContain(title));
        String sellerEmail = jdbc.sql("select a.email from account a join moderation_item m on m.author_id = a.id where m.id = ?").param(item)
                .query(String.class).single();
        assertThat(Mailbox.body(Mailbox.awaitMail(sellerEmail, "did not pass review")))
                .contains("took it off the marketplace").contains("Link farm: keep the links that explain the setup.");
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'moderation.rejected' and target_id = ?").param(id)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theUploadPageNamesTheSecretsOfANewVersionBeforeAnythingIsPublished() {
        WebSession seller = SellerFixture.newSeller(port);
        String title = "Careful " + Fixtures.uniqueWord();
        String id = SellerFixture.publishedWorkflow(seller, Map.of("title", title));
        String slug = slugOf(id);

        WebSession.Page warned = seller.postMultipart("/seller/workflows/" + id + "/versions", Map.of("changelog", "Stores to S3."), "file",
                "leaky.json", leaky(title));
        assertThat(warned.status()).isEqualTo(200);
        assertThat(warned.body()).contains("Nothing is uploaded yet: “leaky.json” holds secrets.")
                .contains("Leaky node → parameters.accessKeyId: aws-access-key").doesNotContain(SecretScannerTests.AWS)
                .contains("If you upload it anyway, the listing is hidden until a moderator approves it.")
                .contains("Upload this file anyway").contains("Stores to S3.");
        assertThat(versions(id)).as("nothing saved yet").isEqualTo(1);
        assertThat(status(id)).isEqualTo("PUBLISHED");

        // a cleaned file goes through at once
        seller.postMultipart("/seller/workflows/" + id + "/versions", Map.of("changelog", "Stores to S3."), "file", "clean.json",
                Fixtures.n8nWorkflow(title)).assertStatus(302);
        assertThat(versions(id)).isEqualTo(2);
        assertThat(status(id)).isEqualTo("PUBLISHED");

        // the leaky one, confirmed, is saved and holds the listing
        String again = seller.postMultipart("/seller/workflows/" + id + "/versions", Map.of("changelog", "Stores to S3 again."), "file",
                "leaky.json", leaky(title)).assertStatus(200).body();
        Matcher token = Pattern.compile("name=\"keptUpload\" value=\"([0-9a-f-]{36})\"").matcher(again);
        assertThat(token.find()).isTrue();
        seller.postMultipart("/seller/workflows/" + id + "/versions", Map.of("changelog", "Stores to S3 again.", "keptUpload", token.group(1),
                "confirmSecrets", "true"), "file", "", new byte[0]).assertStatus(302);
        assertThat(versions(id)).isEqualTo(3);
        assertThat(status(id)).isEqualTo("HELD");
        assertThat(new WebSession(port).get("/workflows/" + slug).status()).isEqualTo(404);
    }

    @Test
    void aNewListingsDraftNamesTheSecretsOfItsFileAndWhatPublishingItWouldDo() {
        WebSession seller = SellerFixture.newSeller(port);
        String title = "Draft " + Fixtures.uniqueWord();
        String location = seller.postMultipart("/seller/workflows/new", form(title, ""), "file", "w.json", leaky(title))
                .assertStatus(302).location();
        String id = location.split("/")[3];
        assertThat(status(id)).isEqualTo("DRAFT");

        String page = seller.get(location).assertStatus(200).body();
        assertThat(page).contains("its file holds secrets").contains("Leaky node → parameters.accessKeyId: aws-access-key")
                .contains("If you publish it as it is, it stays hidden until a moderator approves it.")
                .doesNotContain(SecretScannerTests.AWS);
    }

    private static byte[] leaky(String title) {
        return new String(SecretScannerTests.n8n("n8n-nodes-base.awsS3", "{\"accessKeyId\": \"" + SecretScannerTests.AWS + "\"}"),
                StandardCharsets.UTF_8).replace("Planted", title).getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, String> form(String title, String description) {
        Map<String, String> form = new HashMap<>(Map.of("title", title, "summary", "A workflow made by a test.", "description", description,
                "platform", "n8n", "price", "0", "currency", "USD", "category", "", "tags", ""));
        return form;
    }

    private WebSession admin() {
        String email = Fixtures.uniqueEmail("admin");
        accounts.createVerified(email, Fixtures.PASSWORD, "Admin", "ADMIN");
        return new WebSession(port).signIn(email, Fixtures.PASSWORD);
    }

    private String status(String id) {
        return jdbc.sql("select status from workflow where id = ?::uuid").param(id).query(String.class).single();
    }

    private String slugOf(String id) {
        return jdbc.sql("select slug from workflow where id = ?::uuid").param(id).query(String.class).single();
    }

    private long versions(String id) {
        return jdbc.sql("select count(*) from workflow_version where workflow_id = ?::uuid").param(id).query(Long.class).single();
    }

    /** The whole sitemap, every file of it. */
    private static String sitemap(WebSession visitor) {
        String index = visitor.get("/sitemap.xml").assertStatus(200).body();
        if (!index.contains("<sitemapindex")) {
            return index;
        }
        StringBuilder all = new StringBuilder();
        Matcher file = Pattern.compile("/sitemap-(\\d+)\\.xml").matcher(index);
        while (file.find()) {
            all.append(visitor.get("/sitemap-" + file.group(1) + ".xml").body());
        }
        return all.toString();
    }
}
