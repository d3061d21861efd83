package app.flowmarket.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.flowmarket.IntegrationTest;
import app.flowmarket.account.AccountManagement;
import app.flowmarket.support.Fixtures;
import app.flowmarket.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class AuditViewerIntegrationTests {

    private static final Pattern ROW_LINK = Pattern.compile("href=\"/admin/audit/(\\d+)\"");
    private static final Pattern NEXT = Pattern.compile("rel=\"next\" href=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    AuditLog auditLog;

    @Autowired
    AccountManagement accounts;

    @Autowired
    JdbcClient jdbc;

    WebSession admin() {
        String email = Fixtures.uniqueEmail("admin");
        accounts.createVerified(email, Fixtures.PASSWORD, "Admin", "ADMIN");
        return new WebSession(port).signIn(email, Fixtures.PASSWORD);
    }

    @Test
    void adminsPageBackThroughTheWholeLogWithoutMissingOrRepeatingAnEntry() {
        String action = "test.bulk-" + Fixtures.uniqueWord();
        List<Long> written = new ArrayList<>();
        for (int i = 0; i < 123; i++) {
            auditLog.record(null, "bulk", action, "thing", "t" + i, null);
        }
        written.addAll(jdbc.sql("select id from audit_entry where action = ? order by occurred_at desc, id desc").param(action).query(Long.class).list());
        WebSession admin = admin();

        List<Long> seen = new ArrayList<>();
        String url = "/admin/audit?action=" + action;
        int pages = 0;
        while (url != null) {
            String body = admin.get(url).assertStatus(200).body();
            List<Long> ids = ids(body);
            assertThat(ids).hasSizeLessThanOrEqualTo(AuditTrail.PAGE_SIZE);
            seen.addAll(ids);
            Matcher next = NEXT.matcher(body);
            url = next.find() ? next.group(1).replace("&amp;", "&") : null;
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(written);
    }

    @Test
    void filtersByActorActionTargetDayAddressAndWordsInTheDetails() {
        String word = Fixtures.uniqueWord();
        UUID actor = UUID.randomUUID();
        auditLog.record(actor, "filter-" + word + "@example.com", "test.filtered", "widget", "w-" + word, "moved " + word + " to shelf");
        auditLog.record(null, "someone-else@example.com", "test.filtered", "widget", "other-" + word, "nothing to see");
        String email = Fixtures.uniqueEmail("watched");
        accounts.createVerified(email, Fixtures.PASSWORD, "Watched", "BUYER");
        new WebSession(port).from("203.0.113.77").signIn(email, Fixtures.PASSWORD);
        WebSession admin = admin();

        assertThat(admin.get("/admin/audit?q=" + word).body()).contains("w-" + word).doesNotContain("other-" + word);
        assertThat(admin.get("/admin/audit?actor=" + actor).body()).contains("w-" + word).doesNotContain("other-" + word);
        assertThat(admin.get("/admin/audit?actor=FILTER-" + word + "@example.com").body()).contains("w-" + word);
        assertThat(admin.get("/admin/audit?targetType=widget&target=other-" + word).body()).contains("other-" + word).doesNotContain(">w-" + word);
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        assertThat(admin.get("/admin/audit?q=" + word + "&from=" + today + "&to=" + today).body()).contains("w-" + word);
        assertThat(admin.get("/admin/audit?q=" + word + "&to=" + yesterday).body()).doesNotContain("w-" + word).contains("No entries match");
        String byAddress = admin.get("/admin/audit?ip=203.0.113.77").body();
        assertThat(byAddress).contains(email).contains("auth.sign-in");
        assertThat(admin.get("/admin/audit?ip=203.0.113.78").body()).doesNotContain(email);
    }

    @Test
    void anEntryShowsTheFieldsItChangedBeforeAndAfter() {
        String word = Fixtures.uniqueWord();
        Map<String, AuditLog.Change> changes = new LinkedHashMap<>();
        changes.put("name", new AuditLog.Change("Old <b>name</b>", "New name " + word));
        changes.put("order", new AuditLog.Change("3", "3"));
        changes.put("icon", new AuditLog.Change(null, "bolt"));
        auditLog.recordChange(null, "editor", "test.changed", "widget", word, changes);
        long id = jdbc.sql("select id from audit_entry where target_id = ?").param(word).query(Long.class).single();

        String page = admin().get("/admin/audit/" + id).assertStatus(200).body();
        assertThat(page).contains("What changed").contains("<del>Old &lt;b&gt;name&lt;/b&gt;</del>").contains("<ins>New name " + word + "</ins>")
                .contains("<ins>bolt</ins>").doesNotContain("<th scope=\"row\">order</th>");
    }

    @Test
    void theExportHoldsWhatTheFilterShowsAndIsItselfAudited() {
        String word = Fixtures.uniqueWord();
        auditLog.record(null, "=HYPERLINK(\"http://evil.example\")", "test.exported", "widget", word, "details " + word);
        WebSession admin = admin();
        String csv = admin.get("/admin/audit/export?action=test.exported&q=" + word).assertStatus(200).body();
        assertThat(csv.lines().toList()).hasSize(2);
        assertThat(csv).contains("test.exported").contains(word).contains("'=HYPERLINK");
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'audit.exported' and details = ?").param("action=test.exported q=" + word)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theLogCannotBeChangedOrDeleted() {
        String word = Fixtures.uniqueWord();
        auditLog.record(null, "someone", "test.immutable", "widget", word, "original");
        long id = jdbc.sql("select id from audit_entry where target_id = ?").param(word).query(Long.class).single();

        assertThatThrownBy(() -> jdbc.sql("update audit_entry set details = 'forged' where id = ?").param(id).update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("update audit_entry set action = 'test.other', details = null where id = ?").param(id).update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_entry where id = ?").param(id).update()).hasMessageContaining("append-only");
        WebSession admin = admin();
        admin.get("/admin/audit/" + id);
        assertThat(admin.post("/admin/audit/" + id, Map.of("details", "forged")).status()).isEqualTo(405);
        assertThat(jdbc.sql("select details from audit_entry where id = ?").param(id).query(String.class).single()).isEqualTo("original");
    }

    @Test
    void onlyAdminsSeeTheLogAndTheAccounts() {
        String email = Fixtures.uniqueEmail("buyer");
        accounts.createVerified(email, Fixtures.PASSWORD, "Buyer", "BUYER");
        WebSession buyer = new WebSession(port).signIn(email, Fixtures.PASSWORD);
        for (String path : List.of("/admin/audit", "/admin/audit/1", "/admin/audit/export", "/admin/accounts", "/admin/accounts?q=a")) {
            assertThat(buyer.get(path).status()).as(path).isEqualTo(403);
            assertThat(new WebSession(port).get(path).status()).as(path).isEqualTo(302);
        }
    }

    @Test
    void anAccountsAdminPageLeadsToItsAuditTrail() {
        String email = Fixtures.uniqueEmail("trail");
        UUID id = accounts.createVerified(email, Fixtures.PASSWORD, "Trail", "BUYER");
        new WebSession(port).signIn(email, Fixtures.PASSWORD);
        WebSession admin = admin();

        String found = admin.get("/admin/accounts?q=" + email.substring(0, email.indexOf('@'))).body();
        assertThat(found).contains("/admin/accounts/" + id);
        String page = admin.get("/admin/accounts/" + id).assertStatus(200).body();
        assertThat(page).contains("/admin/audit?actor=" + id);
        assertThat(admin.get("/admin/audit?actor=" + id).body()).contains("auth.sign-in");
        assertThat(admin.get("/admin/accounts/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void badFiltersGetAClearAnswer() {
        WebSession admin = admin();
        assertThat(admin.get("/admin/audit?from=yesterday").assertStatus(400).body()).contains("YYYY-MM-DD");
        assertThat(admin.get("/admin/audit?from=2026-02-01&to=2026-01-01").assertStatus(400).body()).contains("before the start date");
        assertThat(admin.get("/admin/audit?after=garbage").assertStatus(400).body()).contains("page link is broken");
        assertThat(admin.get("/admin/audit/notanumber").status()).isIn(400, 404);
        assertThat(admin.get("/admin/audit?q=%22(%26%7C!%3A*").status()).isEqualTo(200);
    }

    private static List<Long> ids(String body) {
        List<Long> ids = new ArrayList<>();
        Matcher m = ROW_LINK.matcher(body);
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }
}
