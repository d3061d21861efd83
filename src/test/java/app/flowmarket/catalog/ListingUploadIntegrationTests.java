package app.flowmarket.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.flowmarket.IntegrationTest;
import app.flowmarket.support.Fixtures;
import app.flowmarket.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A new listing refused for something else than its file keeps the file, for its seller only, until the retry. */
@IntegrationTest
class ListingUploadIntegrationTests {

    private static final Pattern KEPT = Pattern.compile("name=\"keptUpload\" value=\"([0-9a-f-]{36})\"");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aRefusedListingKeepsItsFileSaysSoAndTheRetryUsesIt() {
        WebSession seller = SellerFixture.newSeller(port);
        String title = "Kept upload " + Fixtures.uniqueSlug("k");
        Map<String, String> form = Map.of("title", title, "summary", "A summary.", "description", "", "platform", "n8n",
                "price", "twelve", "currency", "USD", "category", "", "tags", "");

        WebSession.Page refused = seller.postMultipart("/seller/workflows/new", form, "file", "leads.json", Fixtures.n8nWorkflow(title));

        assertThat(refused.assertStatus(200).body()).contains("Enter a price between 0 and 100,000")
                .contains("Your file leads.json (1 KB) is kept: you need not choose it again.");
        String token = token(refused.body());
        Map<String, String> fixed = new java.util.HashMap<>(form);
        fixed.put("price", "12");
        fixed.put("keptUpload", token);
        WebSession.Page created = seller.postMultipart("/seller/workflows/new", fixed, null, null, null);
        String id = created.assertStatus(302).location().split("/")[3];
        assertThat(jdbc.sql("select count(*) from workflow_version where workflow_id = ?::uuid").param(id).query(Long.class).single())
                .isEqualTo(1);
        // used once, then gone
        assertThat(jdbc.sql("select count(*) from listing_upload where token = ?::uuid").param(token).query(Long.class).single()).isZero();
    }

    @Test
    void anotherSellersKeptFileCannotBeUsedAndABrokenFileIsReportedAtOnce() {
        WebSession seller = SellerFixture.newSeller(port);
        String title = "Not yours " + Fixtures.uniqueSlug("n");
        Map<String, String> form = Map.of("title", "", "summary", "A summary.", "description", "", "platform", "n8n",
                "price", "5", "currency", "USD", "category", "", "tags", "");
        String token = token(seller.postMultipart("/seller/workflows/new", form, "file", "mine.json", Fixtures.n8nWorkflow(title))
                .assertStatus(200).body());

        WebSession other = SellerFixture.newSeller(port);
        Map<String, String> stolen = new java.util.HashMap<>(form);
        stolen.put("title", title);
        stolen.put("keptUpload", token);
        assertThat(other.postMultipart("/seller/workflows/new", stolen, null, null, null).assertStatus(200).body())
                .contains("Choose the workflow file to upload.").doesNotContain("mine.json");
        assertThat(jdbc.sql("select count(*) from workflow where title = ?").param(title).query(Long.class).single()).isZero();

        // a file that is wrong too is said at once, with the other mistakes, and not kept
        WebSession.Page both = seller.postMultipart("/seller/workflows/new", form, "file", "broken.json", "{not json".getBytes());
        assertThat(both.assertStatus(200).body()).contains("The file is not valid JSON").doesNotContain("broken.json (");
    }

    private static String token(String body) {
        Matcher matcher = KEPT.matcher(body);
        assertThat(matcher.find()).as("the form carries the kept file's token").isTrue();
        return matcher.group(1);
    }
}
