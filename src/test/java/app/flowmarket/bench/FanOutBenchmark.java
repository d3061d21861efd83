package app.flowmarket.bench;

import java.time.Duration;
import java.util.UUID;

import app.flowmarket.IntegrationTest;
import app.flowmarket.account.AccountManagement;
import app.flowmarket.catalog.WorkflowPublished;
import app.flowmarket.shared.AccountId;
import app.flowmarket.shared.CurrentUser;
import app.flowmarket.store.StoreManagement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.awaitility.Awaitility.await;

/**
 * Benchmark, not a test (not run by {@code ./mvnw verify}): a store with N followers publishes a
 * workflow; how long until every follower's notification is written? Run with {@code bench/fan-out.sh}.
 */
@IntegrationTest
class FanOutBenchmark {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountManagement accounts;

    @Autowired
    StoreManagement stores;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @Test
    void fanOutToFollowers() {
        for (int followers : new int[] {10_000, 100_000}) {
            for (int run = 1; run <= 3; run++) {
                System.out.printf("fan-out followers=%d run=%d: %d ms%n", followers, run, measure(followers));
            }
        }
    }

    long measure(int followers) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        CurrentUser owner = accounts.find(accounts.createVerified("bench-owner-" + tag + "@example.test", "bench-password-123", "Owner")).orElseThrow();
        stores.open(AccountId.of(owner.id()), new StoreManagement.StoreProfile("Bench " + tag, "bench-" + tag, "", null, null, null));
        UUID storeId = stores.findByOwner(AccountId.of(owner.id())).orElseThrow().id();
        jdbc.sql("""
                insert into account (id, email, password_hash, display_name, email_verified_at, created_at, updated_at)
                select gen_random_uuid(), 'bench-' || :tag || '-' || i || '@example.test', 'x', 'Follower ' || i, now(), now(), now()
                from generate_series(1, :n) i""").param("tag", tag).param("n", followers).update();
        jdbc.sql("""
                insert into store_follow (store_id, follower_id, created_at)
                select :store, id, now() from account where email like 'bench-' || :tag || '-%'""")
                .param("store", storeId).param("tag", tag).update();
        UUID workflowId = UUID.randomUUID();
        String group = "published:" + workflowId;

        long start = System.nanoTime();
        tx.executeWithoutResult(status -> events.publishEvent(new WorkflowPublished(workflowId, storeId, "bench-" + tag, "Bench workflow")));
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20)).until(() ->
                jdbc.sql("select count(*) from notification where group_key = ?").param(group).query(Long.class).single() == followers);
        return (System.nanoTime() - start) / 1_000_000;
    }
}
