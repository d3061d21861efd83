package app.flowmarket.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import app.flowmarket.IntegrationTest;
import app.flowmarket.account.AccountManagement;
import app.flowmarket.support.Fixtures;
import app.flowmarket.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class SearchHistoryIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    AccountManagement accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SearchHistoryBuffer buffer;

    WebSession user(String email) {
        accounts.createVerified(email, Fixtures.PASSWORD, "Searcher");
        return new WebSession(port).signIn(email, Fixtures.PASSWORD);
    }

    /** Rows written, once the searches waiting in memory have been written. */
    long rows(String email) {
        buffer.flush();
        UUID id = accounts.loadUserByUsername(email).id();
        return jdbc.sql("select count(*) from search_history where account_id = ?").param(id).query(Long.class).single();
    }

    @Test
    void recentSearchesAreKeptDeduplicatedNewestFirstAndCappedAtTwenty() {
        String email = Fixtures.uniqueEmail("searcher");
        WebSession browser = user(email);

        browser.get("/workflows?q=slack+digest");
        browser.get("/workflows?q=airtable&platform=make");
        browser.get("/workflows?q=Slack++Digest");
        String page = browser.get("/search/history").body();
        assertThat(page).contains(">Slack  Digest<").contains(">airtable<").doesNotContain(">slack digest<");
        assertThat(page.indexOf(">Slack  Digest<")).as("repeated search moved to the top").isLessThan(page.indexOf(">airtable<"));
        assertThat(rows(email)).isEqualTo(2);
        assertThat(page).contains("/workflows?q=airtable&amp;platform=make");
        assertThat(browser.get("/workflows").body()).contains("Recent searches").contains("airtable");

        for (int i = 0; i < 25; i++) {
            browser.get("/workflows?q=topic" + i);
        }
        assertThat(rows(email)).isEqualTo(SearchHistory.KEEP);
        assertThat(browser.get("/search/history").body()).contains("topic24").doesNotContain(">topic4<");
    }

    @Test
    void oneUserNeverSeesOrTouchesAnothersHistory() {
        String alice = Fixtures.uniqueEmail("alice");
        String bob = Fixtures.uniqueEmail("bob");
        WebSession aliceBrowser = user(alice);
        WebSession bobBrowser = user(bob);
        aliceBrowser.get("/workflows?q=private+alice+query");

        assertThat(bobBrowser.get("/search/history").body()).doesNotContain("private alice query");
        assertThat(bobBrowser.get("/workflows").body()).doesNotContain("private alice query");
        bobBrowser.get("/search/history");
        bobBrowser.post("/search/history/remove", Map.of("key", "private alice query|")).assertStatus(302);
        bobBrowser.post("/search/history/clear", Map.of()).assertStatus(302);
        assertThat(rows(alice)).isEqualTo(1);
        assertThat(new WebSession(port).get("/search/history").status()).isEqualTo(302);
    }

    @Test
    void entriesCanBeRemovedAndHistoryTurnedOff() {
        String email = Fixtures.uniqueEmail("forgetful");
        WebSession browser = user(email);
        browser.get("/workflows?q=first");
        browser.get("/workflows?q=second");
        browser.get("/search/history");

        browser.post("/search/history/remove", Map.of("key", "first|")).assertStatus(302);
        assertThat(browser.get("/search/history").body()).doesNotContain(">first<").contains(">second<");

        browser.post("/search/history/setting", Map.of("enabled", "false")).assertStatus(302);
        assertThat(rows(email)).isZero();
        browser.get("/workflows?q=third");
        assertThat(rows(email)).as("nothing remembered while off").isZero();
        browser.get("/search/history");
        browser.post("/search/history/setting", Map.of("enabled", "true")).assertStatus(302);
        browser.get("/workflows?q=fourth");
        assertThat(rows(email)).isEqualTo(1);
    }

    @Test
    void aSearchShowsInTheHistoryAtOnceAndIsWrittenByTheNextBatch() {
        String email = Fixtures.uniqueEmail("quick");
        WebSession browser = user(email);
        UUID id = accounts.loadUserByUsername(email).id();

        assertThat(browser.get("/workflows?q=quick+invoice+sync").body()).as("shown on the results page it was typed on")
                .contains("quick invoice sync");
        assertThat(browser.get("/search/history").body()).contains(">quick invoice sync<");
        buffer.flush();
        assertThat(jdbc.sql("select query from search_history where account_id = ?").param(id).query(String.class).list())
                .containsExactly("quick invoice sync");
        assertThat(browser.get("/search/history").body()).contains(">quick invoice sync<");
    }

    @Test
    void searchesStillWaitingAreWrittenWhenTheApplicationStops() {
        String email = Fixtures.uniqueEmail("leaving");
        WebSession browser = user(email);
        UUID id = accounts.loadUserByUsername(email).id();
        browser.get("/workflows?q=last+search+before+shutdown");

        buffer.stop();
        try {
            assertThat(jdbc.sql("select query from search_history where account_id = ?").param(id).query(String.class).list())
                    .containsExactly("last search before shutdown");
        } finally {
            buffer.start();
        }
    }

    @Test
    void aSearchWaitingToBeWrittenIsForgottenWithTheHistory() {
        String email = Fixtures.uniqueEmail("eraser");
        WebSession browser = user(email);
        browser.get("/workflows?q=regretted+search");
        browser.post("/search/history/clear", Map.of()).assertStatus(302);
        assertThat(browser.get("/search/history").body()).doesNotContain("regretted search");
        assertThat(rows(email)).isZero();
    }

    @Test
    void visitorsSearchesStayInTheirBrowser() {
        long before = jdbc.sql("select count(*) from search_history").query(Long.class).single();
        String page = new WebSession(port).get("/workflows?q=anonymous+search").body();
        assertThat(page).contains("id=\"local-history\"");
        assertThat(jdbc.sql("select count(*) from search_history").query(Long.class).single()).isEqualTo(before);
    }
}
