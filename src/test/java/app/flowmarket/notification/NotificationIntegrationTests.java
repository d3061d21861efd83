package app.flowmarket.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import app.flowmarket.IntegrationTest;
import app.flowmarket.account.AccountManagement;
import app.flowmarket.catalog.SellerFixture;
import app.flowmarket.social.StoreFollowed;
import app.flowmarket.support.Fixtures;
import app.flowmarket.support.Mailbox;
import app.flowmarket.support.Shopper;
import app.flowmarket.support.WebSession;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class NotificationIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    AccountManagement accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    record Seller(WebSession session, UUID id, String email, String storeSlug, UUID storeId) {
    }

    Seller seller() {
        WebSession session = SellerFixture.newSeller(port);
        String settings = session.get("/settings").body();
        String email = settings.replaceAll("(?s).*Signed in as ([^<\\s]+).*", "$1");
        UUID id = accounts.loadUserByUsername(email).id();
        var store = jdbc.sql("select id, slug from store where owner_id = ?").param(id)
                .query((rs, n) -> new Object[] {rs.getObject("id", UUID.class), rs.getString("slug")}).single();
        return new Seller(session, id, email, (String) store[1], (UUID) store[0]);
    }

    WebSession buyer(String email) {
        accounts.createVerified(email, Fixtures.PASSWORD, "Nora Notified");
        return new WebSession(port).signIn(email, Fixtures.PASSWORD);
    }

    void getFree(WebSession buyer, String workflowId) {
        Shopper.getFree(buyer, workflowId);
    }

    long notifications(UUID recipient, String type) {
        return jdbc.sql("select coalesce(sum(count), 0) from notification where recipient_id = ? and type = ?").params(recipient, type)
                .query(Long.class).single();
    }

    @Test
    void aSaleNotifiesTheSellerInTheAppAndByMailAndBurstsAreGrouped() throws Exception {
        Seller seller = seller();
        String title = "Notified sale " + Fixtures.uniqueSlug("s");
        String workflowId = SellerFixture.publishedWorkflow(seller.session(), title, "n8n", "0");

        getFree(buyer(Fixtures.uniqueEmail("b1")), workflowId);
        getFree(buyer(Fixtures.uniqueEmail("b2")), workflowId);

        await().atMost(Duration.ofSeconds(20)).until(() -> notifications(seller.id(), "NEW_SALE") == 2);
        assertThat(jdbc.sql("select count(*) from notification where recipient_id = ? and type = 'NEW_SALE'").param(seller.id())
                .query(Long.class).single()).as("one grouped row").isEqualTo(1);
        String page = seller.session().get("/notifications").body();
        assertThat(page).contains("2 new sales of \"" + title + "\" today");

        MimeMessage mail = Mailbox.awaitMail(seller.email(), "You made a sale: " + title);
        assertThat(mail.getHeader("List-Unsubscribe")[0]).contains("/notifications/unsubscribe?token=");
        assertThat(mail.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
    }

    @Test
    void followersHearOfNewWorkflowsAndTheSellerOfNewFollowers() {
        Seller seller = seller();
        String email = Fixtures.uniqueEmail("fan");
        WebSession fan = buyer(email);
        UUID fanId = accounts.loadUserByUsername(email).id();

        assertThat(fan.get("/stores/" + seller.storeSlug() + "/follow").body()).contains("No followers").contains("Follow");
        fan.post("/stores/" + seller.storeSlug() + "/follow", Map.of()).assertStatus(302);
        fan.post("/stores/" + seller.storeSlug() + "/follow", Map.of()).assertStatus(302);
        assertThat(fan.get("/stores/" + seller.storeSlug() + "/follow").body()).contains("1 follower").contains("Unfollow");
        assertThat(fan.get("/following").body()).contains(seller.storeSlug().substring(0, 5));

        await().atMost(Duration.ofSeconds(20)).until(() -> notifications(seller.id(), "NEW_FOLLOWER") == 1);
        Mailbox.awaitMail(seller.email(), "New follower");

        String title = "Fresh from the store " + Fixtures.uniqueSlug("n");
        SellerFixture.publishedWorkflow(seller.session(), title, "n8n", "3");
        await().atMost(Duration.ofSeconds(20)).until(() -> notifications(fanId, "NEW_WORKFLOW_FROM_FOLLOWED_STORE") == 1);
        assertThat(fan.get("/notifications").body()).contains("New workflow: " + title);
        assertThat(seller.session().post("/stores/" + seller.storeSlug() + "/follow", Map.of()).location())
                .isEqualTo("/stores/" + seller.storeSlug());
        assertThat(jdbc.sql("select count(*) from store_follow where follower_id = ?").param(seller.id()).query(Long.class).single())
                .as("no following one's own store").isZero();
    }

    @Test
    void buyersAreToldOfNewVersionsAndSellersOfNewReviews() {
        Seller seller = seller();
        String title = "Versioned notice " + Fixtures.uniqueSlug("v");
        String workflowId = SellerFixture.publishedWorkflow(seller.session(), title, "n8n", "0");
        String email = Fixtures.uniqueEmail("owner");
        WebSession owner = buyer(email);
        UUID ownerId = accounts.loadUserByUsername(email).id();
        getFree(owner, workflowId);

        seller.session().postMultipart("/seller/workflows/" + workflowId + "/versions", Map.of("changelog", "Now with retries"),
                "file", "w.json", Fixtures.n8nWorkflow(title)).assertStatus(302);
        await().atMost(Duration.ofSeconds(20)).until(() -> notifications(ownerId, "WORKFLOW_UPDATED") == 1);
        assertThat(Mailbox.body(Mailbox.awaitMail(email, title + " has a new version (v2)"))).contains("Now with retries");

        String slug = jdbc.sql("select slug from workflow where id = ?::uuid").param(workflowId).query(String.class).single();
        owner.get("/workflows/" + slug + "/reviews");
        owner.post("/workflows/" + slug + "/reviews", Map.of("rating", "5", "body", "Great")).assertStatus(302);
        await().atMost(Duration.ofSeconds(20)).until(() -> notifications(seller.id(), "NEW_REVIEW") == 1);
    }

    @Test
    void preferencesAreObeyedPerChannelAndTheOneClickLinkSwitchesMailOff() throws Exception {
        Seller seller = seller();
        seller.session().get("/settings/notifications");
        // keep everything but: no sale e-mails, and no in-app follower notices
        seller.session().postMultipartless("/settings/notifications",
                "NEW_SALE:IN_APP=on&NEW_FOLLOWER:EMAIL=on&NEW_REVIEW:IN_APP=on&NEW_REVIEW:EMAIL=on").assertStatus(302);
        String workflowId = SellerFixture.publishedWorkflow(seller.session(), "Quiet " + Fixtures.uniqueSlug("q"), "n8n", "0");

        getFree(buyer(Fixtures.uniqueEmail("q1")), workflowId);
        buyer(Fixtures.uniqueEmail("q2")).post("/stores/" + seller.storeSlug() + "/follow", Map.of()).assertStatus(302);

        await().atMost(Duration.ofSeconds(20)).until(() -> notifications(seller.id(), "NEW_SALE") == 1);
        MimeMessage followerMail = Mailbox.awaitMail(seller.email(), "New follower");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> true);
        assertThat(notifications(seller.id(), "NEW_FOLLOWER")).as("in-app switched off").isZero();
        assertThat(Mailbox.to(seller.email())).as("sale e-mail switched off").noneMatch(m -> subject(m).contains("You made a sale"));

        String unsubscribe = followerMail.getHeader("List-Unsubscribe")[0].replaceAll("^<https?://[^/]+|>$", "");
        String token = unsubscribe.substring(unsubscribe.indexOf("token=") + 6);
        assertThat(new WebSession(port).postWithoutCsrf("/notifications/unsubscribe", Map.of("token", token)).body())
                .contains("you will not receive these e-mails any more");
        assertThat(seller.session().get("/settings/notifications").body())
                .doesNotContain("name=\"NEW_FOLLOWER:EMAIL\" aria-label=\"A new follower of your store: By e-mail\" checked");
        assertThat(jdbc.sql("select enabled from notification_preference where account_id = ? and type = 'NEW_FOLLOWER' and channel = 'EMAIL'")
                .param(seller.id()).query(Boolean.class).single()).isFalse();
        assertThat(new WebSession(port).postWithoutCsrf("/notifications/unsubscribe", Map.of("token", token.substring(0, token.length() - 1) + (token.endsWith("0") ? "1" : "0"))).body())
                .contains("unknown or already used");
    }

    @Test
    void aRedeliveredEventCreatesNothingTwice() {
        Seller seller = seller();
        String email = Fixtures.uniqueEmail("twice");
        buyer(email);
        UUID followerId = accounts.loadUserByUsername(email).id();
        jdbc.sql("insert into store_follow (store_id, follower_id, created_at) values (?, ?, now())").params(seller.storeId(), followerId).update();

        for (int i = 0; i < 3; i++) {
            tx.executeWithoutResult(status -> events.publishEvent(new StoreFollowed(seller.storeId(), followerId)));
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> notifications(seller.id(), "NEW_FOLLOWER") >= 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> true);
        assertThat(notifications(seller.id(), "NEW_FOLLOWER")).isEqualTo(1);
        assertThat(Mailbox.to(seller.email()).stream().filter(m -> subject(m).contains("New follower")).count()).isEqualTo(1);
    }

    @Test
    void readStateIsPerPersonAndMarkAllReadClearsTheBell() {
        Seller seller = seller();
        String workflowId = SellerFixture.publishedWorkflow(seller.session(), "Read me " + Fixtures.uniqueSlug("r"), "n8n", "0");
        getFree(buyer(Fixtures.uniqueEmail("reader")), workflowId);
        await().atMost(Duration.ofSeconds(20)).until(() -> notifications(seller.id(), "NEW_SALE") == 1);
        UUID notificationId = jdbc.sql("select id from notification where recipient_id = ?").param(seller.id()).query(UUID.class).single();

        WebSession stranger = buyer(Fixtures.uniqueEmail("stranger"));
        stranger.get("/notifications");
        stranger.post("/notifications/" + notificationId + "/read", Map.of("next", "/")).assertStatus(302);
        assertThat(unread(seller.id())).as("someone else's click changes nothing").isEqualTo(1);

        seller.session().get("/notifications");
        seller.session().post("/notifications/read-all", Map.of()).assertStatus(302);
        assertThat(unread(seller.id())).isZero();
        assertThat(new WebSession(port).get("/notifications").status()).isEqualTo(302);
    }

    long unread(UUID id) {
        return jdbc.sql("select count(*) from notification where recipient_id = ? and read_at is null").param(id).query(Long.class).single();
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            return "";
        }
    }
}
