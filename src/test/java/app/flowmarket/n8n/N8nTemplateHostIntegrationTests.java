package app.flowmarket.n8n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.flowmarket.IntegrationTest;
import app.flowmarket.account.AccountManagement;
import app.flowmarket.catalog.CatalogPages;
import app.flowmarket.catalog.CategoryView;
import app.flowmarket.catalog.SellerFixture;
import app.flowmarket.shared.AccountId;
import app.flowmarket.shared.PersonalData;
import app.flowmarket.support.Fixtures;
import app.flowmarket.support.Shopper;
import app.flowmarket.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The template-host API as n8n's editor uses it: each request as its client sends it, each response's shape field by field
 * as its types (ITemplatesCategory, ITemplatesCollection, ITemplatesWorkflow, ITemplatesWorkflowResponse, IWorkflowTemplate,
 * the search response) declare it; what an owner, a non-owner and a revoked token get.
 */
@IntegrationTest
class N8nTemplateHostIntegrationTests {

    private static final Pattern ADDRESS = Pattern.compile("value=\"[^\"]*(/n8n/[A-Za-z0-9_-]{43})\"");

    @LocalServerPort
    int port;

    @Autowired
    AccountManagement accounts;

    @Autowired
    CatalogPages catalog;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    List<PersonalData> personalData;

    String word;
    CategoryView category;
    String free;
    String owned;
    String notOwned;
    String ownedSecret;
    String notOwnedSecret;
    WebSession buyer;
    UUID buyerId;

    @BeforeEach
    void aStoreWithAFreeAndTwoPaidWorkflowsOfWhichTheBuyerBoughtOne() {
        word = Fixtures.uniqueWord();
        category = catalog.categories().get(0);
        WebSession seller = SellerFixture.newSeller(port);
        ownedSecret = "owned-" + UUID.randomUUID();
        notOwnedSecret = "not-owned-" + UUID.randomUUID();
        free = workflow(seller, "Free " + word, "0", "free-" + UUID.randomUUID());
        owned = workflow(seller, "Owned " + word, "19", ownedSecret);
        notOwned = workflow(seller, "Paid " + word, "29", notOwnedSecret);
        String email = Fixtures.uniqueEmail("n8n-buyer");
        buyerId = accounts.createVerified(email, Fixtures.PASSWORD, "Nina Eight");
        buyer = new WebSession(port).signIn(email, Fixtures.PASSWORD);
        Shopper.pay(buyer, Shopper.buy(buyer, owned), Shopper.GOOD_CARD);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from entitlement where buyer_id = ? and workflow_id = ?::uuid and revoked_at is null")
                .params(buyerId, owned).query(Long.class).single() == 1);
    }

    @Test
    void answersEveryRequestOfN8nsEditorInTheShapesItsClientReads() {
        N8nEditor n8n = new N8nEditor(port, address(buyer, "Laptop"));

        // settingsStore.testTemplatesEndpoint(): GET /health
        N8nEditor.Response health = n8n.get("/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asString()).isEqualTo("OK");

        // getCategories(): { categories: ITemplatesCategory[] }
        JsonNode categories = n8n.get("/templates/categories").json().path("categories");
        assertThat(categories.isArray()).isTrue();
        assertThat(categories.size()).isEqualTo(catalog.categories().size());
        for (JsonNode c : categories) {
            assertThat(c.propertyNames()).containsExactlyInAnyOrder("id", "name");
            assertThat(c.path("id").isIntegralNumber()).isTrue();
            assertThat(c.path("name").isString()).isTrue();
        }
        long categoryId = 0;
        for (JsonNode c : categories) {
            if (c.path("name").asString().equals(category.name().english())) {
                categoryId = c.path("id").asLong();
            }
        }
        assertThat(categoryId).isPositive();
        assertThat(n8n.get("/templates/categories").json().path("categories").toString()).as("ids are stable").isEqualTo(categories.toString());

        // getWorkflows(): page, limit, categories (names), search -> { totalWorkflows, workflows: ITemplatesWorkflow[], filters }
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("categories", List.of());
        query.put("search", word);
        query.put("page", 1);
        query.put("limit", 20);
        N8nEditor.Response search = n8n.get("/templates/search?" + N8nEditor.query(query));
        assertThat(search.status()).isEqualTo(200);
        JsonNode found = search.json();
        assertThat(found.propertyNames()).containsExactlyInAnyOrder("totalWorkflows", "workflows", "filters");
        assertThat(found.path("totalWorkflows").asInt()).isEqualTo(3);
        assertThat(found.path("filters").isArray()).isTrue();
        Map<String, Long> idsByName = new HashMap<>();
        for (JsonNode w : found.path("workflows")) {
            assertTemplateSummary(w);
            idsByName.put(w.path("name").asString(), w.path("id").asLong());
        }
        assertThat(idsByName).containsOnlyKeys("Free " + word, "Owned " + word, "Paid " + word);
        JsonNode first = found.path("workflows").get(0);
        assertThat(first.path("user").path("username").asString()).startsWith("Store ");
        JsonNode slack = null;
        for (JsonNode node : first.path("nodes")) {
            if (node.path("name").asString().equals("n8n-nodes-base.slack")) {
                slack = node;
            }
        }
        assertThat(slack).as("the node types a template uses").isNotNull();
        assertThat(slack.path("displayName").asString()).isEqualTo("Slack");
        assertThat(slack.path("typeVersion").asDouble()).isEqualTo(2.0);

        // paging: two pages of two, in the same order; the older clients' "rows" works too
        query.put("limit", 2);
        JsonNode page1 = n8n.get("/templates/search?" + N8nEditor.query(query)).json();
        query.put("page", 2);
        JsonNode page2 = n8n.get("/templates/search?" + N8nEditor.query(query)).json();
        assertThat(page1.path("workflows").size()).isEqualTo(2);
        assertThat(page2.path("workflows").size()).isEqualTo(1);
        assertThat(page1.path("totalWorkflows").asInt()).isEqualTo(3);
        Set<Long> paged = new java.util.HashSet<>();
        page1.path("workflows").forEach(w -> paged.add(w.path("id").asLong()));
        page2.path("workflows").forEach(w -> paged.add(w.path("id").asLong()));
        assertThat(paged).containsExactlyInAnyOrderElementsOf(idsByName.values());
        assertThat(n8n.get("/templates/search?page=1&rows=1&search=" + word).json().path("workflows").size()).isEqualTo(1);

        // a category by name, sent as categories[]=Name: the test's listings are in the first category
        query.put("page", 1);
        query.put("limit", 20);
        query.put("categories", List.of(category.name().english()));
        assertThat(n8n.get("/templates/search?" + N8nEditor.query(query)).json().path("totalWorkflows").asInt()).isEqualTo(3);
        String otherName = catalog.categories().get(1).name().english();
        query.put("categories", List.of(otherName));
        assertThat(n8n.get("/templates/search?" + N8nEditor.query(query)).json().path("totalWorkflows").asInt()).isZero();
        query.put("categories", List.of(otherName, category.name().english()));
        assertThat(n8n.get("/templates/search?" + N8nEditor.query(query)).json().path("totalWorkflows").asInt())
                .as("several categories: a template in any of them").isEqualTo(3);

        // getCollections(): category (ids), search -> { collections: ITemplatesCollection[] }: the buyer's library
        Map<String, Object> collectionQuery = new LinkedHashMap<>();
        collectionQuery.put("category", List.of(String.valueOf(categoryId)));
        collectionQuery.put("search", word);
        JsonNode collections = n8n.get("/templates/collections?" + N8nEditor.query(collectionQuery)).json().path("collections");
        assertThat(collections.size()).isEqualTo(1);
        JsonNode library = collections.get(0);
        assertThat(library.propertyNames()).containsExactlyInAnyOrder("id", "name", "nodes", "workflows");
        assertThat(library.path("id").isIntegralNumber()).isTrue();
        assertThat(library.path("workflows").size()).isEqualTo(1);
        assertThat(library.path("workflows").get(0).propertyNames()).containsExactly("id");
        assertThat(library.path("workflows").get(0).path("id").asLong()).isEqualTo(idsByName.get("Owned " + word));
        library.path("nodes").forEach(N8nTemplateHostIntegrationTests::assertTemplateNode);

        // getCollectionById(): { collection: ITemplatesCollectionResponse }
        JsonNode collection = n8n.get("/templates/collections/" + library.path("id").asLong()).json().path("collection");
        assertThat(collection.propertyNames()).containsExactlyInAnyOrder("id", "name", "nodes", "workflows", "description", "image",
                "categories", "createdAt");
        collection.path("workflows").forEach(N8nTemplateHostIntegrationTests::assertTemplateSummary);
        assertThat(collection.path("workflows").get(0).path("name").asString()).isEqualTo("Owned " + word);

        // getTemplateById(): { workflow: ITemplatesWorkflowResponse }
        JsonNode detail = n8n.get("/templates/workflows/" + idsByName.get("Owned " + word)).json().path("workflow");
        assertTemplateDetail(detail);
        assertThat(detail.path("workflowInfo").path("nodeCount").asInt()).isEqualTo(3);
        assertThat(detail.path("workflowInfo").path("nodeTypes").path("n8n-nodes-base.slack").path("count").asInt()).isEqualTo(1);
        assertThat(detail.path("categories").get(0).path("id").asLong()).isEqualTo(categoryId);
        assertThat(detail.path("workflow").toString()).contains(ownedSecret);

        // getWorkflowTemplate(): IWorkflowTemplate, what "Use workflow" imports
        N8nEditor.Response imported = n8n.get("/workflows/templates/" + idsByName.get("Owned " + word));
        assertThat(imported.status()).isEqualTo(200);
        JsonNode template = imported.json();
        assertThat(template.propertyNames()).containsExactlyInAnyOrder("id", "name", "workflow");
        assertThat(template.path("id").asLong()).isEqualTo(idsByName.get("Owned " + word));
        assertThat(template.path("workflow").path("nodes").size()).isEqualTo(3);
        assertThat(template.path("workflow").path("connections").has("When clicking")).isTrue();
        JsonNode node = template.path("workflow").path("nodes").get(1);
        for (String field : List.of("name", "type", "typeVersion", "position", "parameters")) {
            assertThat(node.has(field)).as(field).isTrue();
        }
        assertThat(node.path("parameters").path("text").asString()).isEqualTo(ownedSecret);
        assertThat(n8n.get("/workflows/templates/" + idsByName.get("Free " + word)).status()).as("free imports").isEqualTo(200);

        // a paid one not bought: the graph and description without the settings, and no file
        JsonNode preview = n8n.get("/templates/workflows/" + idsByName.get("Paid " + word)).json().path("workflow");
        assertTemplateDetail(preview);
        assertThat(preview.path("workflow").path("nodes").size()).isEqualTo(3);
        assertThat(preview.path("workflow").path("connections").has("When clicking")).isTrue();
        preview.path("workflow").path("nodes").forEach(n -> assertThat(n.path("parameters").isEmpty()).isTrue());
        assertThat(preview.toString()).doesNotContain(notOwnedSecret);
        assertThat(preview.path("description").asString()).contains("/workflows/");
        N8nEditor.Response refused = n8n.get("/workflows/templates/" + idsByName.get("Paid " + word));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().path("message").asString()).contains("Buy it at");
        assertThat(refused.body()).doesNotContain(notOwnedSecret);

        // unknown or malformed ids
        assertThat(n8n.get("/templates/workflows/999999999").status()).isEqualTo(404);
        assertThat(n8n.get("/workflows/templates/abc").status()).isEqualTo(404);
        assertThat(n8n.get("/templates/collections/77").status()).isEqualTo(404);
    }

    @Test
    void aBuyerWhoDoesNotOwnAPaidWorkflowNeverReceivesItsFileFromAnyEndpoint() {
        N8nEditor owner = new N8nEditor(port, address(buyer, "Owner"));
        Map<String, Long> ids = new HashMap<>();
        owner.get("/templates/search?page=1&limit=20&search=" + word).json().path("workflows")
                .forEach(w -> ids.put(w.path("name").asString(), w.path("id").asLong()));
        String email = Fixtures.uniqueEmail("n8n-stranger");
        accounts.createVerified(email, Fixtures.PASSWORD, "Stan Ger");
        N8nEditor stranger = new N8nEditor(port, address(new WebSession(port).signIn(email, Fixtures.PASSWORD), "Other"));

        List<N8nEditor.Response> answers = new ArrayList<>();
        answers.add(stranger.get("/health"));
        answers.add(stranger.get("/templates/categories"));
        answers.add(stranger.get("/templates/collections?search="));
        answers.add(stranger.get("/templates/collections/1"));
        answers.add(stranger.get("/templates/search?page=1&limit=20&search=" + word));
        answers.add(stranger.get("/templates/search?page=1&limit=20&search=" + ownedSecret));
        for (long id : ids.values()) {
            answers.add(stranger.get("/templates/workflows/" + id));
            answers.add(stranger.get("/workflows/templates/" + id));
        }
        for (N8nEditor.Response answer : answers) {
            assertThat(answer.body()).doesNotContain(ownedSecret).doesNotContain(notOwnedSecret);
        }
        assertThat(stranger.get("/templates/collections").json().path("collections").size()).as("the library is the buyer's own").isZero();
        assertThat(stranger.get("/workflows/templates/" + ids.get("Owned " + word)).status()).isEqualTo(403);
        assertThat(stranger.get("/workflows/templates/" + ids.get("Paid " + word)).status()).isEqualTo(403);
        assertThat(stranger.get("/workflows/templates/" + ids.get("Free " + word)).status()).isEqualTo(200);
        assertThat(owner.get("/workflows/templates/" + ids.get("Owned " + word)).body()).contains(ownedSecret);
    }

    @Test
    void aRevokedAddressAnswers401AtOnceAndOnlyItsHolderCanRevokeIt() {
        String base = address(buyer, "To revoke");
        N8nEditor n8n = new N8nEditor(port, base);
        assertThat(n8n.get("/templates/categories").status()).isEqualTo(200);
        String tokenId = jdbc.sql("select id::text from n8n_token where account_id = ? and name = 'To revoke'").param(buyerId)
                .query(String.class).single();

        String email = Fixtures.uniqueEmail("n8n-other");
        accounts.createVerified(email, Fixtures.PASSWORD, "Otto");
        WebSession other = new WebSession(port).signIn(email, Fixtures.PASSWORD);
        other.get("/settings/n8n");
        other.post("/settings/n8n/tokens/" + tokenId + "/revoke", Map.of()).assertStatus(404);
        assertThat(n8n.get("/templates/categories").status()).isEqualTo(200);

        buyer.get("/settings/n8n");
        assertThat(buyer.post("/settings/n8n/tokens/" + tokenId + "/revoke", Map.of()).assertStatus(302).location()).isEqualTo("/settings/n8n");
        assertThat(buyer.get("/settings/n8n").body()).doesNotContain("To revoke");
        for (String endpoint : List.of("/health", "/templates/categories", "/templates/collections", "/templates/collections/1",
                "/templates/search?page=1&limit=20", "/templates/workflows/1", "/workflows/templates/1")) {
            N8nEditor.Response answer = n8n.get(endpoint);
            assertThat(answer.status()).as(endpoint).isEqualTo(401);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            assertThat(answer.json().path("message").asString()).contains("Settings");
            assertThat(answer.header("Access-Control-Allow-Origin")).as("n8n can read why").isEqualTo(N8nEditor.ORIGIN);
        }
        assertThat(new N8nEditor(port, "/n8n/not-a-token-at-all-but-long-enough").get("/health").status()).isEqualTo(401);
    }

    @Test
    void theEditorOnItsOwnOriginMayCallWithoutCookies() {
        N8nEditor n8n = new N8nEditor(port, address(buyer, "Cors"));
        N8nEditor.Response preflight = n8n.preflight("/templates/search?page=1&limit=20");
        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(N8nEditor.ORIGIN);
        assertThat(preflight.header("Access-Control-Allow-Headers").toLowerCase()).contains("n8n-version");
        assertThat(preflight.header("Access-Control-Allow-Methods")).contains("GET");
        assertThat(preflight.header("Access-Control-Allow-Credentials")).isNull();
        N8nEditor.Response get = n8n.get("/templates/categories");
        assertThat(get.header("Access-Control-Allow-Origin")).isEqualTo(N8nEditor.ORIGIN);
        assertThat(get.header("Set-Cookie")).as("no session for n8n").isNull();
    }

    @Test
    void theAddressIsShownOnceAndTheDataExportListsAddressesWithoutSecrets() throws java.io.IOException {
        String page = buyer.post("/settings/n8n/tokens", Map.of("name", "Shown once")).assertStatus(200).body();
        Matcher matcher = ADDRESS.matcher(page);
        assertThat(matcher.find()).isTrue();
        String secret = matcher.group(1).substring("/n8n/".length());
        assertThat(page).contains("N8N_TEMPLATES_HOST=");
        assertThat(buyer.get("/settings/n8n").body()).contains("Shown once").doesNotContain(secret);
        assertThat(jdbc.sql("select count(*) from n8n_token where token_hash = ? or hint = ?").params(secret, secret)
                .query(Long.class).single()).as("only a hash is kept").isZero();
        assertThat(buyer.post("/settings/n8n/tokens", Map.of("name", "x".repeat(61))).assertStatus(200).body())
                .contains("Keep the name to 60 characters.");

        PersonalData part = personalData.stream().filter(p -> p.part().equals("n8n")).findFirst().orElseThrow();
        PersonalData.Subject subject = new PersonalData.Subject(new AccountId(buyerId), "x@example.test", "Nina");
        List<Map<String, ?>> rows = new ArrayList<>();
        part.export(subject, new PersonalData.Sink() {
            @Override
            public void table(String name, String description, List<? extends Map<String, ?>> table) {
                rows.addAll(table);
            }

            @Override
            public void file(String path, String description, java.io.InputStream content) {
            }
        });
        assertThat(rows).anySatisfy(row -> assertThat(row.get("name")).isEqualTo("Shown once"));
        assertThat(rows.toString()).doesNotContain(secret);
        part.erase(subject);
        assertThat(new N8nEditor(port, "/n8n/" + secret).get("/health").status()).isEqualTo(401);
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /** Creates an address in Settings → n8n; returns its path, {@code /n8n/<token>}. */
    private static String address(WebSession person, String name) {
        person.get("/settings/n8n").assertStatus(200);
        String page = person.post("/settings/n8n/tokens", Map.of("name", name)).assertStatus(200).body();
        Matcher matcher = ADDRESS.matcher(page);
        assertThat(matcher.find()).as("the new address is shown").isTrue();
        return matcher.group(1);
    }

    private String workflow(WebSession seller, String title, String price, String secretParameter) {
        Map<String, String> form = new HashMap<>(Map.of("title", title, "summary", "A workflow made by a test.", "description",
                "Does " + word + " things.", "platform", "n8n", "price", price, "currency", "USD", "category", category.id().toString(),
                "tags", ""));
        byte[] file = new String(Fixtures.n8nWorkflow(title), StandardCharsets.UTF_8).replace("\"text\": \"hi\"", "\"text\": \"" + secretParameter + "\"")
                .getBytes(StandardCharsets.UTF_8);
        String id = seller.postMultipart("/seller/workflows/new", form, "file", "w.json", file).assertStatus(302).location().split("/")[3];
        seller.post("/seller/workflows/" + id + "/publish", Map.of()).assertStatus(302);
        return id;
    }

    private static void assertTemplateNode(JsonNode node) {
        assertThat(node.path("id").isIntegralNumber()).isTrue();
        assertThat(node.path("name").isString()).isTrue();
        assertThat(node.path("displayName").isString()).isTrue();
        assertThat(node.path("icon").isString()).isTrue();
        assertThat(node.path("iconData").path("type").isString()).isTrue();
        assertThat(node.path("defaults").isObject()).isTrue();
    }

    private static void assertTemplateSummary(JsonNode w) {
        assertThat(w.propertyNames()).contains("id", "createdAt", "name", "nodes", "totalViews", "user");
        assertThat(w.path("id").isIntegralNumber()).isTrue();
        assertThat(java.time.Instant.parse(w.path("createdAt").asString())).isNotNull();
        assertThat(w.path("name").isString()).isTrue();
        assertThat(w.path("totalViews").isIntegralNumber()).isTrue();
        assertThat(w.path("user").path("username").isString()).isTrue();
        assertThat(w.path("nodes").isArray()).isTrue();
        w.path("nodes").forEach(N8nTemplateHostIntegrationTests::assertTemplateNode);
    }

    private static void assertTemplateDetail(JsonNode w) {
        assertTemplateSummary(w);
        assertThat(w.propertyNames()).contains("description", "image", "categories", "workflowInfo", "workflow");
        assertThat(w.path("description").isString()).isTrue();
        assertThat(w.path("image").isArray()).isTrue();
        assertThat(w.path("categories").isArray()).isTrue();
        w.path("categories").forEach(c -> assertThat(c.propertyNames()).containsExactlyInAnyOrder("id", "name"));
        assertThat(w.path("workflowInfo").path("nodeCount").isIntegralNumber()).isTrue();
        assertThat(w.path("workflowInfo").path("nodeTypes").isObject()).isTrue();
        assertThat(w.path("workflow").path("nodes").isArray()).isTrue();
        assertThat(w.path("workflow").path("connections").isObject()).isTrue();
    }
}
