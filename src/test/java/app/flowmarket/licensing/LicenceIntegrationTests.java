package app.flowmarket.licensing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.flowmarket.IntegrationTest;
import app.flowmarket.account.AccountManagement;
import app.flowmarket.catalog.SellerFixture;
import app.flowmarket.support.Fixtures;
import app.flowmarket.support.Shopper;
import app.flowmarket.support.WebSession;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every purchase gets a licence key: its buyer sees it, the selling store's tools verify it, a refund revokes it. */
@IntegrationTest
class LicenceIntegrationTests {

    private static final Pattern TOKEN = Pattern.compile("value=\"(fmp_[A-Za-z0-9_-]+)\"");
    private static final Pattern KEY = Pattern.compile("FM(-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{5}){4}");

    @LocalServerPort
    int port;

    @Autowired
    AccountManagement accounts;

    @Autowired
    JdbcClient jdbc;

    record Purchase(WebSession seller, String workflowId, String email, WebSession buyer, String orderPath, String key) {
    }

    Purchase purchase(String price) {
        WebSession seller = SellerFixture.newSeller(port);
        String workflowId = SellerFixture.publishedWorkflow(seller, "Licensed flow " + Fixtures.uniqueSlug("lic"), "n8n", price);
        String email = Fixtures.uniqueEmail("licensee");
        accounts.createVerified(email, Fixtures.PASSWORD, "Lena Licensee");
        WebSession buyer = new WebSession(port).signIn(email, Fixtures.PASSWORD);
        Shopper.addToCart(buyer, "WORKFLOW", workflowId);
        String orderPath = Shopper.pay(buyer, Shopper.placeOrder(buyer), Shopper.GOOD_CARD);
        Shopper.awaitOrderText(buyer, orderPath, "Paid. Thank you");
        Matcher key = KEY.matcher(buyer.get("/library").assertStatus(200).body());
        assertThat(key.find()).as("the library lists the purchase's licence key").isTrue();
        return new Purchase(seller, workflowId, email, buyer, orderPath, key.group());
    }

    static String token(WebSession browser, String scope) {
        String form = "name=licences&expiresInDays=30&scopes=" + URLEncoder.encode(scope, StandardCharsets.UTF_8);
        Matcher token = TOKEN.matcher(browser.postMultipartless("/settings/api/tokens", form).assertStatus(200).body());
        assertThat(token.find()).isTrue();
        return token.group(1);
    }

    HttpResponse<String> verify(@Nullable String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/licences/verify"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) {
        return JsonMapper.builder().build().readTree(response.body());
    }

    @Test
    void payingCreatesOneUniqueKeyPerOrderLineShownOnTheBuyersLicencePage() {
        Purchase p = purchase("12");
        String lineId = jdbc.sql("select id::text from order_line where order_id = ?::uuid").param(p.orderPath().substring("/orders/".length()))
                .query(String.class).single();
        assertThat(jdbc.sql("select licence_key from licence where order_line_id = ?::uuid").param(lineId).query(String.class).list())
                .containsExactly(p.key());

        WebSession.Page page = p.buyer().get("/library/licences/" + p.key()).assertStatus(200);
        assertThat(page.body()).contains(p.key()).contains("Single user").contains("Valid").contains("One person may use this workflow");
        assertThat(p.buyer().get("/library/licences/" + p.key().toLowerCase()).status()).as("typed in lower case").isEqualTo(200);
    }

    @Test
    void anotherBuyerCannotSeeSomeoneElsesLicence() {
        Purchase p = purchase("9");
        String other = Fixtures.uniqueEmail("other");
        accounts.createVerified(other, Fixtures.PASSWORD, "Otto Other");
        WebSession stranger = new WebSession(port).signIn(other, Fixtures.PASSWORD);
        assertThat(stranger.get("/library/licences/" + p.key()).status()).isEqualTo(404);
        assertThat(stranger.get("/library/licences/FM-22222-22222-22222-22222").status()).isEqualTo(404);
        assertThat(new WebSession(port).get("/library/licences/" + p.key()).status()).as("signed out: to the sign-in page").isEqualTo(302);
    }

    @Test
    void theSellersTokenVerifiesItsOwnKeyWithoutTheBuyerAndARefundRevokesIt() throws Exception {
        Purchase p = purchase("15");
        String token = token(p.seller(), "licences:read");

        HttpResponse<String> valid = verify(token, "{\"key\": \" " + p.key().toLowerCase() + " \"}");
        assertThat(valid.statusCode()).isEqualTo(200);
        JsonNode answer = json(valid);
        assertThat(answer.get("key").asString()).isEqualTo(p.key());
        assertThat(answer.get("status").asString()).isEqualTo("valid");
        assertThat(answer.get("workflowIds").get(0).asString()).isEqualTo(p.workflowId());
        assertThat(answer.get("tier").asString()).isEqualTo("single");
        assertThat(answer.get("seatsTotal").asInt()).isEqualTo(1);
        assertThat(answer.get("seatsUsed").asInt()).isEqualTo(1);
        assertThat(answer.hasNonNull("purchasedAt")).isTrue();
        assertThat(valid.body()).doesNotContain(p.email()).doesNotContain("Lena");

        String lineId = jdbc.sql("select id::text from order_line where order_id = ?::uuid").param(p.orderPath().substring("/orders/".length()))
                .query(String.class).single();
        p.seller().post("/seller/sales/" + lineId + "/refund", Map.of()).assertStatus(302);
        JsonNode revoked = json(verify(token, "{\"key\": \"" + p.key() + "\"}"));
        assertThat(revoked.get("status").asString()).isEqualTo("revoked");
        assertThat(revoked.get("valid").asBoolean()).isFalse();
        assertThat(p.buyer().get("/library/licences/" + p.key()).body()).contains("Revoked");
    }

    @Test
    void anotherStoresKeyAnswersNotFoundAndTheEndpointNeedsAToken() throws Exception {
        Purchase p = purchase("7");
        String otherSeller = token(SellerFixture.newSeller(port), "sales:read");

        HttpResponse<String> foreign = verify(otherSeller, "{\"key\": \"" + p.key() + "\"}");
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(foreign.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(foreign.body()).doesNotContain(p.workflowId());
        assertThat(verify(otherSeller, "{\"key\": \"FM-22222-22222-22222-22222\"}").statusCode()).isEqualTo(404);
        assertThat(verify(otherSeller, "{}").statusCode()).isEqualTo(422);
        assertThat(verify(null, "{\"key\": \"" + p.key() + "\"}").statusCode()).isEqualTo(401);
        assertThat(verify(token(p.seller(), "catalog:read"), "{\"key\": \"" + p.key() + "\"}").statusCode()).as("wrong scope").isEqualTo(403);
    }
}
