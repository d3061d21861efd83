package app.flowmarket.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import app.flowmarket.IntegrationTest;
import app.flowmarket.audit.AuditLog;
import app.flowmarket.support.Fixtures;
import app.flowmarket.support.Mailbox;
import app.flowmarket.support.WebSession;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The whole path a new seller walks, over real HTTP, with the mail read from the SMTP server. */
@IntegrationTest
class SellerJourneyIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    AuditLog auditLog;

    @Test
    void signsUpVerifiesOpensAStoreAndPublishesAWorkflowThatAppearsInTheCatalogue() {
        String email = Fixtures.uniqueEmail("seller");
        String storeSlug = Fixtures.uniqueSlug("flow-works");
        String title = "Slack digest " + storeSlug;
        WebSession browser = new WebSession(port);

        browser.get("/signup").assertStatus(200);
        WebSession.Page done = browser.post("/signup", Map.of("displayName", "Sam Seller", "email", email, "password", Fixtures.PASSWORD));
        assertThat(done.assertStatus(200).body()).contains("Check your inbox").contains(email);

        MimeMessage mail = Mailbox.awaitMail(email, "Confirm your e-mail address");
        String verifyLink = Mailbox.link(mail, "/verify-email");
        assertThat(browser.get(verifyLink).assertStatus(200).body()).contains("Address confirmed");
        assertThat(browser.get(verifyLink).body()).as("the link is single-use").contains("This link does not work");

        browser.signIn(email, Fixtures.PASSWORD);
        browser.get("/stores/new").assertStatus(200);
        WebSession.Page opened = browser.post("/stores/new", Map.of("name", "Flow Works", "slug", storeSlug,
                "bio", "We **automate** things.", "websiteUrl", "", "twitterHandle", "", "githubHandle", ""));
        assertThat(opened.assertStatus(302).location()).isEqualTo("/seller/workflows");

        browser.get("/seller/workflows/new").assertStatus(200);
        WebSession.Page created = browser.postMultipart("/seller/workflows/new", Map.of(
                        "title", title, "summary", "Posts a daily digest of new rows to Slack.",
                        "description", "## Setup\n\nConnect Slack.<script>alert(1)</script>", "platform", "n8n",
                        "price", "19.50", "currency", "EUR", "category", "", "tags", "Slack, Daily digest"),
                "file", "digest.json", Fixtures.n8nWorkflow(title));
        assertThat(created.assertStatus(302).location()).startsWith("/seller/workflows/").endsWith("/edit");
        String workflowId = created.location().split("/")[3];

        assertThat(new WebSession(port).get("/workflows?q=" + storeSlug).body()).as("a draft is not public").doesNotContain("/workflows/slack-digest-" + storeSlug);

        browser.get(created.location()).assertStatus(200);
        browser.post("/seller/workflows/" + workflowId + "/publish", Map.of()).assertStatus(302);

        String catalogue = new WebSession(port).get("/workflows?q=" + storeSlug).assertStatus(200).body();
        assertThat(catalogue).contains("href=\"/workflows/slack-digest-" + storeSlug + "\"").contains("Flow Works").contains("19.50");

        String slug = "slack-digest-" + storeSlug;
        String page = new WebSession(port).get("/workflows/" + slug).assertStatus(200).body();
        assertThat(page).contains(title).contains("Slack").contains("Google Sheets").contains("<h2>Setup</h2>")
                .doesNotContain("<script>alert(1)</script>").contains("Daily digest");
        assertThat(new WebSession(port).get("/stores/" + storeSlug).body()).contains(title).contains("<strong>automate</strong>");

        assertThat(auditLog.forTarget("workflow", workflowId)).extracting(AuditLog.AuditEntry::action)
                .containsExactly("workflow.created", "workflow.published");
        assertThat(auditLog.forTarget("workflow", workflowId)).allSatisfy(entry -> {
            assertThat(entry.ip()).isNotBlank();
            assertThat(entry.actorLabel()).isEqualTo(email);
        });
    }

    @Test
    void aBadWorkflowFileIsRefusedWithItsProblemNamedAndNothingIsSaved() {
        WebSession seller = SellerFixture.newSeller(port);
        String title = "Broken upload " + Fixtures.uniqueSlug("x");

        WebSession.Page page = seller.postMultipart("/seller/workflows/new", Map.of(
                        "title", title, "summary", "This should never be saved anywhere.", "description", "",
                        "platform", "make", "price", "5", "currency", "USD", "category", "", "tags", ""),
                "file", "n8n.json", Fixtures.n8nWorkflow("not a make blueprint"));

        assertThat(page.assertStatus(200).body()).contains("This is not a Make blueprint").contains(title);
        assertThat(seller.get("/seller/workflows").body()).doesNotContain(title);
    }

    @Test
    void typedNonsenseInTheListingFormGivesFormErrorsNotServerErrors() {
        WebSession seller = SellerFixture.newSeller(port);
        String[][] cases = {
                {"", "short", "n8n", "1", "USD", "title"},
                {"Good title", "Good summary text", "n8n", "-5", "USD", "price"},
                {"Good title", "Good summary text", "n8n", "12.345", "USD", "price"},
                {"Good title", "Good summary text", "n8n", "9", "XYZ", "price"},
                {"Good title", "Good summary text", "fortran", "9", "USD", "platform"},
                {"'; drop table workflow; --", "Good summary text", "n8n", "1e9", "USD", "price"},
        };
        for (String[] c : cases) {
            WebSession.Page page = seller.postMultipart("/seller/workflows/new", Map.of("title", c[0], "summary", c[1],
                    "description", "", "platform", c[2], "price", c[3], "currency", c[4], "category", "not-a-uuid", "tags", ""),
                    "file", "w.json", Fixtures.n8nWorkflow("x"));
            assertThat(page.status()).as(String.join("|", c)).isEqualTo(200);
            assertThat(page.body()).contains("field-error");
        }
    }
}
