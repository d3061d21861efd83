package app.flowmarket.licensing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import app.flowmarket.IntegrationTest;
import app.flowmarket.account.AccountManagement;
import app.flowmarket.catalog.CatalogManagement;
import app.flowmarket.catalog.SellerFixture;
import app.flowmarket.security.SigningKeys;
import app.flowmarket.shared.AccountId;
import app.flowmarket.shared.WorkflowId;
import app.flowmarket.storage.BlobStore;
import app.flowmarket.support.Fixtures;
import app.flowmarket.support.Shopper;
import app.flowmarket.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class ImportLinkIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    AccountManagement accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SigningKeys keys;

    @Autowired
    Licensing licensing;

    @Autowired
    CatalogManagement catalog;

    @Autowired
    BlobStore blobs;

    record Bought(WebSession buyer, UUID buyerId, String workflowId, String title) {
    }

    Bought bought() {
        WebSession seller = SellerFixture.newSeller(port);
        String title = "Importable " + Fixtures.uniqueSlug("i");
        String workflowId = SellerFixture.publishedWorkflow(seller, title, "n8n", "0");
        String email = Fixtures.uniqueEmail("importer");
        accounts.createVerified(email, Fixtures.PASSWORD, "Ida Importer");
        WebSession buyer = new WebSession(port).signIn(email, Fixtures.PASSWORD);
        Shopper.getFree(buyer, workflowId);
        return new Bought(buyer, accounts.loadUserByUsername(email).id(), workflowId, title);
    }

    String linkPath(WebSession buyer, String workflowId) {
        String body = buyer.getWithHeaders("/library/" + workflowId + "/import-link", Map.of("Accept", "application/json"))
                .assertStatus(200).body();
        String url = body.replaceAll("(?s).*\"url\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        return url.substring(url.indexOf("/import/"));
    }

    @Test
    void theOwnerCopiesALinkThatAnyOriginCanFetchWithoutASession() {
        Bought bought = bought();
        String library = bought.buyer().get("/library").assertStatus(200).body();
        assertThat(library).contains("Copy import URL").contains("Copy JSON")
                .contains("/library/" + bought.workflowId() + "/import-link");
        assertThat(bought.buyer().get("/library/" + bought.workflowId() + "/import-link").assertStatus(200).body())
                .contains("/import/" + bought.workflowId() + "/" + bought.buyerId() + "/").contains("15 minutes");

        String path = linkPath(bought.buyer(), bought.workflowId());
        WebSession.Page file = new WebSession(port).getWithHeaders(path, Map.of("Origin", "https://n8n.example.org")).assertStatus(200);
        assertThat(file.body()).contains("\"name\": \"" + bought.title() + "\"").contains("n8n-nodes-base.slack");
        assertThat(file.headers().firstValue("Access-Control-Allow-Origin")).isPresent();
        assertThat(file.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    }

    @Test
    void aChangedLinkOrSomeoneElsesWorkflowOpensNothing() {
        Bought bought = bought();
        String path = linkPath(bought.buyer(), bought.workflowId());
        String signature = path.substring(path.lastIndexOf('/') + 1);
        String flipped = (signature.charAt(0) == 'A' ? "B" : "A") + signature.substring(1);
        WebSession stranger = new WebSession(port);
        WebSession.Page tampered = stranger.get(path.substring(0, path.lastIndexOf('/') + 1) + flipped).assertStatus(404);
        assertThat(tampered.body()).contains("not one we made");
        assertThat(tampered.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");

        Bought other = bought();
        String otherBuyer = path.replace(bought.buyerId().toString(), other.buyerId().toString());
        stranger.get(otherBuyer).assertStatus(404);
        String otherWorkflow = path.replace(bought.workflowId(), other.workflowId());
        stranger.get(otherWorkflow).assertStatus(404);
        String later = path.replaceAll("/(\\d+)/", "/" + (Instant.now().getEpochSecond() + 86_400) + "/");
        stranger.get(later).assertStatus(404);

        // a buyer who does not own a workflow gets no link for it
        bought.buyer().getWithHeaders("/library/" + other.workflowId() + "/import-link", Map.of("Accept", "application/json"))
                .assertStatus(404);
        new WebSession(port).get("/import/not-a-uuid/x/y/z").assertStatus(404);
    }

    @Test
    void aLinkEndsAfterFifteenMinutes() {
        Bought bought = bought();
        Instant sixteenMinutesAgo = Instant.now().minusSeconds(16 * 60);
        ImportLinks then = new ImportLinks(keys, licensing, catalog, blobs, Clock.fixed(sixteenMinutesAgo, ZoneOffset.UTC));
        String expired = then.create(AccountId.of(bought.buyerId()), WorkflowId.of(UUID.fromString(bought.workflowId())));
        WebSession.Page page = new WebSession(port).get(expired).assertStatus(410);
        assertThat(page.body()).contains("has expired");

        Instant fourteenMinutesAgo = Instant.now().minusSeconds(14 * 60);
        String fresh = new ImportLinks(keys, licensing, catalog, blobs, Clock.fixed(fourteenMinutesAgo, ZoneOffset.UTC))
                .create(AccountId.of(bought.buyerId()), WorkflowId.of(UUID.fromString(bought.workflowId())));
        new WebSession(port).get(fresh).assertStatus(200);
    }

    @Test
    void aRefundEndsTheLinksOfThePurchase() {
        Bought bought = bought();
        String path = linkPath(bought.buyer(), bought.workflowId());
        new WebSession(port).get(path).assertStatus(200);

        jdbc.sql("update entitlement set revoked_at = now() where buyer_id = ? and workflow_id = ?::uuid")
                .params(bought.buyerId(), bought.workflowId()).update();

        WebSession.Page refused = new WebSession(port).get(path).assertStatus(403);
        assertThat(refused.body()).contains("no longer active");
        bought.buyer().getWithHeaders("/library/" + bought.workflowId() + "/import-link", Map.of("Accept", "application/json"))
                .assertStatus(404);
    }
}
