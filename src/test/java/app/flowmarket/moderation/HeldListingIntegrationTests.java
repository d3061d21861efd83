package app.flowmarket.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
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
import app.flowmarket.support.Shopper;
import app.flowmarket.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A listing moderation holds, as each reader meets it: visitors are told it is under review, its seller and admins
 * see it with why; its buyers keep the versions approved before and get the held one once it is approved.
 */
@IntegrationTest
class HeldListingIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    AccountManagement accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aHeldListingsPageTellsVisitorsItIsUnderReviewAndShowsItsSellerAndAdminsWhy() {
        WebSession seller = SellerFixture.newSeller(port);
        String title = "Pending " + Fixtures.uniqueWord();
        String id = SellerFixture.publishedWorkflow(seller, Map.of("title", title, "price", "9"), leaky(title));
        String slug = slugOf(id);
        assertThat(status(id)).isEqualTo("HELD");

        WebSession.Page visitor = new WebSession(port).get("/workflows/" + slug);
        assertThat(visitor.status()).as("search engines drop it meanwhile").isEqualTo(404);
        assertThat(visitor.headers().firstValue("X-Robots-Tag")).contains("noindex");
        assertThat(visitor.body()).contains("This workflow is under review").contains("<meta name=\"robots\" content=\"noindex\">")
                .contains("href=\"/workflows\"").contains("href=\"/library\"")
                .as("nothing of what is held is shown").doesNotContain(title).doesNotContain("aws-access-key");
        assertThat(new WebSession(port).get("/workflows/" + slug + "?lang=fr").body()).contains("Ce workflow est en cours de vérification");

        String buyerEmail = Fixtures.uniqueEmail("buyer");
        accounts.createVerified(buyerEmail, Fixtures.PASSWORD, "Bea Buyer");
        WebSession buyer = new WebSession(port).signIn(buyerEmail, Fixtures.PASSWORD);
        assertThat(buyer.get("/workflows/" + slug).status()).isEqualTo(404);
        buyer.post("/cart/items", Map.of("kind", "WORKFLOW", "id", id)).assertStatus(302);
        assertThat(buyer.get("/cart").body()).as("buying stays impossible").contains("That item is not available.").doesNotContain(title);

        String own = seller.get("/workflows/" + slug).assertStatus(200).body();
        assertThat(own).contains(title).contains("Only you and the moderators can see this page: your workflow is under review")
                .contains("Leaky node → parameters.accessKeyId: aws-access-key").doesNotContain(SecretScannerTests.AWS)
                .contains("href=\"/seller/workflows/" + id + "/edit\"").contains("Edit the listing or upload a cleaned version")
                .doesNotContain("action=\"/cart/items\"");

        String adminEmail = Fixtures.uniqueEmail("admin");
        accounts.createVerified(adminEmail, Fixtures.PASSWORD, "Admin", "ADMIN");
        WebSession admin = new WebSession(port).signIn(adminEmail, Fixtures.PASSWORD);
        String asAdmin = admin.get("/workflows/" + slug).assertStatus(200).body();
        assertThat(asAdmin).contains(title).contains("Under review: this listing is hidden from the catalogue")
                .contains("Leaky node → parameters.accessKeyId: aws-access-key").contains("href=\"/admin/moderation?content=" + id + "\"")
                .contains("Open the moderation queue").doesNotContain("action=\"/cart/items\"")
                .doesNotContain("Only you and the moderators");

        // what the page loads beside it (graph, reviews, questions) is there for the seller and admins, not for visitors
        for (String part : java.util.List.of("/graph.json", "/reviews", "/questions")) {
            assertThat(admin.get("/workflows/" + slug + part).status()).as("admin " + part).isEqualTo(200);
            assertThat(seller.get("/workflows/" + slug + part).status()).as("seller " + part).isEqualTo(200);
            assertThat(new WebSession(port).get("/workflows/" + slug + part).status()).as("visitor " + part).isEqualTo(404);
            assertThat(buyer.get("/workflows/" + slug + part).status()).as("another buyer " + part).isEqualTo(404);
        }
        assertThat(admin.get("/workflows/" + slug + "/graph.json").body()).contains("Leaky node");

        // the link opens the queue on this listing alone
        String other = "Also pending " + Fixtures.uniqueWord();
        SellerFixture.publishedWorkflow(SellerFixture.newSeller(port), Map.of("title", other, "price", "9"), leaky(other));
        assertThat(admin.get("/admin/moderation").body()).contains(title).contains(other);
        String queue = admin.get("/admin/moderation?content=" + id).assertStatus(200).body();
        assertThat(queue).contains(title).contains("Show the whole queue").doesNotContain(other);
        assertThat(admin.get("/admin/moderation?content=not-an-id").status()).as("a mistyped id shows the whole queue").isEqualTo(200);
    }

    @Test
    void aVersionHeldForReviewReachesItsOwnersOnlyOnceAModeratorApprovesIt() {
        WebSession seller = SellerFixture.newSeller(port);
        String title = "Owned " + Fixtures.uniqueWord();
        String id = SellerFixture.publishedWorkflow(seller, Map.of("title", title));
        UUID v1 = version(id, 1);
        String ownerEmail = Fixtures.uniqueEmail("owner");
        accounts.createVerified(ownerEmail, Fixtures.PASSWORD, "Olga Owner");
        WebSession owner = new WebSession(port).signIn(ownerEmail, Fixtures.PASSWORD);
        Shopper.getFree(owner, id);

        uploadLeakyVersion(seller, id, title, "Stores to S3.");
        assertThat(status(id)).isEqualTo("HELD");
        UUID v2 = version(id, 2);

        String library = owner.get("/library").assertStatus(200).body();
        assertThat(library).as("the owner still has it").contains(title).contains("/library/download/" + v1)
                .doesNotContain("/library/download/" + v2).doesNotContain("Stores to S3.");
        assertThat(owner.get("/library/download/" + v2).status()).as("the held version is refused").isEqualTo(404);
        assertThat(new String(owner.getBytes("/library/download/" + v1), StandardCharsets.UTF_8)).doesNotContain(SecretScannerTests.AWS)
                .contains(title);

        UUID adminId = accounts.createVerified(Fixtures.uniqueEmail("admin"), Fixtures.PASSWORD, "Admin", "ADMIN");
        String adminEmail = jdbc.sql("select email from account where id = ?").param(adminId).query(String.class).single();
        WebSession admin = new WebSession(port).signIn(adminEmail, Fixtures.PASSWORD);
        UUID item = jdbc.sql("select id from moderation_item where content_id = ?::uuid and status = 'OPEN' and held").param(id)
                .query(UUID.class).single();
        admin.get("/admin/moderation");
        admin.post("/admin/moderation/" + item, Map.of("decision", "APPROVED", "reason", "A revoked test key, fine to ship.")).assertStatus(302);

        assertThat(status(id)).isEqualTo("PUBLISHED");
        assertThat(owner.get("/library").body()).contains("/library/download/" + v2).contains("Stores to S3.");
        assertThat(new String(owner.getBytes("/library/download/" + v2), StandardCharsets.UTF_8)).contains("Leaky node");
        assertThat(Mailbox.body(Mailbox.awaitMail(ownerEmail, title + " has a new version (v2)"))).contains("Stores to S3.");
        // the approval is written down with who decided, on what, and why
        assertThat(jdbc.sql("select details from audit_entry where action = 'moderation.approved' and target_type = 'workflow' and target_id = ? and actor_id = ?")
                .params(id, adminId).query(String.class).single()).contains("A revoked test key, fine to ship.");
    }

    @Test
    void aCleanedFileReleasesTheHoldAuditedWhileTheHeldVersionStaysBack() {
        WebSession seller = SellerFixture.newSeller(port);
        String title = "Cleaned " + Fixtures.uniqueWord();
        String id = SellerFixture.publishedWorkflow(seller, Map.of("title", title));
        String ownerEmail = Fixtures.uniqueEmail("owner");
        accounts.createVerified(ownerEmail, Fixtures.PASSWORD, "Otto Owner");
        WebSession owner = new WebSession(port).signIn(ownerEmail, Fixtures.PASSWORD);
        Shopper.getFree(owner, id);
        uploadLeakyVersion(seller, id, title, "Stores to S3.");
        assertThat(status(id)).isEqualTo("HELD");

        seller.postMultipart("/seller/workflows/" + id + "/versions", Map.of("changelog", "Key removed."), "file", "clean.json",
                Fixtures.n8nWorkflow(title)).assertStatus(302);

        assertThat(status(id)).isEqualTo("PUBLISHED");
        assertThat(new WebSession(port).get("/workflows/" + slugOf(id)).assertStatus(200).body()).contains(title);
        assertThat(owner.get("/library/download/" + version(id, 3)).status()).isEqualTo(200);
        assertThat(owner.get("/library/download/" + version(id, 2)).status()).as("never approved, replaced by a clean one").isEqualTo(404);
        UUID sellerId = jdbc.sql("select s.owner_id from store s join workflow w on w.store_id = s.id where w.id = ?::uuid").param(id)
                .query(UUID.class).single();
        assertThat(jdbc.sql("select details from audit_entry where action = 'workflow.hold-released' and target_type = 'workflow' and target_id = ? and actor_id = ?")
                .params(id, sellerId).query(String.class).single()).contains("passes the moderation rules");
        assertThat(Mailbox.body(Mailbox.awaitMail(ownerEmail, title + " has a new version (v3)"))).contains("Key removed.");
    }

    /** Uploads a new version holding a secret, confirming it past the upload page's warning: it is saved and holds the listing. */
    private static void uploadLeakyVersion(WebSession seller, String id, String title, String changelog) {
        String warned = seller.postMultipart("/seller/workflows/" + id + "/versions", Map.of("changelog", changelog), "file", "leaky.json",
                leaky(title)).assertStatus(200).body();
        Matcher token = Pattern.compile("name=\"keptUpload\" value=\"([0-9a-f-]{36})\"").matcher(warned);
        assertThat(token.find()).isTrue();
        Map<String, String> confirm = new HashMap<>(Map.of("changelog", changelog, "keptUpload", token.group(1), "confirmSecrets", "true"));
        seller.postMultipart("/seller/workflows/" + id + "/versions", confirm, "file", "", new byte[0]).assertStatus(302);
    }

    private static byte[] leaky(String title) {
        return new String(SecretScannerTests.n8n("n8n-nodes-base.awsS3", "{\"accessKeyId\": \"" + SecretScannerTests.AWS + "\"}"),
                StandardCharsets.UTF_8).replace("Planted", title).getBytes(StandardCharsets.UTF_8);
    }

    private String status(String id) {
        return jdbc.sql("select status from workflow where id = ?::uuid").param(id).query(String.class).single();
    }

    private String slugOf(String id) {
        return jdbc.sql("select slug from workflow where id = ?::uuid").param(id).query(String.class).single();
    }

    private UUID version(String id, int number) {
        return jdbc.sql("select id from workflow_version where workflow_id = ?::uuid and number = ?").params(id, number)
                .query(UUID.class).single();
    }
}
