package app.flowmarket.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;

import app.flowmarket.FlowmarketApplication;
import app.flowmarket.IntegrationTest;
import app.flowmarket.account.AccountManagement;
import app.flowmarket.catalog.SellerFixture;
import app.flowmarket.mail.Mail;
import app.flowmarket.mail.Recipient;
import app.flowmarket.mail.Mailer;
import app.flowmarket.support.Fixtures;
import app.flowmarket.support.Mailbox;
import app.flowmarket.support.Shopper;
import app.flowmarket.support.WebSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Two app nodes on one machine against the same PostgreSQL, Redis and SMTP server: sessions,
 * live notifications and rate limits are shared, and background mail is sent once.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesIntegrationTests {

    @LocalServerPort
    int nodeA;

    @Autowired
    Environment env;

    @Autowired
    AccountManagement accounts;

    @Autowired
    Mailer mailer;

    ConfigurableApplicationContext second;
    int nodeB;

    @BeforeAll
    void startSecondNode() {
        second = new SpringApplicationBuilder(FlowmarketApplication.class)
                .profiles("test")
                .properties(
                        "server.port=0",
                        "flowmarket.embedded.enabled=false",
                        "spring.datasource.url=" + env.getProperty("spring.datasource.url"),
                        "spring.datasource.username=" + env.getProperty("spring.datasource.username"),
                        "spring.datasource.password=",
                        "spring.data.redis.host=" + env.getProperty("spring.data.redis.host"),
                        "spring.data.redis.port=" + env.getProperty("spring.data.redis.port"),
                        "spring.mail.host=" + env.getProperty("spring.mail.host"),
                        "spring.mail.port=" + env.getProperty("spring.mail.port"),
                        "flowmarket.data-dir=" + env.getProperty("flowmarket.data-dir"))
                .run();
        nodeB = Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    void stopSecondNode() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void aSessionStartedOnOneNodeIsValidOnTheOther() {
        String email = Fixtures.uniqueEmail("roamer");
        accounts.createVerified(email, Fixtures.PASSWORD, "Roamer");
        WebSession onA = new WebSession(nodeA).signIn(email, Fixtures.PASSWORD);

        WebSession onB = new WebSession(nodeB).withSessionCookie(onA.sessionCookie());

        assertThat(onB.get("/settings").assertStatus(200).body()).contains(email);
    }

    @Test
    void theBellOnOneNodeHearsOfASaleMadeOnTheOther() throws Exception {
        WebSession seller = SellerFixture.newSeller(nodeA);
        String workflowId = SellerFixture.publishedWorkflow(seller, "Cross-node " + Fixtures.uniqueSlug("x"), "n8n", "0");
        LinkedBlockingQueue<String> events = new LinkedBlockingQueue<>();
        HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + nodeB + "/notifications/stream"))
                        .header("Cookie", "SESSION=" + seller.sessionCookie()).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> response.body().forEach(events::add));
        await().atMost(Duration.ofSeconds(10)).until(() -> events.stream().anyMatch(line -> line.contains("bell-count")));

        String email = Fixtures.uniqueEmail("buyer-a");
        accounts.createVerified(email, Fixtures.PASSWORD, "Buyer on A");
        WebSession buyer = new WebSession(nodeA).signIn(email, Fixtures.PASSWORD);
        Shopper.buy(buyer, workflowId);

        await().atMost(Duration.ofSeconds(20)).until(() -> events.stream().anyMatch(line -> line.contains("<span class=\"bell-count\">1</span>")));
    }

    @Test
    void queuedMailIsSentExactlyOnceWithBothNodesDispatching() {
        String batch = UUID.randomUUID().toString().substring(0, 8);
        List<String> recipients = java.util.stream.IntStream.range(0, 30).mapToObj(i -> "once-" + batch + "-" + i + "@example.test").toList();
        recipients.forEach(r -> mailer.send(Mail.to(new Recipient(r, "Hi", Locale.ENGLISH)).subject("mail.verify.subject").text("Exactly once.")));

        await().atMost(Duration.ofSeconds(30)).until(() -> recipients.stream().allMatch(r -> Mailbox.to(r).size() >= 1));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> true);
        assertThat(recipients).allSatisfy(r -> assertThat(Mailbox.to(r)).hasSize(1));
    }

    @Test
    void signInFailuresCountOnEveryNode() {
        String email = Fixtures.uniqueEmail("target");
        accounts.createVerified(email, Fixtures.PASSWORD, "Target");
        String address = "10.77." + (int) (Math.random() * 256) + "." + (1 + (int) (Math.random() * 254));
        List<String> answers = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            WebSession browser = new WebSession(i % 2 == 0 ? nodeA : nodeB).from(address);
            answers.add(browser.post("/login", Map.of("email", email, "password", "wrong-" + i)).location());
        }
        // the fifth failure (on A) is the fifth for both nodes: from now on it waits
        assertThat(answers).containsExactly("/login?error", "/login?error", "/login?error", "/login?error", "/login?error&wait=1");
    }
}
