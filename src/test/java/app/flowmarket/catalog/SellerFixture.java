package app.flowmarket.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import app.flowmarket.support.Fixtures;
import app.flowmarket.support.Mailbox;
import app.flowmarket.support.WebSession;

/** A signed-in seller with a store, made through the real pages. */
public final class SellerFixture {

    private SellerFixture() {
    }

    public static WebSession newSeller(int port) {
        String email = Fixtures.uniqueEmail("seller");
        WebSession browser = new WebSession(port);
        browser.post("/signup", Map.of("displayName", "Seller", "email", email, "password", Fixtures.PASSWORD)).assertStatus(200);
        browser.get(Mailbox.link(Mailbox.awaitMail(email, "Confirm"), "/verify-email")).assertStatus(200);
        browser.signIn(email, Fixtures.PASSWORD);
        WebSession.Page opened = browser.post("/stores/new", Map.of("name", "Store " + email.substring(0, 15),
                "slug", Fixtures.uniqueSlug("store"), "bio", ""));
        assertThat(opened.assertStatus(302).location()).isEqualTo("/seller/workflows");
        return browser;
    }

    /** Creates and publishes a workflow; returns its id. */
    public static String publishedWorkflow(WebSession seller, String title, String platformSlug, String price) {
        return publishedWorkflow(seller, Map.of("title", title, "platform", platformSlug, "price", price));
    }

    /**
     * Creates and publishes an n8n workflow from the given form fields (title, summary, description,
     * price, category id, tags...), filling in the rest; returns its id.
     */
    public static String publishedWorkflow(WebSession seller, Map<String, String> fields) {
        return publishedWorkflow(seller, fields, null);
    }

    /** {@link #publishedWorkflow(WebSession, Map)} with its own n8n file (null: a small standard one). */
    public static String publishedWorkflow(WebSession seller, Map<String, String> fields, byte @org.jspecify.annotations.Nullable [] file) {
        Map<String, String> form = new java.util.HashMap<>(Map.of("summary", "A workflow made by a test.", "description", "",
                "platform", "n8n", "price", "0", "currency", "USD", "category", "", "tags", ""));
        form.putAll(fields);
        WebSession.Page created = seller.postMultipart("/seller/workflows/new", form,
                "file", "w.json", file == null ? Fixtures.n8nWorkflow(form.get("title")) : file);
        String id = created.assertStatus(302).location().split("/")[3];
        seller.post("/seller/workflows/" + id + "/publish", Map.of()).assertStatus(302);
        return id;
    }
}
