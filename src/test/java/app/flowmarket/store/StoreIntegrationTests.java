package app.flowmarket.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.flowmarket.IntegrationTest;
import app.flowmarket.account.AccountManagement;
import app.flowmarket.audit.AuditLog;
import app.flowmarket.shared.CurrentUser;
import app.flowmarket.support.Fixtures;
import app.flowmarket.support.Mailbox;
import app.flowmarket.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class StoreIntegrationTests {

    /** A 1x1 PNG. */
    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    @LocalServerPort
    int port;

    @Autowired
    AccountManagement accounts;

    @Autowired
    AuditLog auditLog;

    WebSession verifiedBuyer(String email) {
        WebSession browser = new WebSession(port);
        browser.post("/signup", Map.of("displayName", "Store Owner", "email", email, "password", Fixtures.PASSWORD)).assertStatus(200);
        browser.get(Mailbox.link(Mailbox.awaitMail(email, "Confirm"), "/verify-email")).assertStatus(200);
        return browser.signIn(email, Fixtures.PASSWORD);
    }

    @Test
    void openingAStoreMakesTheBuyerASellerAndIsAudited() {
        String email = Fixtures.uniqueEmail("opener");
        WebSession browser = verifiedBuyer(email);
        String slug = Fixtures.uniqueSlug("audited");

        browser.post("/stores/new", Map.of("name", "Audited Store", "slug", slug, "bio", "")).assertStatus(302);

        CurrentUser user = accounts.loadUserByUsername(email);
        assertThat(user.roles()).contains(CurrentUser.SELLER);
        assertThat(browser.get("/").body()).as("the session knows the new role at once").contains("Seller area");
        assertThat(auditLog.forTarget("account", user.id().toString())).extracting(AuditLog.AuditEntry::action)
                .contains("account.created", "account.email-verified", "account.role-granted");
        assertThat(auditLog.latest(200)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("store.created");
            assertThat(e.details()).isEqualTo(slug);
        });
    }

    @Test
    void storeAddressesAreUniqueAndValidated() {
        String slug = Fixtures.uniqueSlug("unique");
        verifiedBuyer(Fixtures.uniqueEmail("first")).post("/stores/new", Map.of("name", "First", "slug", slug, "bio", "")).assertStatus(302);
        WebSession second = verifiedBuyer(Fixtures.uniqueEmail("second"));

        assertThat(second.post("/stores/new", Map.of("name", "Second", "slug", slug, "bio", "")).body()).contains("That web address is taken");
        assertThat(second.post("/stores/new", Map.of("name", "Second", "slug", "Bad Slug!", "bio", "")).body()).contains("lower-case letters");
        assertThat(second.post("/stores/new", Map.of("name", "Second", "slug", "new", "bio", "")).body()).contains("That web address is taken");
        assertThat(second.post("/stores/new", Map.of("name", "<b>x</b>", "slug", Fixtures.uniqueSlug("ok"), "bio", "",
                "websiteUrl", "javascript:alert(1)")).body()).contains("Enter a full http:// or https:// address");
    }

    @Test
    void avatarsMustBeRealImagesAndAreServedWithTheirType() {
        WebSession browser = verifiedBuyer(Fixtures.uniqueEmail("avatar"));
        String slug = Fixtures.uniqueSlug("pictured");
        browser.post("/stores/new", Map.of("name", "Pictured", "slug", slug, "bio", "")).assertStatus(302);

        browser.postMultipart("/seller/store/avatar", Map.of(), "avatar", "evil.png", "<svg onload=alert(1)>".getBytes()).assertStatus(302);
        assertThat(browser.getFollowing("/seller/store").body()).contains("not a PNG, JPEG, WebP or GIF");

        browser.postMultipart("/seller/store/avatar", Map.of(), "avatar", "me.png", PNG).assertStatus(302);
        String storePage = new WebSession(port).get("/stores/" + slug).body();
        Matcher avatar = Pattern.compile("src=\"(/media/avatars/[0-9a-f-]{36})\"").matcher(storePage);
        assertThat(avatar.find()).isTrue();
        WebSession.Page image = new WebSession(port).get(avatar.group(1));
        assertThat(image.status()).isEqualTo(200);
    }

    @Test
    void adminPagesAreForbiddenToOtherPeople() {
        WebSession buyer = verifiedBuyer(Fixtures.uniqueEmail("nosy"));
        WebSession.Page page = buyer.get("/admin/anything");
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.body()).contains("You are not allowed to see this page");
    }
}
