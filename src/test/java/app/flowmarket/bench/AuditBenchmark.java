package app.flowmarket.bench;

import java.util.UUID;
import java.util.function.Supplier;

import app.flowmarket.IntegrationTest;
import app.flowmarket.audit.AuditTrail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark, not a test (not run by {@code ./mvnw verify}): an audit log of 5M entries over a year (10k actors, 40
 * actions, 50k addresses). Times the viewer's first page and its fiftieth page (49 keyset hops deep) unfiltered and for
 * each filter, which should all stay in milliseconds since every filter walks an index in the page order.
 * Run with {@code bench/audit.sh}; {@code -Dbench.audit} changes the size.
 */
@IntegrationTest
class AuditBenchmark {

    static final long ENTRIES = Long.getLong("bench.audit", 5_000_000L);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditTrail trail;

    @Test
    void pagesOfALargeLog() {
        long started = System.nanoTime();
        jdbc.sql("""
                insert into audit_entry (occurred_at, actor_id, actor_label, action, target_type, target_id, details, ip, user_agent)
                select now() - (g * interval '6 seconds') * (31536000.0 / 6 / ?),
                       ('00000000-0000-0000-0000-' || lpad((g % 10000)::text, 12, '0'))::uuid,
                       'person' || (g % 10000) || '@bench.example', 'bench.action-' || (g % 40), 'thing', 't' || (g % 200000),
                       'moved item ' || (g % 1000) || ' to shelf ' || (g % 37), '10.' || (g % 50) || '.' || (g % 250) || '.' || (g % 4),
                       'bench'
                from generate_series(1, ?) g""").params(ENTRIES, ENTRIES).update();
        jdbc.sql("analyze audit_entry").update();
        System.out.printf("audit-bench: %d entries written in %d ms%n", ENTRIES, (System.nanoTime() - started) / 1_000_000);

        measure("no filter", AuditTrail.Filter.none());
        measure("actor id", AuditTrail.Filter.byActor(UUID.fromString("00000000-0000-0000-0000-000000000042")));
        measure("actor e-mail", new AuditTrail.Filter("person42@bench.example", null, null, null, null, null, null, null));
        measure("action", new AuditTrail.Filter(null, "bench.action-7", null, null, null, null, null, null));
        measure("target", new AuditTrail.Filter(null, null, "thing", "t4242", null, null, null, null));
        measure("address", new AuditTrail.Filter(null, null, null, null, null, null, "10.7.7.3", null));
        measure("days", new AuditTrail.Filter(null, null, null, null, java.time.LocalDate.now().minusDays(200),
                java.time.LocalDate.now().minusDays(190), null, null));
        measure("words", new AuditTrail.Filter(null, null, null, null, null, null, null, "shelf 13"));
    }

    private void measure(String name, AuditTrail.Filter filter) {
        long first = time(() -> trail.search(filter, null));
        AuditTrail.Page page = trail.search(filter, null);
        for (int i = 0; i < 48 && page.next() != null; i++) {
            page = trail.search(filter, page.next());
        }
        String cursor = page.next();
        long deep = cursor == null ? -1 : time(() -> trail.search(filter, cursor));
        System.out.printf("audit-bench: %-12s first page %5.1f ms, page 50 %5.1f ms%n", name, first / 1e6, deep / 1e6);
    }

    private static long time(Supplier<?> run) {
        run.get();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            run.get();
            best = Math.min(best, System.nanoTime() - start);
        }
        return best;
    }
}
