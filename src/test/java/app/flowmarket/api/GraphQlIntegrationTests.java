package app.flowmarket.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import app.flowmarket.IntegrationTest;
import app.flowmarket.account.AccountManagement;
import app.flowmarket.catalog.SellerFixture;
import app.flowmarket.support.Fixtures;
import app.flowmarket.support.Shopper;
import app.flowmarket.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
@Import(SqlStatements.class)
class GraphQlIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    AccountManagement accounts;

    @Autowired
    JdbcClient jdbc;

    /** Each test calls from its own address, so the anonymous rate limit of one does not spend another's. */
    final String address = "198.51.100." + (1 + new java.util.Random().nextInt(250));

    record Answer(int status, JsonNode body, HttpHeaders headers) {

        Answer assertOk() {
            assertThat(status).as(body.toString()).isEqualTo(200);
            assertThat(body.has("errors")).as(body.toString()).isFalse();
            return this;
        }

        JsonNode data(String path) {
            JsonNode node = body.get("data");
            for (String part : path.split("\\.")) {
                node = node.get(part);
            }
            return node;
        }

        String errorCode() {
            return body.get("errors").get(0).get("extensions").get("code").asString();
        }

        List<String> titles(String connection) {
            List<String> titles = new ArrayList<>();
            data(connection).get("edges").forEach(edge -> titles.add(edge.get("node").get("title").asString()));
            return titles;
        }
    }

    Answer graphQl(String query, String token, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", address)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", query))));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), JSON.readTree(response.body()), response.headers());
    }

    Answer graphQl(String query, String token) throws Exception {
        return graphQl(query, token, Map.of());
    }

    Answer graphQl(String query) throws Exception {
        return graphQl(query, null);
    }

    WebSession person(String name) {
        String email = Fixtures.uniqueEmail("graphql");
        accounts.createVerified(email, Fixtures.PASSWORD, name);
        return new WebSession(port).signIn(email, Fixtures.PASSWORD);
    }

    String slugOf(String workflowId) {
        return jdbc.sql("select slug from workflow where id = ?::uuid").param(workflowId).query(String.class).single();
    }

    String storeSlugOf(String workflowId) {
        return jdbc.sql("select s.slug from workflow w join store s on s.id = w.store_id where w.id = ?::uuid").param(workflowId)
                .query(String.class).single();
    }

    @Test
    void anonymousCallersReadTheCatalogueAndPageThroughSearchResults() throws Exception {
        WebSession seller = SellerFixture.newSeller(port);
        String word = Fixtures.uniqueWord();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(SellerFixture.publishedWorkflow(seller, "Graph " + word + " " + i, "n8n", "0"));
        }
        WebSession buyer = person("Rita Reviewer");
        Shopper.getFree(buyer, ids.get(0));
        String reviews = "/workflows/" + slugOf(ids.get(0)) + "/reviews";
        buyer.get(reviews);
        buyer.post(reviews, Map.of("rating", "4", "body", "Works as described")).assertStatus(302);

        String page = """
                { workflows(query: "%s", sort: "newest", first: 2%s) {
                    edges { cursor node { id title price { currency amount } rating { average count } store { name } } }
                    pageInfo { hasNextPage endCursor } } }""";
        Answer first = graphQl(page.formatted(word, "")).assertOk();
        assertThat(first.titles("workflows")).hasSize(2);
        assertThat(first.data("workflows.pageInfo.hasNextPage").asBoolean()).isTrue();
        assertThat(first.headers().firstValue("RateLimit-Policy")).contains("\"anonymous\";q=60;w=60");
        assertThat(first.headers().firstValue("Set-Cookie")).as("stateless: no session").isEmpty();
        String after = first.data("workflows.pageInfo.endCursor").asString();
        Answer second = graphQl(page.formatted(word, ", after: \"" + after + "\"")).assertOk();
        assertThat(second.titles("workflows")).hasSize(1);
        assertThat(second.data("workflows.pageInfo.hasNextPage").asBoolean()).isFalse();
        Set<String> seen = new HashSet<>(first.titles("workflows"));
        seen.addAll(second.titles("workflows"));
        assertThat(seen).containsExactlyInAnyOrder("Graph " + word + " 0", "Graph " + word + " 1", "Graph " + word + " 2");
        assertThat(first.data("workflows.edges").get(0).get("node").get("store").get("name").asString()).startsWith("Store ");
        assertThat(first.data("workflows.edges").get(0).get("node").get("price").get("currency").asString()).isEqualTo("USD");

        Answer workflow = graphQl("""
                { workflow(slug: "%s") { title status store { slug } latestVersion { number }
                    versions { edges { node { number fileName } } }
                    reviews(first: 5) { edges { node { rating body authorName verifiedPurchase } } }
                    rating { average count } } }""".formatted(slugOf(ids.get(0)))).assertOk();
        assertThat(workflow.data("workflow.title").asString()).isEqualTo("Graph " + word + " 0");
        assertThat(workflow.data("workflow.status").asString()).isEqualTo("published");
        assertThat(workflow.data("workflow.store.slug").asString()).isEqualTo(storeSlugOf(ids.get(0)));
        assertThat(workflow.data("workflow.versions.edges").get(0).get("node").get("number").asInt()).isEqualTo(1);
        JsonNode review = workflow.data("workflow.reviews.edges").get(0).get("node");
        assertThat(review.get("body").asString()).isEqualTo("Works as described");
        assertThat(review.get("authorName").asString()).isEqualTo("Rita Reviewer");
        assertThat(review.get("verifiedPurchase").asBoolean()).isTrue();
        assertThat(workflow.data("workflow.rating.count").asInt()).isEqualTo(1);
        assertThat(graphQl("{ workflow(slug: \"no-such-" + word + "\") { title } }").assertOk().data("workflow").isNull()).isTrue();

        Answer store = graphQl("""
                { store(slug: "%s") { name workflows(first: 10) { edges { node { title } } pageInfo { hasNextPage } } } }"""
                .formatted(storeSlugOf(ids.get(0)))).assertOk();
        assertThat(store.titles("store.workflows")).containsExactlyInAnyOrder("Graph " + word + " 0", "Graph " + word + " 1", "Graph " + word + " 2");

        Answer lists = graphQl("{ categories { slug name } tags { slug name } }").assertOk();
        assertThat(lists.data("categories").isArray()).isTrue();
        assertThat(lists.data("tags").isArray()).isTrue();

        Answer badCursor = graphQl(page.formatted(word, ", after: \"garbage!\""));
        assertThat(badCursor.errorCode()).isEqualTo("BAD_REQUEST");
    }

    @Test
    void listingWorkflowsWithTheirStoresReviewsAndRatingsTakesTheSameStatementsForTwoOrTwenty() throws Exception {
        String word = Fixtures.uniqueWord();
        List<String> ids = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            WebSession seller = SellerFixture.newSeller(port);
            for (int i = 0; i < 7; i++) {
                ids.add(SellerFixture.publishedWorkflow(seller, "Batch " + word + " " + s + "-" + i, "n8n", "0"));
            }
        }
        WebSession buyer = person("Nora Plusone");
        for (String id : ids.subList(ids.size() - 3, ids.size())) {
            Shopper.getFree(buyer, id);
            String reviews = "/workflows/" + slugOf(id) + "/reviews";
            buyer.get(reviews);
            buyer.post(reviews, Map.of("rating", "5", "body", "Batched nicely")).assertStatus(302);
        }
        String query = """
                { workflows(query: "%s", sort: "newest", first: %d) { edges { node {
                    title rating { average count }
                    store { name workflows(first: 3) { edges { node { title } } } }
                    reviews(first: 2) { edges { node { rating body } } } } } } }""";

        graphQl(query.formatted(word, 20)).assertOk();
        SqlStatements.reset();
        Answer two = graphQl(query.formatted(word, 2)).assertOk();
        int forTwo = SqlStatements.count();
        SqlStatements.reset();
        Answer twenty = graphQl(query.formatted(word, 20)).assertOk();
        int forTwenty = SqlStatements.count();

        assertThat(two.titles("workflows")).hasSize(2);
        assertThat(twenty.titles("workflows")).hasSize(20);
        JsonNode nodes = twenty.data("workflows.edges");
        assertThat(nodes.findValues("store")).allSatisfy(store -> assertThat(store.get("workflows").get("edges")).hasSize(3));
        long reviewed = java.util.stream.StreamSupport.stream(nodes.spliterator(), false)
                .filter(edge -> edge.get("node").get("reviews").get("edges").size() == 1).count();
        assertThat(reviewed).isEqualTo(3);
        assertThat(forTwenty).as("statements for 20 workflows against 2").isEqualTo(forTwo).isPositive().isLessThanOrEqualTo(5);
    }

    @Test
    void tooDeepAndTooCostlyQueriesAreRefusedBeforeTheyRun() throws Exception {
        Answer deep = graphQl("""
                { workflows(first: 1) { edges { node { store { workflows(first: 1) { edges { node { store {
                    workflows(first: 1) { edges { node { title } } } } } } } } } } } }""");
        assertThat(deep.status()).isEqualTo(200);
        assertThat(deep.errorCode()).isEqualTo("QUERY_TOO_DEEP");
        assertThat(deep.body().get("errors").get(0).get("message").asString()).contains("at most 10");
        assertThat(deep.body().path("data").isMissingNode() || deep.body().get("data").isNull()).isTrue();

        Answer costly = graphQl("""
                { workflows(first: 100) { edges { node { reviews(first: 100) { edges { node { body rating } } } } } } }""");
        assertThat(costly.status()).isEqualTo(200);
        assertThat(costly.errorCode()).isEqualTo("QUERY_TOO_COMPLEX");
        assertThat(costly.body().get("errors").get(0).get("message").asString()).contains("at most 2000");

        graphQl("{ workflows(first: 20) { edges { node { title reviews(first: 5) { edges { node { body } } } } } } }").assertOk();
    }

    @Test
    void theViewersListsNeedTheirScopeAndOnlyEverShowTheTokensOwnAccount() throws Exception {
        WebSession seller = SellerFixture.newSeller(port);
        String title = "Owned " + Fixtures.uniqueWord();
        String workflowId = SellerFixture.publishedWorkflow(seller, title, "n8n", "0");
        SellerFixture.publishedWorkflow(seller, title + " too", "n8n", "0");
        WebSession buyer = person("Libby Owner");
        Shopper.getFree(buyer, workflowId);
        String libraryToken = ApiIntegrationTests.createToken(buyer, "Library", "library:read");
        String catalogToken = ApiIntegrationTests.createToken(buyer, "Catalogue", "catalog:read");
        String strangerToken = ApiIntegrationTests.createToken(person("Stranger"), "Library", "library:read", "sales:read");

        String library = "{ viewer { displayName scopes library(first: 1) { edges { node { title versions { number } } } pageInfo { hasNextPage } } } }";
        Answer own = graphQl(library, libraryToken).assertOk();
        assertThat(own.data("viewer.displayName").asString()).isEqualTo("Libby Owner");
        assertThat(own.titles("viewer.library")).containsExactly(title);
        assertThat(own.data("viewer.library.pageInfo.hasNextPage").asBoolean()).isFalse();
        assertThat(own.headers().firstValue("RateLimit-Policy")).contains("\"token\";q=600;w=60");

        Answer noScope = graphQl(library, catalogToken);
        assertThat(noScope.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(noScope.body().get("errors").get(0).get("extensions").get("type").asString())
                .isEqualTo("https://flowmarket.app/problems/insufficient-scope");
        assertThat(noScope.data("viewer.displayName").asString()).isEqualTo("Libby Owner");
        assertThat(noScope.data("viewer.library").isNull()).isTrue();

        Answer stranger = graphQl(library, strangerToken).assertOk();
        assertThat(stranger.data("viewer.displayName").asString()).isEqualTo("Stranger");
        assertThat(stranger.data("viewer.library.edges")).isEmpty();
        Answer strangerSales = graphQl("{ viewer { sales { edges { node { title } } } } }", strangerToken);
        assertThat(strangerSales.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(strangerSales.body().toString()).doesNotContain(title);

        Answer anonymous = graphQl(library);
        assertThat(anonymous.errorCode()).isEqualTo("UNAUTHENTICATED");
        assertThat(anonymous.data("viewer").isNull()).isTrue();

        Answer invalid = graphQl(library, "fmp_not-a-token");
        assertThat(invalid.status()).isEqualTo(401);
        assertThat(invalid.errorCode()).isEqualTo("UNAUTHENTICATED");

        String salesToken = ApiIntegrationTests.createToken(seller, "Sales", "sales:read");
        Answer sales = graphQl("{ viewer { seller sales(first: 1) { edges { node { title free } } } library { edges { node { title } } } } }",
                salesToken);
        assertThat(sales.data("viewer.seller").asBoolean()).isTrue();
        assertThat(sales.titles("viewer.sales")).containsExactly(title);
        assertThat(sales.errorCode()).as("the sales token has no library:read").isEqualTo("FORBIDDEN");
    }

    /** A draft workflow created through the REST API; returns its id. */
    String draft(String token, String title) throws Exception {
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/me/workflows"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(SellerApiIntegrationTests.newWorkflow(title, Fixtures.n8nWorkflow(title)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).get("id").asString();
    }

    @Test
    void connectionsPageBackwardsWithLastAndBeforeOverTheSameCursorsAsForwards() throws Exception {
        WebSession seller = SellerFixture.newSeller(port);
        String word = Fixtures.uniqueWord();
        String id = null;
        for (int i = 0; i < 5; i++) {
            id = SellerFixture.publishedWorkflow(seller, "Back " + word + " " + i, "n8n", "0");
        }
        String store = storeSlugOf(id);
        List<String> all = graphQl("{ store(slug: \"%s\") { workflows(first: 5) { edges { node { title } } } } }".formatted(store))
                .assertOk().titles("store.workflows");
        assertThat(all).hasSize(5);

        String backwards = """
                { store(slug: "%s") { workflows(last: 2%s) { edges { cursor node { title } }
                    pageInfo { hasPreviousPage hasNextPage startCursor endCursor } } } }""";
        Answer end = graphQl(backwards.formatted(store, "")).assertOk();
        assertThat(end.titles("store.workflows")).as("last alone: the end of the list").isEqualTo(all.subList(3, 5));
        assertThat(end.data("store.workflows.pageInfo.hasPreviousPage").asBoolean()).isTrue();
        assertThat(end.data("store.workflows.pageInfo.hasNextPage").asBoolean()).isFalse();
        String startCursor = end.data("store.workflows.pageInfo.startCursor").asString();
        assertThat(startCursor).isEqualTo(end.data("store.workflows.edges").get(0).get("cursor").asString());

        Answer middle = graphQl(backwards.formatted(store, ", before: \"" + startCursor + "\"")).assertOk();
        assertThat(middle.titles("store.workflows")).isEqualTo(all.subList(1, 3));
        assertThat(middle.data("store.workflows.pageInfo.hasPreviousPage").asBoolean()).isTrue();
        assertThat(middle.data("store.workflows.pageInfo.hasNextPage").asBoolean()).isTrue();

        Answer start = graphQl(backwards.formatted(store, ", before: \"" + middle.data("store.workflows.pageInfo.startCursor").asString() + "\""))
                .assertOk();
        assertThat(start.titles("store.workflows")).as("only one is left before").isEqualTo(all.subList(0, 1));
        assertThat(start.data("store.workflows.pageInfo.hasPreviousPage").asBoolean()).isFalse();
        Answer none = graphQl(backwards.formatted(store, ", before: \"" + start.data("store.workflows.pageInfo.startCursor").asString() + "\""))
                .assertOk();
        assertThat(none.data("store.workflows.edges")).isEmpty();
        assertThat(none.data("store.workflows.pageInfo.hasPreviousPage").asBoolean()).isFalse();

        Answer forwardAgain = graphQl("{ store(slug: \"%s\") { workflows(first: 2, after: \"%s\") { edges { node { title } } } } }"
                .formatted(store, start.data("store.workflows.pageInfo.endCursor").asString())).assertOk();
        assertThat(forwardAgain.titles("store.workflows")).as("a backward page's cursors page forwards too").isEqualTo(all.subList(1, 3));

        String search = """
                { workflows(query: "%s", sort: "newest", %s) { edges { node { title } }
                    pageInfo { hasPreviousPage hasNextPage startCursor } } }""";
        List<String> found = graphQl(search.formatted(word, "first: 5")).assertOk().titles("workflows");
        assertThat(found).hasSize(5);
        Answer lastFound = graphQl(search.formatted(word, "last: 3")).assertOk();
        assertThat(lastFound.titles("workflows")).isEqualTo(found.subList(2, 5));
        assertThat(lastFound.data("workflows.pageInfo.hasPreviousPage").asBoolean()).isTrue();
        assertThat(lastFound.data("workflows.pageInfo.hasNextPage").asBoolean()).isFalse();
        Answer before = graphQl(search.formatted(word, "last: 3, before: \"" + lastFound.data("workflows.pageInfo.startCursor").asString() + "\""))
                .assertOk();
        assertThat(before.titles("workflows")).isEqualTo(found.subList(0, 2));
        assertThat(before.data("workflows.pageInfo.hasPreviousPage").asBoolean()).isFalse();
        assertThat(before.data("workflows.pageInfo.hasNextPage").asBoolean()).isTrue();
    }

    @Test
    void firstAndLastTogetherOrCountsOutOfRangeAreBadRequestsNotFailures() throws Exception {
        Answer both = graphQl("{ workflows(first: 2, last: 2) { edges { node { title } } } }");
        assertThat(both.status()).isEqualTo(200);
        assertThat(both.errorCode()).isEqualTo("BAD_REQUEST");
        assertThat(both.body().get("errors").get(0).get("message").asString()).contains("not both");

        for (String arguments : List.of("last: -1", "first: -3", "last: 0", "last: 101")) {
            Answer refused = graphQl("{ workflows(" + arguments + ") { edges { node { title } } } }");
            assertThat(refused.status()).as(arguments).isEqualTo(200);
            assertThat(refused.errorCode()).as(arguments).isEqualTo("BAD_REQUEST");
            assertThat(refused.body().get("errors").get(0).get("message").asString()).as(arguments).contains("between 1 and 100");
        }
        WebSession seller = SellerFixture.newSeller(port);
        String store = storeSlugOf(SellerFixture.publishedWorkflow(seller, "Nested " + Fixtures.uniqueWord(), "n8n", "0"));
        Answer nested = graphQl("{ store(slug: \"%s\") { workflows(last: -2) { edges { node { title } } } } }".formatted(store));
        assertThat(nested.errorCode()).isEqualTo("BAD_REQUEST");
        assertThat(graphQl("{ workflows(last: 2, before: \"garbage!\") { edges { node { title } } } }").errorCode()).isEqualTo("BAD_REQUEST");
    }

    @Test
    void aSellersTokenListsTheirOwnWorkflowsDraftsIncludedWithTheRestScopes() throws Exception {
        String word = Fixtures.uniqueWord();
        WebSession seller = SellerFixture.newSeller(port);
        SellerFixture.publishedWorkflow(seller, "Live " + word, "n8n", "0");
        String writeToken = ApiIntegrationTests.createToken(seller, "CI", "workflows:write");
        draft(writeToken, "Draft " + word);
        SellerFixture.publishedWorkflow(SellerFixture.newSeller(port), "Theirs " + word, "n8n", "0");

        String query = """
                { viewer { workflows(first: 10) { edges { node { id title status versionCount price { currency } } }
                    pageInfo { hasNextPage hasPreviousPage } } } }""";
        Answer own = graphQl(query, writeToken).assertOk();
        assertThat(own.titles("viewer.workflows")).as("last changed first, drafts included, no one else's")
                .containsExactly("Draft " + word, "Live " + word);
        JsonNode edges = own.data("viewer.workflows.edges");
        assertThat(edges.get(0).get("node").get("status").asString()).isEqualTo("draft");
        assertThat(edges.get(1).get("node").get("status").asString()).isEqualTo("published");
        assertThat(edges.get(0).get("node").get("versionCount").asInt()).isEqualTo(1);
        assertThat(edges.get(0).get("node").get("price").get("currency").asString()).isEqualTo("EUR");

        String salesToken = ApiIntegrationTests.createToken(seller, "Sales", "sales:read");
        assertThat(graphQl(query, salesToken).assertOk().titles("viewer.workflows")).containsExactly("Draft " + word, "Live " + word);
        Answer lastOne = graphQl("{ viewer { workflows(last: 1) { edges { node { title } } pageInfo { hasPreviousPage } } } }", writeToken).assertOk();
        assertThat(lastOne.titles("viewer.workflows")).containsExactly("Live " + word);
        assertThat(lastOne.data("viewer.workflows.pageInfo.hasPreviousPage").asBoolean()).isTrue();

        String libraryToken = ApiIntegrationTests.createToken(seller, "Library", "library:read");
        Answer noScope = graphQl(query, libraryToken);
        assertThat(noScope.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(noScope.data("viewer.workflows").isNull()).isTrue();
        assertThat(noScope.body().toString()).doesNotContain("Draft " + word);

        Answer buyer = graphQl(query, ApiIntegrationTests.createToken(person("Not A Seller"), "CI", "workflows:write"));
        assertThat(buyer.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(buyer.body().get("errors").get(0).get("message").asString()).contains("no store");
    }

    @Test
    void listingTheSellersOwnWorkflowsTakesTheSameStatementsForTwoOrTwelve() throws Exception {
        String word = Fixtures.uniqueWord();
        String few = ApiIntegrationTests.createToken(SellerFixture.newSeller(port), "CI", "workflows:write");
        String many = ApiIntegrationTests.createToken(SellerFixture.newSeller(port), "CI", "workflows:write");
        for (int i = 0; i < 12; i++) {
            if (i < 2) {
                draft(few, "Few " + word + " " + i);
            }
            draft(many, "Many " + word + " " + i);
        }
        String query = "{ viewer { workflows(first: 20) { edges { node { title status versionCount updatedAt } } } } }";

        graphQl(query, few).assertOk();
        SqlStatements.reset();
        Answer two = graphQl(query, few).assertOk();
        int forTwo = SqlStatements.count();
        SqlStatements.reset();
        Answer twelve = graphQl(query, many).assertOk();
        int forTwelve = SqlStatements.count();

        assertThat(two.titles("viewer.workflows")).hasSize(2);
        assertThat(twelve.titles("viewer.workflows")).hasSize(12);
        assertThat(twelve.data("viewer.workflows.edges").findValues("versionCount")).allSatisfy(count -> assertThat(count.asInt()).isEqualTo(1));
        assertThat(forTwelve).as("statements for 12 workflows against 2").isEqualTo(forTwo).isPositive();
    }

    @Test
    void aSignedInBrowsersSessionCookieAuthenticatesNothingAtGraphQl() throws Exception {
        WebSession browser = person("Cookie Holder");
        String session = browser.sessionCookie();
        assertThat(session).isNotNull();

        Answer withCookie = graphQl("{ viewer { displayName } }", null, Map.of("Cookie", "SESSION=" + session));
        assertThat(withCookie.errorCode()).isEqualTo("UNAUTHENTICATED");
        assertThat(withCookie.body().toString()).doesNotContain("Cookie Holder");
        graphQl("{ categories { slug } }", null, Map.of("Cookie", "SESSION=" + session)).assertOk();
    }

    @Test
    void graphiQlIsServedOnADevelopmentMachine() {
        WebSession browser = new WebSession(port);
        WebSession.Page redirect = browser.get("/graphiql");
        assertThat(redirect.status() / 100).isEqualTo(3);
        assertThat(redirect.location()).endsWith("/graphiql?path=/graphql");
        WebSession.Page page = browser.get("/graphiql?path=/graphql").assertStatus(200);
        assertThat(page.body()).contains("GraphiQL");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("https://esm.sh");
    }
}
