package app.flowmarket.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import app.flowmarket.IntegrationTest;
import app.flowmarket.account.AccountManagement;
import app.flowmarket.support.Fixtures;
import app.flowmarket.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class ThemeIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    AccountManagement accounts;

    @Test
    void aVisitorsThemeIsACookieReadWhenThePageIsRenderedSoItPaintsInTheRightColoursAtOnce() {
        assertThat(new WebSession(port).get("/").body()).as("the device's theme until one is chosen")
                .contains("data-theme=\"system\"").contains("<meta name=\"color-scheme\" content=\"light dark\">");

        WebSession visitor = new WebSession(port);
        visitor.get("/workflows");
        WebSession.Page chosen = visitor.post("/theme", Map.of("theme", "light", "back", "/workflows?q=slack")).assertStatus(303);
        assertThat(chosen.location()).endsWith("/workflows?q=slack");
        assertThat(chosen.setCookie("flowmarket-theme")).contains("flowmarket-theme=light").contains("HttpOnly").contains("Max-Age=");
        assertThat(visitor.get("/").body()).contains("data-theme=\"light\"").contains("content=\"light\"");
        assertThat(new WebSession(port).get("/").body()).as("the shared page cache keeps one copy per theme")
                .contains("data-theme=\"system\"");

        // what the page's script sends: no redirect to follow
        visitor.post("/theme", Map.of("theme", "dark"), Map.of("X-Requested-With", "fetch")).assertStatus(204);
        assertThat(visitor.get("/").body()).contains("data-theme=\"dark\"");

        assertThat(visitor.post("/theme", Map.of("theme", "purple")).status()).isEqualTo(400);
        assertThat(visitor.post("/theme", Map.of("theme", "light", "back", "https://evil.example/")).status())
                .as("only this site's pages to come back to").isEqualTo(400);
        assertThat(new WebSession(port).withCookie("flowmarket-theme", "\"><script>", "/").get("/").body())
                .as("an unknown cookie value is ignored").contains("data-theme=\"system\"").doesNotContain("<script>\"");
    }

    @Test
    void aSignedInPersonsThemeFollowsThemToEveryBrowserTheySignInFrom() {
        String email = Fixtures.uniqueEmail("theme");
        accounts.createVerified(email, Fixtures.PASSWORD, "Theo Theme");
        WebSession laptop = new WebSession(port).signIn(email, Fixtures.PASSWORD);
        assertThat(laptop.get("/settings").body()).contains("value=\"system\" checked");
        laptop.post("/theme", Map.of("theme", "dark", "back", "/settings")).assertStatus(303);
        assertThat(laptop.get("/settings").body()).contains("data-theme=\"dark\"").contains("value=\"dark\" checked");

        WebSession phone = new WebSession(port).signIn(email, Fixtures.PASSWORD);
        assertThat(phone.get("/library").body()).as("a browser with no cookie of its own").contains("data-theme=\"dark\"");
    }
}
