package app.flowmarket.social;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

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
class ProfileAndShareIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    AccountManagement accounts;

    @Autowired
    JdbcClient jdbc;

    String slugOf(String workflowId) {
        return jdbc.sql("select slug from workflow where id = ?::uuid").param(workflowId).query(String.class).single();
    }

    @Test
    void aProfileIsPrivateUntilOpenedAndShowsOnlyThePurchasesItsOwnerTicked() {
        WebSession seller = SellerFixture.newSeller(port);
        String shownId = SellerFixture.publishedWorkflow(seller, "Shown " + Fixtures.uniqueSlug("pf"), "n8n", "0");
        String hiddenId = SellerFixture.publishedWorkflow(seller, "Hidden " + Fixtures.uniqueSlug("pf"), "n8n", "0");
        String notOwnedId = SellerFixture.publishedWorkflow(seller, "Not owned " + Fixtures.uniqueSlug("pf"), "n8n", "0");
        String email = Fixtures.uniqueEmail("paula");
        UUID paulaId = accounts.createVerified(email, Fixtures.PASSWORD, "Paula Private");
        WebSession paula = new WebSession(port).signIn(email, Fixtures.PASSWORD);
        Shopper.buy(paula, shownId);
        Shopper.buy(paula, hiddenId);
        String handle = "paula-" + paulaId.toString().substring(0, 6);

        String settings = paula.get("/settings/public-profile").assertStatus(200).body();
        assertThat(settings).as("private by default").doesNotContain("name=\"visible\" value=\"true\" checked");
        paula.post("/settings/public-profile", Map.of("handle", handle, "bio", "Ops person")).assertStatus(302);
        WebSession visitor = new WebSession(port);
        WebSession.Page hidden = visitor.get("/u/" + handle);
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.body()).contains("This profile is not public").doesNotContain("Paula").doesNotContain("Ops person");

        // public, purchases switched off: no purchase shows even if ticked
        paula.post("/settings/public-profile", Map.of("handle", handle, "bio", "Ops person", "visible", "true", "shown", shownId))
                .assertStatus(302);
        String open = visitor.get("/u/" + handle).assertStatus(200).body();
        assertThat(open).contains("Paula Private").contains("Ops person").doesNotContain("Shown ").doesNotContain("Purchases");

        // purchases on: only the ticked one that she owns
        String form = "handle=" + handle + "&bio=Ops&visible=true&showPurchases=true&shown=" + shownId + "&shown=" + notOwnedId;
        paula.get("/settings/public-profile");
        assertThat(paula.postMultipartless("/settings/public-profile", form).status()).isEqualTo(302);
        String withPurchases = visitor.get("/u/" + handle).body();
        assertThat(withPurchases).contains("Shown ").doesNotContain("Hidden ").doesNotContain("Not owned ");

        // a review links to its author's public profile
        String slug = slugOf(shownId);
        paula.get("/workflows/" + slug + "/reviews");
        paula.post("/workflows/" + slug + "/reviews", Map.of("rating", "5", "body", "Lovely")).assertStatus(302);
        assertThat(visitor.get("/workflows/" + slug + "/reviews").body()).contains("<a href=\"/u/" + handle + "\">Paula Private</a>");

        // somebody else cannot take the handle
        String otherEmail = Fixtures.uniqueEmail("other");
        accounts.createVerified(otherEmail, Fixtures.PASSWORD, "Other");
        WebSession other = new WebSession(port).signIn(otherEmail, Fixtures.PASSWORD);
        other.get("/settings/public-profile");
        assertThat(other.post("/settings/public-profile", Map.of("handle", handle, "visible", "true")).assertStatus(422).body())
                .contains("The address /u/" + handle + " is taken");
        assertThat(other.post("/settings/public-profile", Map.of("handle", "<b>x</b>", "visible", "true")).assertStatus(422).body())
                .contains("Choose an address of 3 to 30").doesNotContain("<b>x</b>");

        // closing it hides everything again
        paula.post("/settings/public-profile", Map.of("handle", handle, "showPurchases", "true", "shown", shownId)).assertStatus(302);
        assertThat(visitor.get("/u/" + handle).status()).isEqualTo(404);
        assertThat(visitor.get("/workflows/" + slug + "/reviews").body()).doesNotContain("/u/" + handle);
    }

    @Test
    void shareablePagesCarryOpenGraphTagsShareLinksAndAPreviewPicture() throws Exception {
        WebSession seller = SellerFixture.newSeller(port);
        String title = "Shared " + Fixtures.uniqueSlug("sh");
        String slug = slugOf(SellerFixture.publishedWorkflow(seller, title, "n8n", "12"));
        String page = new WebSession(port).get("/workflows/" + slug).assertStatus(200).body();
        String url = "http://localhost:" + port + "/workflows/" + slug;
        // asked for without a language, the page is its own x-default version
        assertThat(page).contains("<link rel=\"canonical\" href=\"" + url + "\">")
                .contains("<meta property=\"og:title\" content=\"" + title + "\">")
                .contains("<meta property=\"og:image\" content=\"http://localhost:" + port + "/share/workflows/" + slug + ".png\">")
                .contains("<meta property=\"product:price:amount\" content=\"12.00\">")
                .contains("<meta name=\"twitter:card\" content=\"summary_large_image\">")
                .contains("https://twitter.com/intent/tweet?url=" + java.net.URLEncoder.encode(url + "?utm_medium=social&utm_campaign=share&utm_content=workflow&ref=share-workflow&utm_source=x", java.nio.charset.StandardCharsets.UTF_8))
                .contains("https://www.linkedin.com/sharing/share-offsite/?url=")
                .contains("data-copy=\"" + url + "?utm_medium=social&amp;utm_campaign=share&amp;utm_content=workflow&amp;ref=share-workflow&amp;utm_source=link\"");

        HttpResponse<byte[]> image = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/share/workflows/" + slug + ".png")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
        var picture = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(image.body()));
        assertThat(picture.getWidth()).isEqualTo(1200);
        assertThat(picture.getHeight()).isEqualTo(630);

        String store = jdbc.sql("select s.slug from store s join workflow w on w.store_id = s.id where w.slug = ?").param(slug)
                .query(String.class).single();
        assertThat(new WebSession(port).get("/stores/" + store).body()).contains("<meta property=\"og:url\" content=\"http://localhost:" + port + "/stores/" + store + "\">")
                .contains("data-share");
        assertThat(new WebSession(port).get("/share/workflows/no-such-workflow.png").status()).isEqualTo(404);
    }

    @Test
    void comparesTwoOrThreeWorkflowsAndRefusesAFourth() {
        WebSession seller = SellerFixture.newSeller(port);
        String a = slugOf(SellerFixture.publishedWorkflow(seller, "Compare A " + Fixtures.uniqueSlug("ca"), "n8n", "5"));
        String b = slugOf(SellerFixture.publishedWorkflow(seller, "Compare B " + Fixtures.uniqueSlug("cb"), "n8n", "9"));
        String c = slugOf(SellerFixture.publishedWorkflow(seller, "Compare C " + Fixtures.uniqueSlug("cc"), "n8n", "9"));
        String d = slugOf(SellerFixture.publishedWorkflow(seller, "Compare D " + Fixtures.uniqueSlug("cd"), "n8n", "9"));
        WebSession visitor = new WebSession(port);

        String two = visitor.get("/compare?w=" + a + "," + b).assertStatus(200).body();
        assertThat(two).contains("Compare A").contains("Compare B").contains("<td>$5</td><td>$9</td>")
                .contains("<tr class=\"differs\"><th scope=\"row\">Price<span class=\"visually-hidden\"> (differs)</span>")
                .contains("<tr class=\"\"><th scope=\"row\">Platform</th>");

        WebSession.Page four = visitor.get("/compare?w=" + a + "," + b + "," + c + "," + d);
        assertThat(four.status()).isEqualTo(422);
        assertThat(four.body()).contains("You can compare at most 3 workflows at a time").contains("Compare C").doesNotContain("Compare D");

        assertThat(visitor.get("/compare?w=" + a + ",no-such-thing").body()).contains("There is no published workflow at")
                .contains("Tick");
        assertThat(visitor.get("/compare?w=%3Cscript%3Ealert(1)%3C%2Fscript%3E," + a).body()).doesNotContain("<script>alert(1)")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }
}
