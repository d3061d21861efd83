package app.flowmarket;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The boundary the module test cannot see: SQL. Every table belongs to one module, and only that module's
 * code names it in a query. A module that needs another's columns in a query joins a view the owner
 * publishes (decision 27); otherwise it asks the owner's public API. A migration that creates a table or
 * view with no owner below fails here, so each new table is given one.
 */
class TableOwnershipTests {

    static final Path MIGRATIONS = Path.of("src", "main", "resources", "db", "migration");
    static final Path SOURCES = Path.of("src", "main", "java", "app", "flowmarket");

    /** Module → the tables it owns. */
    static final Map<String, Set<String>> TABLES = Map.ofEntries(
            Map.entry("account", Set.of("account", "account_role", "account_token")),
            Map.entry("analytics", Set.of("analytics_daily", "analytics_event", "analytics_sales_daily", "analytics_salt",
                    "analytics_seen", "analytics_visit", "platform_daily", "platform_sales_daily", "platform_item_daily", "platform_active_day",
                    "platform_buyer", "platform_seller", "analytics_monthly", "analytics_sales_monthly", "platform_item_monthly",
                    "platform_top", "platform_top_entry", "platform_closed_version", "platform_active_window", "platform_account_last",
                    "platform_chargeback")),
            Map.entry("api", Set.of("api_token", "api_idempotency")),
            Map.entry("audit", Set.of("audit_entry")),
            Map.entry("catalog", Set.of("category", "category_name", "tag", "tag_name", "workflow", "workflow_screenshot",
                    "workflow_tag", "workflow_version", "listing_upload", "slug_redirect")),
            Map.entry("commerce", Set.of("bundle", "bundle_item", "buyer_bundle_store", "cart", "cart_item", "ledger_entry", "order_line", "sales_export",
                    "purchase_order", "coupon", "coupon_workflow", "coupon_redemption", "cart_coupon", "promotion",
                    "promotion_workflow")),
            Map.entry("currency", Set.of("exchange_rate", "scheduled_run")),
            Map.entry("licensing", Set.of("download", "entitlement", "licence", "licence_seat", "licence_upgrade")),
            Map.entry("mail", Set.of("mail_outbox")),
            Map.entry("moderation", Set.of("moderation_item", "moderation_rule", "moderation_activity", "moderation_ban", "moderation_report")),
            Map.entry("n8n", Set.of("n8n_token", "n8n_template", "n8n_category")),
            Map.entry("newsletter", Set.of("newsletter_subscriber")),
            Map.entry("onboarding", Set.of("onboarding_tour")),
            Map.entry("preview", Set.of("workflow_preview")),
            Map.entry("notification", Set.of("notification", "notification_delivery", "notification_preference",
                    "push_subscription", "push_vapid_key")),
            Map.entry("payout", Set.of("payout", "payout_batch", "payout_item", "payout_method")),
            Map.entry("payment", Set.of("payment_checkout", "payment_event", "test_checkout", "test_processor_secret",
                    "test_refund", "test_dispute")),
            // and Spring Modulith's event registry, which only privacy names: it scrubs people from kept events
            Map.entry("privacy", Set.of("privacy_deletion", "privacy_export", "event_publication", "event_publication_archive")),
            Map.entry("qa", Set.of("qa_post", "qa_vote")),
            Map.entry("review", Set.of("review", "review_vote")),
            Map.entry("search", Set.of("saved_search", "saved_search_match", "search_history", "search_history_setting",
                    "search_index_state", "hsearch_agent", "hsearch_outbox_event")),
            Map.entry("security", Set.of("security_secret", "sign_in", "sign_in_place", "one_time_tokens")),
            Map.entry("social", Set.of("public_profile", "public_purchase", "store_follow")),
            Map.entry("store", Set.of("store")),
            Map.entry("webhook", Set.of("webhook_endpoint", "webhook_delivery")));

    /** Module → the views it publishes for other modules' queries. */
    static final Map<String, Set<String>> PUBLISHED = Map.of(
            "account", Set.of("account_name"),
            "store", Set.of("store_summary"),
            "social", Set.of("visible_profile"),
            "catalog", Set.of("workflow_summary"),
            "commerce", Set.of("seller_ledger_entry"));

    private static final Pattern CREATED = Pattern.compile("(?i)create\\s+(?:table|view)\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)");
    private static final Pattern DROPPED = Pattern.compile("(?i)drop\\s+(?:table|view)\\s+(?:if\\s+exists\\s+)?([a-z_][a-z0-9_]*)");
    private static final Pattern STRING = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);
    private static final Pattern NAMED = Pattern.compile(
            "(?i)\\b(?:from|join|into|update|table)\\s+([a-z_][a-z0-9_]*)");

    @Test
    void everyTableAndViewHasAnOwningModule() throws IOException {
        Set<String> owned = Stream.concat(TABLES.values().stream(), PUBLISHED.values().stream())
                .flatMap(Set::stream).collect(Collectors.toSet());
        Set<String> created = new TreeSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            // in version order: a table a later migration drops needs no owner any more
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).sorted(Comparator.comparingInt(TableOwnershipTests::version)).toList()) {
                String sql = withoutComments(Files.readString(file));
                Matcher m = CREATED.matcher(sql);
                while (m.find()) {
                    created.add(m.group(1).toLowerCase());
                }
                Matcher d = DROPPED.matcher(sql);
                while (d.find()) {
                    created.remove(d.group(1).toLowerCase());
                }
            }
        }
        assertThat(created).as("tables and views the migrations create").isNotEmpty();
        assertThat(created.stream().filter(t -> !owned.contains(t)).toList())
                .as("tables or views without an owning module in TableOwnershipTests").isEmpty();
    }

    @Test
    void aModulesQueriesNameOnlyItsOwnTablesAndPublishedViews() throws IOException {
        List<String> trespasses = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String module = SOURCES.relativize(file).getName(0).toString();
                if (SOURCES.relativize(file).getNameCount() == 1) {
                    continue;
                }
                Matcher literal = STRING.matcher(Files.readString(file));
                while (literal.find()) {
                    String sql = literal.group(1) != null ? literal.group(1) : literal.group(2);
                    Matcher named = NAMED.matcher(sql);
                    while (named.find()) {
                        String table = named.group(1).toLowerCase();
                        String owner = ownerOf(table);
                        if (owner != null && !owner.equals(module)) {
                            trespasses.add(SOURCES.relativize(file) + " names " + table + " of " + owner);
                        }
                    }
                }
            }
        }
        assertThat(trespasses).as("queries naming another module's tables (join its published view or ask its API)").isEmpty();
    }

    @Test
    void theCheckSeesATrespass() {
        Matcher literal = STRING.matcher("jdbc.sql(\"\"\"\n select a.email from review r join account a on a.id = r.author_id\"\"\")");
        assertThat(literal.find()).isTrue();
        Matcher named = NAMED.matcher(literal.group(1));
        List<String> tables = new ArrayList<>();
        while (named.find()) {
            tables.add(named.group(1));
        }
        assertThat(tables).containsExactly("review", "account");
        assertThat(ownerOf("account")).isEqualTo("account");
        assertThat(ownerOf("account_name")).as("a published view is anyone's to read").isNull();
    }

    /** The module owning a table; null for a published view or a name that is no table. */
    private static String ownerOf(String table) {
        return TABLES.entrySet().stream().filter(e -> e.getValue().contains(table)).map(Map.Entry::getKey).findFirst().orElse(null);
    }

    /** The migration's version: V48__name.sql is 48. */
    private static int version(Path migration) {
        String name = migration.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }

    private static String withoutComments(String sql) {
        return sql.replaceAll("--[^\\n]*", "");
    }
}
