package app.flowmarket.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import app.flowmarket.IntegrationTest;
import app.flowmarket.account.AccountManagement;
import app.flowmarket.catalog.SellerFixture;
import app.flowmarket.shared.CurrentUser;
import app.flowmarket.support.Fixtures;
import app.flowmarket.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every role finds its pages from the header: buyers their orders, sellers their area, admins theirs. */
@IntegrationTest
class NavigationIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    AccountManagement accounts;

    private WebSession signedIn(String who, String... roles) {
        String email = Fixtures.uniqueEmail(who);
        accounts.createVerified(email, Fixtures.PASSWORD, "Nav " + who, roles);
        return new WebSession(port).signIn(email, Fixtures.PASSWORD);
    }

    @Test
    void aBuyersAccountMenuGathersLibraryOrdersFollowingSavedSearchesSettingsAndSignOut() {
        String home = signedIn("buyer").get("/").assertStatus(200).body();
        String menu = home.substring(home.indexOf("class=\"account-menu\""), home.indexOf("</details>", home.indexOf("class=\"account-menu\"")));
        assertThat(menu).contains("href=\"/library\"", "href=\"/orders\"", "href=\"/following\"", "href=\"/saved-searches\"",
                "href=\"/settings\"", "action=\"/logout\"", "href=\"/stores/new\"").doesNotContain("href=\"/admin\"", "href=\"/seller\"");
        assertThat(home).contains("title=\"Notifications\"");
    }

    @Test
    void sellersGetASellerHomeAndEverySellerPageLinksTheOthers() {
        WebSession seller = SellerFixture.newSeller(port);
        String home = header(seller.get("/").body());
        assertThat(home).contains("href=\"/seller\"").doesNotContain("href=\"/stores/new\"");

        String sellerHome = seller.get("/seller").assertStatus(200).body();
        assertThat(sellerHome).contains("href=\"/seller/workflows\"", "href=\"/seller/sales\"", "href=\"/seller/bundles\"", "href=\"/seller/store\"");
        for (String page : new String[] {"/seller/workflows", "/seller/sales", "/seller/bundles", "/seller/store"}) {
            String body = seller.get(page).assertStatus(200).body();
            assertThat(body).as(page).contains("class=\"area-nav\"").contains("href=\"/seller/sales\"").contains("href=\"/seller/bundles\"")
                    .contains("href=\"" + page + "\" aria-current=\"page\"");
        }
    }

    private static String header(String page) {
        return page.substring(page.indexOf("<header"), page.indexOf("</header>"));
    }

    @Test
    void signingInFromAPageBringsThePersonBackToItAndNeverToAnotherSite() {
        String email = Fixtures.uniqueEmail("returning");
        accounts.createVerified(email, Fixtures.PASSWORD, "Returning");
        WebSession visitor = new WebSession(port);
        String results = visitor.get("/workflows?q=slack").body();
        assertThat(results).contains("href=\"/login?next=%2Fworkflows%3Fq%3Dslack\"");
        assertThat(visitor.get("/login?next=%2Fworkflows%3Fq%3Dslack").body()).contains("name=\"next\" value=\"/workflows?q=slack\"");

        WebSession.Page back = visitor.post("/login", Map.of("email", email, "password", Fixtures.PASSWORD, "next", "/workflows?q=slack"));
        assertThat(back.location()).isEqualTo("/workflows?q=slack");

        WebSession.Page wrong = new WebSession(port).post("/login", Map.of("email", email, "password", "nope-nope-nope", "next", "/library"));
        assertThat(wrong.location()).contains("next=%2Flibrary");
        WebSession.Page offSite = new WebSession(port).post("/login", Map.of("email", email, "password", Fixtures.PASSWORD, "next", "https://evil.example/"));
        assertThat(offSite.location()).isEqualTo("/");
    }

    @Test
    void someoneWithoutAStoreIsOfferedToOpenOneFromTheSellerHome() {
        assertThat(signedIn("not-yet-seller").get("/seller").location()).isEqualTo("/stores/new");
    }

    @Test
    void adminsReachTheAdminHomeWhichListsEveryAdminPageAndAreNotOfferedToStartSelling() {
        WebSession admin = signedIn("admin", CurrentUser.ADMIN);
        String home = header(admin.get("/").body());
        assertThat(home).contains("href=\"/admin\"").doesNotContain("href=\"/stores/new\"");
        String adminHome = admin.get("/admin").assertStatus(200).body();
        assertThat(adminHome).contains("href=\"/admin/newsletter\"", "href=\"/admin/search\"");
        assertThat(signedIn("curious").get("/admin").status()).isEqualTo(403);
    }

    @Test
    void theServiceWorkersOwnFetchesNeverReplaceTheCsrfCookieOfThePageInUse() {
        // a page read without the cookie (a visitor's first, or the first after signing in) sets a new token ...
        assertThat(new WebSession(port).get("/offline").assertStatus(200).setCookie("XSRF-TOKEN")).isNotNull();
        // ... but the service worker's fetch in the background (installing, keeping a page) must not: it would replace
        // the token of the form the person has open, which would then be refused
        WebSession.Page background = new WebSession(port).getWithHeaders("/offline", Map.of("Flowmarket-Background", "1")).assertStatus(200);
        assertThat(background.setCookie("XSRF-TOKEN")).isNull();
        assertThat(background.body()).contains("name=\"_csrf\"");
    }

    @Test
    void buyersSeeOnlyTheNotificationsTheyCanGetAndSavingKeepsTheSellerOnesUntouched() {
        WebSession buyer = signedIn("prefs");
        String page = buyer.get("/settings/notifications").assertStatus(200).body();
        assertThat(page).contains("WORKFLOW_UPDATED:EMAIL").doesNotContain("NEW_SALE:", "LICENCE_UPGRADE:", "NEW_FOLLOWER:", "NEW_REVIEW:");
        // a seat's mail comes from the licence and is always sent: no e-mail box that would do nothing
        assertThat(page).contains("LICENCE_SEAT_GIVEN:IN_APP", "Always sent").doesNotContain("LICENCE_SEAT_GIVEN:EMAIL", "LICENCE_SEAT_TAKEN_BACK:EMAIL");
        buyer.post("/settings/notifications", Map.of("WORKFLOW_UPDATED:IN_APP", "on")).assertStatus(302);
        WebSession seller = SellerFixture.newSeller(port);
        assertThat(seller.get("/settings/notifications").body()).contains("NEW_SALE:EMAIL", "LICENCE_UPGRADE:EMAIL");
    }

    @Test
    void theComingSoonPageListsTheSameUpcomingFeaturesInEveryLanguageAndNoneThatExist() {
        String english = new WebSession(port).get("/coming-soon?lang=en").body();
        assertThat(english).doesNotContain("saved searches", "Notifications,");
        // what has landed is no longer announced: the seller dashboard, questions and profiles, privacy
        assertThat(english).doesNotContain("A seller dashboard", "Questions, sharing and comparison", "Your data in your hands");
        // nor coupons and promotions, the API and webhooks, the n8n template host or the installable app
        assertThat(english).doesNotContain("Coupons, promotions", "An API and webhooks", "inside your n8n", "An installable app");
        for (String lang : new String[] {"en", "fr", "es", "de"}) {
            String page = new WebSession(port).get("/coming-soon?lang=" + lang).body();
            assertThat(page.split("<li><strong>", -1).length - 1).as(lang).isEqualTo(ComingSoonController.UPCOMING.size());
        }
    }
}
