package app.flowmarket.privacy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import app.flowmarket.catalog.CatalogManagement;
import app.flowmarket.catalog.SellerFixture;
import app.flowmarket.newsletter.Newsletter;
import app.flowmarket.security.LoginThrottleTestAddresses;
import app.flowmarket.shared.StoreId;
import app.flowmarket.shared.WorkflowId;
import app.flowmarket.store.StoreManagement;
import app.flowmarket.support.Fixtures;
import app.flowmarket.support.Shopper;
import app.flowmarket.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A buyer who has used every feature, through the real pages: signed in from two browsers, bought a workflow,
 * reviewed it, reported someone else's review, followed the store, searched, saved a search, subscribed to the
 * newsletter, got notifications.
 */
record EveryFeatureUser(String email, String name, WebSession browser, WebSession seller, String workflowSlug, String storeSlug,
                        String searchWord, String reviewText) {

    static final Pattern EXPORT_LINK = Pattern.compile("/settings/privacy/export/([0-9a-f-]{36})");

    static EveryFeatureUser create(int port, app.flowmarket.account.AccountManagement accounts, CatalogManagement catalog,
                                   StoreManagement stores, Newsletter newsletter) {
        WebSession seller = SellerFixture.newSeller(port);
        String word = Fixtures.uniqueWord();
        String workflowId = SellerFixture.publishedWorkflow(seller, "Invoice sync " + word, "n8n", "12");
        var workflow = catalog.purchasable(WorkflowId.of(UUID.fromString(workflowId))).orElseThrow();
        String storeSlug = stores.find(StoreId.of(workflow.storeId())).orElseThrow().slug();

        String name = "Quinn " + Fixtures.uniqueWord();
        String email = Fixtures.uniqueEmail("everything");
        accounts.createVerified(email, Fixtures.PASSWORD, name);
        new WebSession(port).from(LoginThrottleTestAddresses.next()).signIn(email, Fixtures.PASSWORD);
        WebSession browser = new WebSession(port).from(LoginThrottleTestAddresses.next())
                .header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0")
                .signIn(email, Fixtures.PASSWORD);

        // a paid purchase, so that an invoice and ledger entries describe them
        String paymentPage = Shopper.buy(browser, workflowId);
        Shopper.pay(browser, paymentPage, Shopper.GOOD_CARD);
        String review = "Saved me hours " + Fixtures.uniqueWord();
        // the payment is confirmed by the processor's webhook, which may land a moment after the buyer is back
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() ->
                browser.post("/workflows/" + workflow.slug() + "/reviews", Map.of("rating", "5", "body", review)).assertStatus(302));
        browser.post("/stores/" + storeSlug + "/follow", Map.of()).assertStatus(302);
        // a public profile and a question, both saying who they are
        browser.post("/settings/public-profile", Map.of("handle", "q" + word, "bio", "I am " + name + ", I automate invoices.",
                "visible", "true")).assertStatus(302);
        browser.post("/workflows/" + workflow.slug() + "/questions", Map.of("body", "Hello, " + name + " here: does it handle credit notes?"))
                .assertStatus(302);
        browser.get("/workflows?q=" + word).assertStatus(200);
        browser.post("/saved-searches", Map.of("name", "Invoices " + word, "q", word, "frequency", "daily")).assertStatus(302);
        newsletter.subscribe(email);
        return new EveryFeatureUser(email, name, browser, seller, workflow.slug(), storeSlug, word, review);
    }

    /** Asks for an export and waits until the Privacy page offers its download; returns the download's path. */
    static String exportAndAwait(WebSession browser) {
        browser.post("/settings/privacy/export", Map.of()).assertStatus(302);
        String[] link = new String[1];
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> {
            Matcher matcher = EXPORT_LINK.matcher(browser.get("/settings/privacy").body());
            if (matcher.find()) {
                link[0] = matcher.group();
                return true;
            }
            return false;
        });
        return link[0];
    }

    /** Downloads with the browser's session cookie and reads every file of the ZIP (null when the answer is no ZIP). */
    static Download download(int port, WebSession browser, String path) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
            if (browser.sessionCookie() != null) {
                request.header("Cookie", "SESSION=" + browser.sessionCookie());
            }
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            Map<String, String> files = new LinkedHashMap<>();
            if (response.statusCode() == 200) {
                try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(response.body()))) {
                    for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                        files.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
            return new Download(response.statusCode(), response.headers().firstValue("Content-Disposition").orElse(""), files);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Download(int status, String disposition, Map<String, String> files) {

        String file(String name) {
            assertThat(files).as("files of the export").containsKey(name);
            return files.get(name);
        }

        String all() {
            return String.join("\n", files.values());
        }
    }
}
