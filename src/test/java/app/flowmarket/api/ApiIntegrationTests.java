package app.flowmarket.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class ApiIntegrationTests {

    private static final Pattern TOKEN = Pattern.compile("value=\"(fmp_[A-Za-z0-9_-]+)\"");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    AccountManagement accounts;

    @Autowired
    JdbcClient jdbc;

    WebSession person() {
        String email = Fixtures.uniqueEmail("api");
        accounts.createVerified(email, Fixtures.PASSWORD, "Ivy Integrator");
        return new WebSession(port).signIn(email, Fixtures.PASSWORD);
    }

    /** Creates a token in Settings → API and reads it from the page, the one time it is shown. */
    static String createToken(WebSession browser, String name, String... scopes) {
        StringBuilder form = new StringBuilder("name=" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "&expiresInDays=30");
        for (String scope : scopes) {
            form.append("&scopes=").append(URLEncoder.encode(scope, StandardCharsets.UTF_8));
        }
        WebSession.Page page = browser.postMultipartless("/settings/api/tokens", form.toString()).assertStatus(200);
        Matcher token = TOKEN.matcher(page.body());
        assertThat(token.find()).as("the new token is shown").isTrue();
        return token.group(1);
    }

    WebSession.Page call(String path, String token, Map<String, String> headers) {
        WebSession client = new WebSession(port);
        java.util.Map<String, String> all = new java.util.HashMap<>(headers);
        if (token != null) {
            all.put("Authorization", "Bearer " + token);
        }
        return client.getWithHeaders(path, all);
    }

    WebSession.Page call(String path, String token) {
        return call(path, token, Map.of());
    }

    static JsonNode json(WebSession.Page page) {
        return JSON.readTree(page.body());
    }

    static void assertProblem(WebSession.Page page, int status, String type) {
        assertThat(page.status()).isEqualTo(status);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = json(page);
        assertThat(problem.get("type").asString()).isEqualTo("https://flowmarket.app/problems/" + type);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
    }

    @Test
    void aTokenIsShownOnceStoredHashedWorksAsBearerAndStopsWhenRevoked() {
        WebSession browser = person();
        String token = createToken(browser, "Sheet sync", "catalog:read", "library:read");

        assertThat(jdbc.sql("select count(*) from api_token where token_hash = ?").param(app.flowmarket.shared.Tokens.sha256Hex(token))
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from api_token where token_hash = ? or token_prefix = ?").params(token, token)
                .query(Long.class).single()).as("the token itself is not stored").isZero();
        String settings = browser.get("/settings/api").assertStatus(200).body();
        assertThat(settings).contains("Sheet sync").contains(token.substring(0, 10)).doesNotContain(token).contains("never used");

        WebSession.Page me = call("/api/v1/me", token).assertStatus(200);
        assertThat(me.headers().firstValue("Set-Cookie")).as("stateless: no session").isEmpty();
        assertThat(json(me).get("displayName").asString()).isEqualTo("Ivy Integrator");
        assertThat(json(me).get("scopes").toString()).contains("catalog:read", "library:read");
        assertThat(browser.get("/settings/api").body()).contains("last used");

        String tokenId = jdbc.sql("select id::text from api_token where token_hash = ?").param(app.flowmarket.shared.Tokens.sha256Hex(token))
                .query(String.class).single();
        browser.post("/settings/api/tokens/" + tokenId + "/revoke", Map.of()).assertStatus(302);
        assertProblem(call("/api/v1/me", token), 401, "invalid-token");
        assertThat(browser.get("/settings/api").body()).contains("Revoked");
    }

    @Test
    void someoneElsesTokenCannotBeRevoked() {
        String token = createToken(person(), "Mine", "catalog:read");
        String tokenId = jdbc.sql("select id::text from api_token where token_hash = ?").param(app.flowmarket.shared.Tokens.sha256Hex(token))
                .query(String.class).single();
        person().post("/settings/api/tokens/" + tokenId + "/revoke", Map.of()).assertStatus(302);
        call("/api/v1/me", token).assertStatus(200);
    }

    @Test
    void aTokenWithoutScopesOrNameIsRefusedWithTheReason() {
        WebSession browser = person();
        WebSession.Page page = browser.postMultipartless("/settings/api/tokens", "name=&expiresInDays=30");
        assertThat(page.status()).isEqualTo(422);
        assertThat(page.body()).contains("Give the token a name").doesNotContain("fmp_");
        page = browser.postMultipartless("/settings/api/tokens", "name=x&expiresInDays=30");
        assertThat(page.body()).contains("Choose at least one scope");
    }

    @Test
    void scopesAreEnforcedOnEveryEndpoint() {
        WebSession browser = person();
        String catalogOnly = createToken(browser, "Catalogue", "catalog:read");
        String libraryOnly = createToken(browser, "Library", "library:read");

        assertProblem(call("/api/v1/me/library", null), 401, "unauthorized");
        assertProblem(call("/api/v1/me/library", catalogOnly), 403, "insufficient-scope");
        call("/api/v1/me/library", libraryOnly).assertStatus(200);
        assertProblem(call("/api/v1/me/sales", libraryOnly), 403, "insufficient-scope");
        assertProblem(call("/api/v1/categories", libraryOnly), 403, "insufficient-scope");
        call("/api/v1/categories", catalogOnly).assertStatus(200);
        assertProblem(call("/api/v1/me", "fmp_not-a-token"), 401, "invalid-token");
    }

    @Test
    void aBuyersLibraryAndDownloadAndASellersWorkflowsAndSales() {
        WebSession seller = SellerFixture.newSeller(port);
        String title = "API flow " + Fixtures.uniqueSlug("a");
        String workflowId = SellerFixture.publishedWorkflow(seller, title, "n8n", "0");
        WebSession buyer = person();
        Shopper.getFree(buyer, workflowId);
        String buyerToken = createToken(buyer, "Library", "library:read");

        JsonNode library = json(call("/api/v1/me/library", buyerToken).assertStatus(200));
        assertThat(library.get("items").get(0).get("title").asString()).isEqualTo(title);
        String versionId = library.get("items").get(0).get("versions").get(0).get("id").asString();
        WebSession.Page file = call("/api/v1/me/library/versions/" + versionId + "/file", buyerToken).assertStatus(200);
        assertThat(file.body()).contains(title);
        String strangerToken = createToken(person(), "Library", "library:read");
        assertProblem(call("/api/v1/me/library/versions/" + versionId + "/file", strangerToken), 404, "not-found");

        String sellerToken = createToken(seller, "Sales", "sales:read");
        JsonNode own = json(call("/api/v1/me/workflows", sellerToken).assertStatus(200));
        assertThat(own.get("items").get(0).get("id").asString()).isEqualTo(workflowId);
        JsonNode sales = json(call("/api/v1/me/sales", sellerToken).assertStatus(200));
        assertThat(sales.get("items").get(0).get("title").asString()).isEqualTo(title);
        assertProblem(call("/api/v1/me/sales", createToken(buyer, "Not a seller", "sales:read")), 403, "forbidden");
    }

    @Test
    void theCatalogueIsOpenWithoutATokenPagedByCursorWithEtags() {
        WebSession seller = SellerFixture.newSeller(port);
        String word = Fixtures.uniqueWord();
        for (int i = 0; i < 3; i++) {
            SellerFixture.publishedWorkflow(seller, "Cursor " + word + " " + i, "n8n", "5");
        }
        String slug = jdbc.sql("select slug from workflow where title = ?").param("Cursor " + word + " 0").query(String.class).single();
        String from = "198.51.100." + (1 + new java.util.Random().nextInt(250));

        WebSession.Page search = call("/api/v1/workflows?q=" + word, null, Map.of("X-Forwarded-For", from)).assertStatus(200);
        assertThat(json(search).get("items")).hasSize(3);
        assertThat(json(search).get("items").get(0).get("price").get("currency").asString()).isEqualTo("USD");
        assertThat(search.headers().firstValue("RateLimit-Policy").orElse("")).isEqualTo("\"anonymous\";q=60;w=60");
        assertThat(search.headers().firstValue("X-RateLimit-Remaining")).isPresent();

        JsonNode versions = json(call("/api/v1/workflows/" + slug + "/versions?limit=1", null, Map.of("X-Forwarded-For", from)).assertStatus(200));
        assertThat(versions.get("items")).hasSize(1);
        assertThat(versions.get("next").isNull()).isTrue();

        JsonNode workflow = json(call("/api/v1/workflows/" + slug, null, Map.of("X-Forwarded-For", from)).assertStatus(200));
        assertThat(workflow.get("title").asString()).isEqualTo("Cursor " + word + " 0");
        assertThat(workflow.has("storeId")).as("no entity fields leak").isFalse();

        WebSession.Page tags = call("/api/v1/tags", null, Map.of("X-Forwarded-For", from)).assertStatus(200);
        String etag = tags.headers().firstValue("ETag").orElseThrow();
        call("/api/v1/tags", null, Map.of("X-Forwarded-For", from, "If-None-Match", etag)).assertStatus(304);

        assertProblem(call("/api/v1/workflows/no-such-" + word, null, Map.of("X-Forwarded-For", from)), 404, "not-found");
        assertProblem(call("/api/v1/nothing-here", null, Map.of("X-Forwarded-For", from)), 404, "not-found");
        assertProblem(call("/api/v1/workflows?cursor=garbage!", null, Map.of("X-Forwarded-For", from)), 400, "bad-request");
    }

    @Test
    void cursorsWalkAListToItsEnd() {
        WebSession seller = SellerFixture.newSeller(port);
        String word = Fixtures.uniqueWord();
        for (int i = 0; i < 3; i++) {
            SellerFixture.publishedWorkflow(seller, "Walk " + word + " " + i, "n8n", "0");
        }
        String token = createToken(seller, "Walk", "sales:read");
        JsonNode first = json(call("/api/v1/me/workflows?limit=2", token).assertStatus(200));
        assertThat(first.get("items")).hasSize(2);
        String next = first.get("next").asString();
        assertThat(next).contains("cursor=").contains("limit=2");
        JsonNode second = json(call(next.substring(next.indexOf("/api/")), token).assertStatus(200));
        assertThat(second.get("items")).hasSize(1);
        assertThat(second.get("next").isNull()).isTrue();
        java.util.Set<String> ids = new java.util.HashSet<>();
        first.get("items").forEach(i -> ids.add(i.get("id").asString()));
        second.get("items").forEach(i -> ids.add(i.get("id").asString()));
        assertThat(ids).hasSize(3);
    }

    @Test
    void anonymousCallersGet429WithRetryAfterOnceTheirBucketIsEmpty() {
        String from = "203.0.113." + (1 + new java.util.Random().nextInt(250));
        // the bucket refills gradually (one request a second), so a few more get through while the loop runs
        int allowed = 0;
        WebSession.Page refused = call("/api/v1/categories", null, Map.of("X-Forwarded-For", from));
        while (refused.status() == 200 && allowed < 300) {
            allowed++;
            refused = call("/api/v1/categories", null, Map.of("X-Forwarded-For", from));
        }
        assertThat(allowed).isGreaterThanOrEqualTo(60).isLessThan(300);
        assertProblem(refused, 429, "rate-limited");
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isPositive();
        assertThat(refused.headers().firstValue("X-RateLimit-Remaining")).contains("0");
        // another address has its own bucket
        call("/api/v1/categories", null, Map.of("X-Forwarded-For", "203.0.113.251".equals(from) ? "203.0.113.252" : "203.0.113.251"))
                .assertStatus(200);
    }

    @Test
    void aTokenOfADeletedAccountIsErasedWithIt() {
        WebSession browser = person();
        String token = createToken(browser, "Gone", "catalog:read");
        UUID accountId = jdbc.sql("select account_id from api_token where token_hash = ?").param(app.flowmarket.shared.Tokens.sha256Hex(token))
                .query(UUID.class).single();
        personalData.erase(new app.flowmarket.shared.PersonalData.Subject(app.flowmarket.shared.AccountId.of(accountId), "", ""));
        assertProblem(call("/api/v1/me", token), 401, "invalid-token");
    }

    @Autowired
    ApiPersonalData personalData;

    java.net.http.HttpResponse<String> postJson(String path, String token, String body, String idempotencyKey) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return java.net.http.HttpClient.newHttpClient().send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aSellerAddsAWebhookThroughTheApiOnceWhateverTheRetries() throws Exception {
        WebSession seller = SellerFixture.newSeller(port);
        String token = createToken(seller, "Hooks", "webhooks:write");
        String body = "{\"url\":\"http://localhost:9/hook\",\"events\":[\"order.paid\"]}";
        String key = UUID.randomUUID().toString();

        var first = postJson("/api/v1/me/webhooks", token, body, key);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.headers().firstValue("Location")).isPresent();
        assertThat(first.body()).contains("whsec_");
        var retry = postJson("/api/v1/me/webhooks", token, body, key);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(json(call("/api/v1/me/webhooks", token).assertStatus(200))).hasSize(1);

        var reused = postJson("/api/v1/me/webhooks", token, body.replace("order.paid", "review.created"), key);
        assertThat(reused.statusCode()).isEqualTo(409);
        var invalid = postJson("/api/v1/me/webhooks", token, "{\"url\":\"https://10.0.0.1/x\",\"events\":[\"order.paid\"]}", null);
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.body()).contains("validation-failed");
        var noScope = postJson("/api/v1/me/webhooks", createToken(seller, "Read", "sales:read"), body, null);
        assertThat(noScope.statusCode()).isEqualTo(403);
    }
}
