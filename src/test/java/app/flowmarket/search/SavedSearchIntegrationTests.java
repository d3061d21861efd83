package app.flowmarket.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import app.flowmarket.IntegrationTest;
import app.flowmarket.catalog.SellerFixture;
import app.flowmarket.support.Fixtures;
import app.flowmarket.support.Mailbox;
import app.flowmarket.support.WebSession;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class SavedSearchIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SavedSearchAlerts alerts;

    private WebSession buyer(String email) {
        WebSession browser = new WebSession(port);
        browser.post("/signup", Map.of("displayName", "Searcher", "email", email, "password", Fixtures.PASSWORD)).assertStatus(200);
        browser.get(Mailbox.link(Mailbox.awaitMail(email, "Confirm"), "/verify-email")).assertStatus(200);
        return browser.signIn(email, Fixtures.PASSWORD);
    }

    private UUID savedSearchId(String email, String name) {
        return jdbc.sql("select s.id from saved_search s join account a on a.id = s.account_id where a.email = ? and s.name = ?")
                .params(email, name).query(UUID.class).single();
    }

    private long mailsTo(String email, String subjectPart) {
        return jdbc.sql("select count(*) from mail_outbox where recipient = ? and subject like ?")
                .params(email, "%" + subjectPart + "%").query(Long.class).single();
    }

    @Test
    void anInstantAlertArrivesOnceWhateverHappensAfterwards() throws Exception {
        String m = Fixtures.uniqueWord();
        String email = Fixtures.uniqueEmail("alerts");
        WebSession buyer = buyer(email);
        buyer.post("/saved-searches", Map.of("name", "Slack " + m, "q", "slak " + m, "filters", "platform=n8n", "frequency", "instant"))
                .assertStatus(302);
        assertThat(buyer.get("/saved-searches").body()).contains("Slack " + m).contains("slak " + m);

        WebSession seller = SellerFixture.newSeller(port);
        String id = SellerFixture.publishedWorkflow(seller, Map.of("title", "Route tickets " + m));
        MimeMessage mail = Mailbox.awaitMail(email, "Slack " + m);
        assertThat(Mailbox.body(mail)).contains("Route tickets " + m).contains("/workflows/route-tickets-" + m)
                .contains("/saved-searches/unsubscribe?token=");
        assertThat(mail.getHeader("List-Unsubscribe")[0]).contains("/saved-searches/unsubscribe?token=");

        // a new version, and the same event handled again (a retry, another node), find the match already made
        seller.postMultipart("/seller/workflows/" + id + "/versions", Map.of("changelog", "Faster"),
                "file", "w.json", Fixtures.n8nWorkflow("Route tickets " + m)).assertStatus(302);
        assertThat(alerts.match(UUID.fromString(id), "published")).isZero();
        // a second matching listing gets its own alert; by then the first one's duplicate would have been sent
        SellerFixture.publishedWorkflow(seller, Map.of("title", "Escalate tickets " + m));
        await().atMost(Duration.ofSeconds(15)).until(() -> Mailbox.to(email).stream().filter(msg -> Mailbox.body(msg).contains("Escalate tickets " + m)).count() == 1);

        assertThat(Mailbox.to(email).stream().filter(msg -> Mailbox.body(msg).contains("Route tickets " + m)).count()).isEqualTo(1);
        assertThat(mailsTo(email, "Slack " + m)).isEqualTo(2);
    }

    @Test
    void searchesThatDoNotMatchStaySilent() {
        String m = Fixtures.uniqueWord();
        String email = Fixtures.uniqueEmail("alerts");
        WebSession buyer = buyer(email);
        buyer.post("/saved-searches", Map.of("name", "Make " + m, "q", m, "filters", "platform=make", "frequency", "instant")).assertStatus(302);
        buyer.post("/saved-searches", Map.of("name", "Cheap " + m, "q", m, "filters", "price=free", "frequency", "instant")).assertStatus(302);
        buyer.post("/saved-searches", Map.of("name", "Other " + m, "q", m + " invoices", "filters", "", "frequency", "instant")).assertStatus(302);

        WebSession seller = SellerFixture.newSeller(port);
        String id = SellerFixture.publishedWorkflow(seller, Map.of("title", "Paid n8n " + m, "price", "12"));

        assertThat(alerts.match(UUID.fromString(id), "published")).isZero();
        assertThat(jdbc.sql("select count(*) from saved_search_match where workflow_id = ?::uuid").param(id).query(Long.class).single()).isZero();
    }

    @Test
    void theLinkInTheMailStopsThatSearchsAlertsOnly() throws Exception {
        String m = Fixtures.uniqueWord();
        String email = Fixtures.uniqueEmail("alerts");
        WebSession buyer = buyer(email);
        buyer.post("/saved-searches", Map.of("name", "First " + m, "q", m, "filters", "", "frequency", "instant")).assertStatus(302);
        buyer.post("/saved-searches", Map.of("name", "Second " + m, "q", m, "filters", "", "frequency", "instant")).assertStatus(302);
        WebSession seller = SellerFixture.newSeller(port);
        SellerFixture.publishedWorkflow(seller, Map.of("title", "One " + m));
        String link = Mailbox.link(Mailbox.awaitMail(email, "First " + m), "/saved-searches/unsubscribe");
        Mailbox.awaitMail(email, "Second " + m);

        WebSession anyone = new WebSession(port);
        assertThat(anyone.get(link).body()).contains("Stop these alerts");
        String token = link.substring(link.indexOf("token=") + 6);
        assertThat(anyone.post("/saved-searches/unsubscribe", Map.of("token", token)).body()).contains("no more alerts for").contains("First " + m);
        assertThat(anyone.postWithoutCsrf("/saved-searches/unsubscribe?token=nonsense", Map.of()).body()).contains("This link is unknown");

        String second = SellerFixture.publishedWorkflow(seller, Map.of("title", "Two " + m));
        await().atMost(Duration.ofSeconds(15)).until(() -> mailsTo(email, "Second " + m) == 2);
        assertThat(jdbc.sql("select count(*) from saved_search_match where saved_search_id = ? and workflow_id = ?::uuid")
                .params(savedSearchId(email, "First " + m), second).query(Long.class).single()).isZero();
        assertThat(buyer.get("/saved-searches").body()).contains("Alerts paused");
    }

    @Test
    void aDailySearchGetsOneDigestOfItsNewMatches() {
        String m = Fixtures.uniqueWord();
        String email = Fixtures.uniqueEmail("digest");
        WebSession buyer = buyer(email);
        buyer.post("/saved-searches", Map.of("name", "Daily " + m, "q", m, "filters", "", "frequency", "daily")).assertStatus(302);
        WebSession seller = SellerFixture.newSeller(port);
        String a = SellerFixture.publishedWorkflow(seller, Map.of("title", "Alpha " + m));
        String b = SellerFixture.publishedWorkflow(seller, Map.of("title", "Beta " + m));
        UUID search = savedSearchId(email, "Daily " + m);
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql("select count(*) from saved_search_match where saved_search_id = ?")
                .param(search).query(Long.class).single() == 2);

        assertThat(alerts.sendDueDigests(Instant.now())).as("not a day yet").isZero();
        Instant tomorrow = Instant.now().plus(Duration.ofHours(25));
        assertThat(alerts.sendDueDigests(tomorrow)).isGreaterThanOrEqualTo(1);
        assertThat(alerts.sendDueDigests(tomorrow)).as("claimed once").isZero();

        MimeMessage digest = Mailbox.awaitMail(email, "2 new workflows for \"Daily " + m + "\"");
        assertThat(Mailbox.body(digest)).contains("Alpha " + m).contains("Beta " + m).contains("/saved-searches/unsubscribe?token=");
        assertThat(mailsTo(email, "Daily " + m)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from saved_search_match where saved_search_id = ? and mailed_at is null").param(search)
                .query(Long.class).single()).isZero();
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void nobodyReadsOrChangesAnotherPersonsSavedSearches() {
        String m = Fixtures.uniqueWord();
        String aliceEmail = Fixtures.uniqueEmail("alice");
        WebSession alice = buyer(aliceEmail);
        alice.post("/saved-searches", Map.of("name", "Alice " + m, "q", m, "filters", "", "frequency", "weekly")).assertStatus(302);
        UUID id = savedSearchId(aliceEmail, "Alice " + m);
        WebSession bob = buyer(Fixtures.uniqueEmail("bob"));

        assertThat(bob.get("/saved-searches").body()).doesNotContain("Alice " + m);
        assertThat(bob.post("/saved-searches/" + id + "/delete", Map.of()).status()).isEqualTo(404);
        assertThat(bob.post("/saved-searches/" + id + "/active", Map.of("active", "false")).status()).isEqualTo(404);
        assertThat(bob.post("/saved-searches/" + id + "/frequency", Map.of("frequency", "instant")).status()).isEqualTo(404);
        assertThat(new WebSession(port).get("/saved-searches").status()).isEqualTo(302);
        assertThat(alice.get("/saved-searches").body()).contains("Alice " + m);

        alice.post("/saved-searches/" + id + "/delete", Map.of()).assertStatus(302);
        assertThat(alice.get("/saved-searches").body()).doesNotContain("Alice " + m);
        assertThat(alice.post("/saved-searches", Map.of("name", " ", "q", m, "filters", "", "frequency", "weekly")).assertStatus(302).location())
                .isEqualTo("/saved-searches");
        assertThat(alice.get("/saved-searches").body()).contains("Give the saved search a name");
        assertThat(alice.post("/saved-searches", Map.of("name", "x", "q", m, "filters", "", "frequency", "hourly")).status()).isEqualTo(302);
    }
}
