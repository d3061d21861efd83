package app.flowmarket.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.UUID;

import app.flowmarket.IntegrationTest;
import app.flowmarket.catalog.SellerFixture;
import app.flowmarket.support.Fixtures;
import app.flowmarket.support.WebSession;
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
}
