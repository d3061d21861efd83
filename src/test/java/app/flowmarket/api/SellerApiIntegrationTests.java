package app.flowmarket.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import app.flowmarket.IntegrationTest;
import app.flowmarket.catalog.SellerFixture;
import app.flowmarket.support.Fixtures;
import app.flowmarket.support.WebSession;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Sellers publish from their own tools: create, edit, version, publish and unpublish through the API. */
@IntegrationTest
class SellerApiIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    HttpResponse<String> send(String method, String path, String token, String body, String idempotencyKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String newWorkflow(String title, byte[] file) {
        return "{\"title\":\"" + title + "\",\"summary\":\"Sent from a build script.\",\"description\":\"\",\"platform\":\"n8n\","
                + "\"price\":\"12.00\",\"currency\":\"EUR\",\"tags\":[],\"file\":{\"name\":\"w.json\",\"contentBase64\":\""
                + Base64.getEncoder().encodeToString(file) + "\"}}";
    }

    HttpResponse<String> sendImage(String path, String token, byte[] image, String idempotencyKey) throws Exception {
        String boundary = "----api" + UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"shot.png\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(image);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An n8n export with a Stripe live key typed into a node, as sellers sometimes forget to remove. */
    static byte[] withStripeKey(String title) {
        String key = "sk_" + "live_" + "51HqExampleOnlyNotARealKey0000";
        return new String(Fixtures.n8nWorkflow(title), StandardCharsets.UTF_8)
                .replace("\"parameters\": {\"text\": \"hi\"}", "\"parameters\": {\"text\": \"hi\", \"stripeKey\": \"" + key + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    static byte[] png() throws Exception {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(320, 200, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    static void assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(JSON.readTree(response.body()).get("type").asString()).isEqualTo(ApiProblems.TYPE_BASE + type);
    }

    @Test
    void aSellerCreatesEditsVersionsAndPublishesAWorkflowOnceWhateverTheRetries() throws Exception {
        WebSession seller = SellerFixture.newSeller(port);
        String token = ApiIntegrationTests.createToken(seller, "CI", "workflows:write");
        String title = "Api " + Fixtures.uniqueWord();
        String body = newWorkflow(title, Fixtures.n8nWorkflow(title));
        String key = UUID.randomUUID().toString();

        HttpResponse<String> first = send("POST", "/api/v1/me/workflows", token, body, key);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        JsonNode created = JSON.readTree(first.body());
        assertThat(created.get("status").asString()).isEqualTo("draft");
        assertThat(created.get("price").get("amount").asString()).isEqualTo("12.00");
        assertThat(created.get("versions")).hasSize(1);
        String id = created.get("id").asString();
        assertThat(first.headers().firstValue("Location")).hasValue("/api/v1/me/workflows/" + id);

        HttpResponse<String> retry = send("POST", "/api/v1/me/workflows", token, body, key);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(jdbc.sql("select count(*) from workflow where title = ?").param(title).query(Long.class).single()).isEqualTo(1);

        HttpResponse<String> patched = send("PATCH", "/api/v1/me/workflows/" + id, token, "{\"summary\":\"Now better.\"}", null);
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        JsonNode edited = JSON.readTree(patched.body());
        assertThat(edited.get("summary").asString()).isEqualTo("Now better.");
        assertThat(edited.get("title").asString()).as("fields left out keep their value").isEqualTo(title);
        assertThat(edited.get("price").get("currency").asString()).isEqualTo("EUR");

        String version = "{\"changelog\":\"Faster.\",\"file\":{\"name\":\"w.json\",\"contentBase64\":\""
                + Base64.getEncoder().encodeToString(Fixtures.n8nWorkflow(title)) + "\"}}";
        HttpResponse<String> added = send("POST", "/api/v1/me/workflows/" + id + "/versions", token, version, "v2-" + key);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(JSON.readTree(added.body()).get("number").asInt()).isEqualTo(2);
        assertThat(send("POST", "/api/v1/me/workflows/" + id + "/versions", token, version, "v2-" + key).body()).isEqualTo(added.body());

        HttpResponse<String> published = send("POST", "/api/v1/me/workflows/" + id + "/publish", token, null, null);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        assertThat(JSON.readTree(published.body()).get("status").asString()).isEqualTo("published");
        assertThat(JSON.readTree(published.body()).get("versions")).hasSize(2);

        HttpResponse<String> unpublished = send("POST", "/api/v1/me/workflows/" + id + "/unpublish", token, null, null);
        assertThat(JSON.readTree(unpublished.body()).get("status").asString()).isEqualTo("archived");
    }

    @Test
    void aWorkflowFileAsLargeAsTheUploadPageTakesGoesThroughTheApiAndALargerOneIsRefusedBeforeItIsRead() throws Exception {
        WebSession seller = SellerFixture.newSeller(port);
        String token = ApiIntegrationTests.createToken(seller, "CI", "workflows:write");
        String title = "Large api " + Fixtures.uniqueWord();
        String note = "lorem ipsum dolor sit amet ".repeat(4_500_000 / 27);
        byte[] large = ("{\"name\": \"" + title + "\", \"nodes\": [{\"id\": \"1\", \"name\": \"Start\", \"type\": "
                + "\"n8n-nodes-base.manualTrigger\", \"typeVersion\": 1, \"position\": [0, 0], \"parameters\": {}, \"notes\": \""
                + note + "\"}], \"connections\": {}}").getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> created = send("POST", "/api/v1/me/workflows", token, newWorkflow(title, large), null);
        HttpResponse<String> tooLarge = send("POST", "/api/v1/me/workflows", token,
                newWorkflow(title + " twice", java.util.Arrays.copyOf(large, 6_000_000)), null);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("\"status\":413").contains("Content Too Large");
        assertThat(jdbc.sql("select count(*) from workflow where title like ?").param(title + "%").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anInvalidFileOrListingIsAProblemNamingTheField() throws Exception {
        WebSession seller = SellerFixture.newSeller(port);
        String token = ApiIntegrationTests.createToken(seller, "CI", "workflows:write");

        HttpResponse<String> notAWorkflow = send("POST", "/api/v1/me/workflows", token, newWorkflow("Broken", "not json".getBytes()), null);
        assertProblem(notAWorkflow, 422, "validation-failed");
        assertThat(JSON.readTree(notAWorkflow.body()).get("errors").get(0).get("field").asString()).isEqualTo("file");

        HttpResponse<String> noTitle = send("POST", "/api/v1/me/workflows", token, newWorkflow("", Fixtures.n8nWorkflow("x")), null);
        assertProblem(noTitle, 422, "validation-failed");
        assertThat(JSON.readTree(noTitle.body()).get("errors").get(0).get("field").asString()).isEqualTo("title");

        HttpResponse<String> badBase64 = send("POST", "/api/v1/me/workflows", token,
                newWorkflow("Bad base64", new byte[0]).replace("\"contentBase64\":\"\"", "\"contentBase64\":\"%%%\""), null);
        assertProblem(badBase64, 400, "bad-request");
    }

    static void assertFieldProblem(HttpResponse<String> response, String field, String code) {
        assertProblem(response, 422, "validation-failed");
        JsonNode error = JSON.readTree(response.body()).get("errors").get(0);
        assertThat(error.get("field").asString()).as(response.body()).isEqualTo(field);
        assertThat(error.get("code").asString()).isEqualTo(code);
    }

    static boolean absent(JsonNode node, String field) {
        return node.get(field) == null || node.get(field).isNull();
    }

    @Test
    void theTeamAndCompanyPricesAreSetAndReadAsOnTheSellersFormWithTheSameRules() throws Exception {
        WebSession seller = SellerFixture.newSeller(port);
        String token = ApiIntegrationTests.createToken(seller, "CI", "workflows:write");
        String title = "Api tiers " + Fixtures.uniqueWord();
        String body = newWorkflow(title, Fixtures.n8nWorkflow(title))
                .replace("\"price\":\"12.00\"", "\"price\":\"12.00\",\"teamPrice\":\"36.00\",\"companyPrice\":\"120\"");

        HttpResponse<String> created = send("POST", "/api/v1/me/workflows", token, body, null);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode workflow = JSON.readTree(created.body());
        assertThat(workflow.get("teamPrice").get("amount").asString()).isEqualTo("36.00");
        assertThat(workflow.get("teamPrice").get("currency").asString()).isEqualTo("EUR");
        assertThat(workflow.get("companyPrice").get("amountMinor").asLong()).isEqualTo(12000);
        String id = workflow.get("id").asString();
        assertThat(jdbc.sql("select team_price_minor from workflow where id = ?::uuid").param(id).query(Long.class).single()).isEqualTo(3600);

        // each licence dearer than the one below, as the form checks; nothing is changed by a refused request
        String path = "/api/v1/me/workflows/" + id;
        assertFieldProblem(send("PATCH", path, token, "{\"teamPrice\":\"10.00\"}", null), "teamPrice", "workflow.tiers.team.too-low");
        assertFieldProblem(send("PATCH", path, token, "{\"teamPrice\":\"130.00\"}", null), "companyPrice", "workflow.tiers.company.below-team");
        assertFieldProblem(send("PATCH", path, token, "{\"price\":\"40.00\"}", null), "teamPrice", "workflow.tiers.team.too-low");
        assertFieldProblem(send("PATCH", path, token, "{\"companyPrice\":\"lots\"}", null), "companyPrice", "workflow.tiers.company.invalid");
        assertFieldProblem(send("PATCH", path, token, "{\"price\":\"0\"}", null), "teamPrice", "workflow.tiers.free");
        assertFieldProblem(send("PATCH", path, token, "{\"price\":\"0.20\"}", null), "price", "workflow.price.below-minimum");
        JsonNode unchanged = JSON.readTree(send("GET", path, token, null, null).body());
        assertThat(unchanged.get("price").get("amount").asString()).isEqualTo("12.00");
        assertThat(unchanged.get("teamPrice").get("amount").asString()).isEqualTo("36.00");

        // a licence left out keeps its price, an empty one is withdrawn
        HttpResponse<String> patched = send("PATCH", path, token, "{\"summary\":\"Now with a team price only.\",\"companyPrice\":\"\"}", null);
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        JsonNode edited = JSON.readTree(patched.body());
        assertThat(edited.get("teamPrice").get("amount").asString()).isEqualTo("36.00");
        assertThat(absent(edited, "companyPrice")).isTrue();
        assertThat(jdbc.sql("select count(*) from workflow where id = ?::uuid and company_price_minor is null").param(id).query(Long.class).single())
                .isEqualTo(1);
        // the seller's form shows what the API set
        assertThat(seller.get("/seller/workflows/" + id + "/edit").body()).contains("value=\"36.00\"");

        // a workflow created without them offers the single licence only
        String plainTitle = "Api single " + Fixtures.uniqueWord();
        JsonNode plain = JSON.readTree(send("POST", "/api/v1/me/workflows", token, newWorkflow(plainTitle, Fixtures.n8nWorkflow(plainTitle)), null).body());
        assertThat(absent(plain, "teamPrice") && absent(plain, "companyPrice")).isTrue();
        String document = new WebSession(port).get("/api/v1/openapi.json").assertStatus(200).body();
        assertThat(document).contains("\"teamPrice\"").contains("\"companyPrice\"");
    }

    @Test
    void anotherSellersWorkflowIsNotFoundAndEveryWriteNeedsTheScope() throws Exception {
        WebSession owner = SellerFixture.newSeller(port);
        String id = SellerFixture.publishedWorkflow(owner, "Not yours " + Fixtures.uniqueWord(), "n8n", "5");
        WebSession other = SellerFixture.newSeller(port);
        String token = ApiIntegrationTests.createToken(other, "CI", "workflows:write");

        assertProblem(send("GET", "/api/v1/me/workflows/" + id, token, null, null), 404, "not-found");
        assertProblem(send("PATCH", "/api/v1/me/workflows/" + id, token, "{\"title\":\"Mine now\"}", null), 404, "not-found");
        assertProblem(send("POST", "/api/v1/me/workflows/" + id + "/unpublish", token, null, null), 404, "not-found");
        assertProblem(send("POST", "/api/v1/me/workflows/" + id + "/versions", token, "{\"changelog\":\"x\"}", null), 404, "not-found");
        assertThat(jdbc.sql("select status from workflow where id = ?::uuid").param(id).query(String.class).single()).isEqualToIgnoringCase("published");

        String readOnly = ApiIntegrationTests.createToken(owner, "Read", "sales:read");
        assertProblem(send("GET", "/api/v1/me/workflows/" + id, readOnly, null, null), 403, "insufficient-scope");
        assertProblem(send("POST", "/api/v1/me/workflows", readOnly, newWorkflow("T", Fixtures.n8nWorkflow("T")), null), 403, "insufficient-scope");
        assertProblem(send("PATCH", "/api/v1/me/workflows/" + id, readOnly, "{\"title\":\"X\"}", null), 403, "insufficient-scope");
        assertProblem(send("POST", "/api/v1/me/workflows/" + id + "/versions", readOnly, "{\"changelog\":\"x\"}", null), 403, "insufficient-scope");
        assertProblem(send("POST", "/api/v1/me/workflows/" + id + "/publish", readOnly, null, null), 403, "insufficient-scope");
        assertProblem(send("POST", "/api/v1/me/workflows/" + id + "/unpublish", readOnly, null, null), 403, "insufficient-scope");
    }

    @Test
    void aSellerManagesCouponsWithTheCouponsScopeOnly() throws Exception {
        WebSession seller = SellerFixture.newSeller(port);
        String token = ApiIntegrationTests.createToken(seller, "Coupons", "coupons:write");
        String code = "API" + Fixtures.uniqueWord().toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        String body = "{\"code\":\"" + code + "\",\"percentOff\":15,\"maxUses\":10}";
        String key = UUID.randomUUID().toString();

        HttpResponse<String> created = send("POST", "/api/v1/me/coupons", token, body, key);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(send("POST", "/api/v1/me/coupons", token, body, key).body()).isEqualTo(created.body());
        JsonNode coupon = JSON.readTree(created.body());
        assertThat(coupon.get("percentOff").asInt()).isEqualTo(15);
        assertThat(coupon.get("status").asString()).isEqualTo("running");
        JsonNode list = JSON.readTree(send("GET", "/api/v1/me/coupons", token, null, null).body());
        assertThat(list).hasSize(1);

        assertProblem(send("POST", "/api/v1/me/coupons", token, "{\"code\":\"X" + code + "\",\"percentOff\":150}", null), 422, "validation-failed");
        assertProblem(send("POST", "/api/v1/me/coupons", token, body, null), 422, "validation-failed");

        String id = coupon.get("id").asString();
        String stranger = ApiIntegrationTests.createToken(SellerFixture.newSeller(port), "Coupons", "coupons:write");
        assertProblem(send("POST", "/api/v1/me/coupons/" + id + "/deactivate", stranger, null, null), 404, "not-found");
        HttpResponse<String> ended = send("POST", "/api/v1/me/coupons/" + id + "/deactivate", token, null, null);
        assertThat(JSON.readTree(ended.body()).get("status").asString()).isEqualTo("inactive");

        String noScope = ApiIntegrationTests.createToken(seller, "Hooks", "workflows:write");
        assertProblem(send("GET", "/api/v1/me/coupons", noScope, null, null), 403, "insufficient-scope");
        assertProblem(send("POST", "/api/v1/me/coupons", noScope, body, null), 403, "insufficient-scope");
        assertProblem(send("POST", "/api/v1/me/coupons/" + id + "/deactivate", noScope, null, null), 403, "insufficient-scope");
    }

    @Test
    void aFileWithASecretIsAcceptedWithTheUploadPagesWarningAndHeldForModeration() throws Exception {
        WebSession seller = SellerFixture.newSeller(port);
        String token = ApiIntegrationTests.createToken(seller, "CI", "workflows:write");
        String title = "Leaky " + Fixtures.uniqueWord();

        HttpResponse<String> created = send("POST", "/api/v1/me/workflows", token, newWorkflow(title, withStripeKey(title)), null);
        assertThat(created.statusCode()).as("the upload page keeps such a file too, with a warning").isEqualTo(201);
        JsonNode workflow = JSON.readTree(created.body());
        String id = workflow.get("id").asString();
        assertThat(workflow.get("warnings")).hasSize(1);
        JsonNode warning = workflow.get("warnings").get(0);
        assertThat(warning.get("field").asString()).isEqualTo("file");
        assertThat(warning.get("code").asString()).isEqualTo("workflow.file.secret");
        assertThat(warning.get("detail").asString()).contains("secrets").contains("Send to Slack").contains("stripeKey");
        assertThat(created.body()).as("the key itself is never echoed").doesNotContain("sk_" + "live_");
        assertThat(workflow.get("versions").get(0).get("warnings")).hasSize(1);

        String page = seller.get("/seller/workflows/" + id + "/edit").assertStatus(200).body();
        assertThat(page).as("the page warns of the same").contains("This file seems to contain secrets").contains("stripeKey");
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.sql(
                "select hits from moderation_item where content_type = 'workflow' and content_id = ?::uuid").param(id).query(String.class).list())
                .as("held for moderation, as a page upload is").singleElement().asString().contains("stripe-key"));

        String leakyVersion = "{\"changelog\":\"Oops.\",\"file\":{\"name\":\"w.json\",\"contentBase64\":\""
                + Base64.getEncoder().encodeToString(withStripeKey(title)) + "\"}}";
        HttpResponse<String> leaky = send("POST", "/api/v1/me/workflows/" + id + "/versions", token, leakyVersion, null);
        assertThat(leaky.statusCode()).as(leaky.body()).isEqualTo(201);
        JsonNode version = JSON.readTree(leaky.body());
        assertThat(version.get("number").asInt()).isEqualTo(2);
        assertThat(version.get("warnings").get(0).get("code").asString()).isEqualTo("workflow.file.secret");
        assertThat(version.get("warnings").get(0).get("field").asString()).isEqualTo("file");

        String cleanVersion = "{\"changelog\":\"Key removed.\",\"file\":{\"name\":\"w.json\",\"contentBase64\":\""
                + Base64.getEncoder().encodeToString(Fixtures.n8nWorkflow(title)) + "\"}}";
        HttpResponse<String> clean = send("POST", "/api/v1/me/workflows/" + id + "/versions", token, cleanVersion, null);
        assertThat(JSON.readTree(clean.body()).get("warnings")).isEmpty();
        assertThat(JSON.readTree(send("GET", "/api/v1/me/workflows/" + id, token, null, null).body()).get("warnings"))
                .as("the newest version is clean").isEmpty();
    }

    @Test
    void aSellerAddsListsAndRemovesScreenshotsOfTheirOwnWorkflowsOnly() throws Exception {
        WebSession owner = SellerFixture.newSeller(port);
        String id = SellerFixture.publishedWorkflow(owner, "Shots " + Fixtures.uniqueWord(), "n8n", "0");
        String token = ApiIntegrationTests.createToken(owner, "CI", "workflows:write");
        String path = "/api/v1/me/workflows/" + id + "/screenshots";
        String key = UUID.randomUUID().toString();

        HttpResponse<String> added = sendImage(path, token, png(), key);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        JsonNode shot = JSON.readTree(added.body());
        assertThat(shot.get("contentType").asString()).isEqualTo("image/png");
        assertThat(shot.get("position").asInt()).isZero();
        assertThat(sendImage(path, token, png(), key).body()).as("a retry adds nothing").isEqualTo(added.body());
        assertThat(jdbc.sql("select count(*) from workflow_screenshot where workflow_id = ?::uuid").param(id).query(Long.class).single()).isEqualTo(1);

        JsonNode listed = JSON.readTree(send("GET", path, token, null, null).body());
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("id").asString()).isEqualTo(shot.get("id").asString());
        WebSession.Page image = new WebSession(port).get(URI.create(shot.get("url").asString()).getPath()).assertStatus(200);
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");

        HttpResponse<String> notAnImage = sendImage(path, token, "<svg/>".getBytes(StandardCharsets.UTF_8), null);
        assertProblem(notAnImage, 422, "validation-failed");
        assertThat(JSON.readTree(notAnImage.body()).get("code").asString()).isEqualTo("image.unsupported");
        HttpResponse<String> tooLarge = sendImage(path, token, java.util.Arrays.copyOf(png(), 2 * 1024 * 1024 + 300 * 1024), null);
        assertProblem(tooLarge, 422, "validation-failed");
        assertThat(JSON.readTree(tooLarge.body()).get("code").asString()).as("the page's 2 MB limit, not the 256 KB of other forms").isEqualTo("image.too-large");

        String stranger = ApiIntegrationTests.createToken(SellerFixture.newSeller(port), "CI", "workflows:write");
        assertProblem(send("GET", path, stranger, null, null), 404, "not-found");
        assertProblem(sendImage(path, stranger, png(), null), 404, "not-found");
        assertProblem(send("DELETE", path + "/" + shot.get("id").asString(), stranger, null, null), 404, "not-found");
        String readOnly = ApiIntegrationTests.createToken(owner, "Read", "sales:read");
        assertProblem(send("GET", path, readOnly, null, null), 403, "insufficient-scope");
        assertProblem(sendImage(path, readOnly, png(), null), 403, "insufficient-scope");
        assertProblem(send("DELETE", path + "/" + shot.get("id").asString(), readOnly, null, null), 403, "insufficient-scope");
        assertThat(JSON.readTree(send("GET", path, token, null, null).body())).hasSize(1);

        HttpResponse<String> removed = send("DELETE", path + "/" + shot.get("id").asString(), token, null, null);
        assertThat(removed.statusCode()).isEqualTo(204);
        assertThat(JSON.readTree(send("GET", path, token, null, null).body())).isEmpty();
        assertProblem(send("DELETE", path + "/" + shot.get("id").asString(), token, null, null), 404, "not-found");
    }
}
