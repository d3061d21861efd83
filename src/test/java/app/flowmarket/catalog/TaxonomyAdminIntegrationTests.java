package app.flowmarket.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
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
class TaxonomyAdminIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    AccountManagement accounts;

    @Autowired
    JdbcClient jdbc;

    WebSession admin() {
        String email = Fixtures.uniqueEmail("admin");
        accounts.createVerified(email, Fixtures.PASSWORD, "Admin", "ADMIN");
        return new WebSession(port).signIn(email, Fixtures.PASSWORD);
    }

    Map<String, String> category(String slug, String name, String parent) {
        Map<String, String> form = new HashMap<>(Map.of("slug", slug, "name", name, "description", "About " + name, "icon", "⚡",
                "position", "5", "parent", parent, "nameFr", name + " (fr)", "nameDe", name + " (de)"));
        return form;
    }

    UUID categoryId(String slug) {
        return jdbc.sql("select id from category where slug = ?").param(slug).query(UUID.class).single();
    }

    @Test
    void adminsCreateNestedCategoriesInEachLanguageAndAChangedSlugKeepsItsOldLinks() {
        WebSession admin = admin();
        String parentSlug = Fixtures.uniqueSlug("parent");
        String childSlug = Fixtures.uniqueSlug("child");
        admin.get("/admin/categories/new").assertStatus(200);
        assertThat(admin.post("/admin/categories", category(parentSlug, "Parent " + parentSlug, "")).assertStatus(302).location())
                .isEqualTo("/admin/categories");
        UUID parent = categoryId(parentSlug);
        admin.post("/admin/categories", category(childSlug, "Child " + childSlug, parent.toString())).assertStatus(302);
        UUID child = categoryId(childSlug);
        assertThat(jdbc.sql("select name from category_name where category_id = ? and language = 'fr'").param(child).query(String.class).single())
                .isEqualTo("Child " + childSlug + " (fr)");
        assertThat(admin.get("/admin/categories").body()).contains("Parent " + parentSlug).contains("Child " + childSlug);

        // a listing in the sub-category shows when browsing its parent
        WebSession seller = SellerFixture.newSeller(port);
        String word = Fixtures.uniqueWord();
        SellerFixture.publishedWorkflow(seller, Map.of("title", "Nested " + word, "category", child.toString()));
        assertThat(new WebSession(port).get("/workflows?category=" + parentSlug).body()).contains("Nested " + word);

        // one level only: the parent cannot go under another category, a child cannot be a parent
        String third = Fixtures.uniqueSlug("third");
        assertThat(admin.post("/admin/categories", category(third, "Third", child.toString())).assertStatus(200).body())
                .contains("there is one level of nesting");
        assertThat(admin.post("/admin/categories", category(parentSlug, "Duplicate", "")).assertStatus(200).body())
                .contains("already uses this slug");

        String renamed = Fixtures.uniqueSlug("renamed");
        admin.post("/admin/categories/" + child, category(renamed, "Child renamed", parent.toString())).assertStatus(302);
        WebSession visitor = new WebSession(port);
        WebSession.Page old = visitor.get("/workflows?category=" + childSlug + "&sort=newest");
        assertThat(old.status()).isEqualTo(301);
        assertThat(old.location()).isEqualTo("/workflows?category=" + renamed + "&sort=newest");
        assertThat(visitor.get(old.location()).body()).contains("Nested " + word);

        String audit = admin.get("/admin/audit?targetType=category&target=" + child).body();
        assertThat(audit).contains("category.updated").contains("category.created");
        long entry = jdbc.sql("select id from audit_entry where action = 'category.updated' and target_id = ?").param(child.toString())
                .query(Long.class).single();
        assertThat(admin.get("/admin/audit/" + entry).body()).contains("<del>" + childSlug + "</del>").contains("<ins>" + renamed + "</ins>");

        // a category with listings or children stays
        assertThat(admin.post("/admin/categories/" + child + "/delete", Map.of()).location()).isEqualTo("/admin/categories/" + child);
        assertThat(admin.post("/admin/categories/" + parent + "/delete", Map.of()).location()).isEqualTo("/admin/categories/" + parent);
        String empty = Fixtures.uniqueSlug("empty");
        admin.post("/admin/categories", category(empty, "Empty", "")).assertStatus(302);
        UUID emptyId = categoryId(empty);
        assertThat(admin.post("/admin/categories/" + emptyId + "/delete", Map.of()).location()).isEqualTo("/admin/categories");
        assertThat(jdbc.sql("select count(*) from category where id = ?").param(emptyId).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'category.deleted' and target_id = ?").param(emptyId.toString())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void mergingTwoTagsKeepsEveryWorkflowsTaggingAndTheSearchIndexFollows() {
        WebSession seller = SellerFixture.newSeller(port);
        String a = Fixtures.uniqueWord();
        String b = Fixtures.uniqueWord();
        String onlyA = SellerFixture.publishedWorkflow(seller, Map.of("title", "Only A " + a, "tags", a));
        String both = SellerFixture.publishedWorkflow(seller, Map.of("title", "Both " + a, "tags", a + ", " + b));
        String onlyB = SellerFixture.publishedWorkflow(seller, Map.of("title", "Only B " + b, "tags", b));
        UUID tagA = jdbc.sql("select id from tag where slug = ?").param(a).query(UUID.class).single();
        UUID tagB = jdbc.sql("select id from tag where slug = ?").param(b).query(UUID.class).single();
        WebSession admin = admin();
        assertThat(admin.get("/admin/tags").body()).contains(a).contains(b);

        admin.post("/admin/tags/" + tagA + "/merge", Map.of("into", tagB.toString())).assertStatus(302);

        assertThat(jdbc.sql("select count(*) from tag where id = ?").param(tagA).query(Long.class).single()).isZero();
        List<UUID> tagged = jdbc.sql("select workflow_id from workflow_tag where tag_id = ? order by workflow_id").param(tagB).query(UUID.class).list();
        assertThat(tagged).containsExactlyInAnyOrder(UUID.fromString(onlyA), UUID.fromString(both), UUID.fromString(onlyB));
        assertThat(jdbc.sql("select count(*) from workflow_tag where workflow_id = ?").param(UUID.fromString(both)).query(Long.class).single())
                .isEqualTo(1);
        WebSession visitor = new WebSession(port);
        String byB = visitor.get("/workflows?tag=" + b).body();
        assertThat(byB).contains("Only A " + a).contains("Both " + a).contains("Only B " + b);
        WebSession.Page old = visitor.get("/workflows?tag=" + a);
        assertThat(old.status()).isEqualTo(301);
        assertThat(old.location()).isEqualTo("/workflows?tag=" + b);
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'tag.merged' and target_id = ?").param(tagB.toString())
                .query(Long.class).single()).isEqualTo(1);

        // renamed in English and French: the index finds the listings by the new names
        String newName = Fixtures.uniqueWord();
        String french = Fixtures.uniqueWord();
        admin.post("/admin/tags/" + tagB, Map.of("name", newName, "slug", b, "nameFr", french)).assertStatus(302);
        assertThat(visitor.get("/workflows?q=" + newName).body()).contains("Only A " + a).contains("Only B " + b);
        assertThat(visitor.get("/workflows?q=" + french).body()).contains("Both " + a);

        // in use, it cannot be deleted; unused, it can
        assertThat(admin.post("/admin/tags/" + tagB + "/delete", Map.of()).location()).isEqualTo("/admin/tags/" + tagB);
        String unused = Fixtures.uniqueWord();
        String lonely = SellerFixture.publishedWorkflow(seller, Map.of("title", "Lonely " + unused, "tags", unused));
        seller.post("/seller/workflows/" + lonely + "/edit", Map.of("title", "Lonely " + unused, "summary", "A workflow made by a test.",
                "description", "", "platform", "n8n", "price", "0", "currency", "USD", "category", "", "tags", "")).assertStatus(302);
        UUID unusedId = jdbc.sql("select id from tag where slug = ?").param(unused).query(UUID.class).single();
        assertThat(admin.post("/admin/tags/" + unusedId + "/delete", Map.of()).location()).isEqualTo("/admin/tags");
        assertThat(jdbc.sql("select count(*) from tag where id = ?").param(unusedId).query(Long.class).single()).isZero();
    }

    @Test
    void onlyAdminsManageCategoriesAndTags() {
        WebSession seller = SellerFixture.newSeller(port);
        UUID any = jdbc.sql("select id from category limit 1").query(UUID.class).single();
        for (String path : List.of("/admin/categories", "/admin/categories/new", "/admin/categories/" + any, "/admin/tags")) {
            assertThat(seller.get(path).status()).as(path).isEqualTo(403);
        }
        seller.get("/seller/workflows");
        assertThat(seller.post("/admin/categories", Map.of("slug", "hacked", "name", "Hacked")).status()).isEqualTo(403);
        assertThat(seller.post("/admin/categories/" + any + "/delete", Map.of()).status()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from category where slug = 'hacked'").query(Long.class).single()).isZero();
    }
}
