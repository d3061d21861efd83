package app.flowmarket.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Searches of signed-in people wait here and are written in batches every second, so a search costs one
 * non-blocking offer to a queue and no database write. Whether a person keeps a history is checked when the batch
 * is written. A full queue drops further entries (counted) rather than slowing searches down; at shutdown the
 * queue is written out after the web server has stopped taking requests. Removing, clearing or erasing a history
 * also forgets what is still waiting, so nothing comes back after it.
 */
@Component
class SearchHistoryBuffer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SearchHistoryBuffer.class);
    private static final int CAPACITY = 20_000;
    private static final int BATCH = 1_000;

    record Pending(UUID accountId, String key, String query, String filters, Instant searchedAt) {
    }

    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicLong dropped = new AtomicLong();
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private volatile boolean running;

    SearchHistoryBuffer(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    void add(Pending entry) {
        if (!queue.offer(entry)) {
            dropped.incrementAndGet();
        }
    }

    /** The given person's entries not yet written, oldest first. */
    List<Pending> waiting(UUID accountId) {
        List<Pending> mine = new ArrayList<>();
        for (Pending entry : queue) {
            if (entry.accountId().equals(accountId)) {
                mine.add(entry);
            }
        }
        return mine;
    }

    /**
     * Forgets the person's waiting entries, all of them or those with the given key; waits for a batch being written
     * so that whatever the caller deletes next stays deleted.
     */
    synchronized void forget(UUID accountId, @org.jspecify.annotations.Nullable String key) {
        queue.removeIf(entry -> entry.accountId().equals(accountId) && (key == null || entry.key().equals(key)));
    }

    /** Writes the person's waiting entries now (for an export that must hold everything). */
    synchronized void writeNow(UUID accountId) {
        List<Pending> mine = waiting(accountId);
        if (!mine.isEmpty() && queue.removeAll(mine)) {
            write(mine);
        }
    }

    @Scheduled(fixedDelayString = "${flowmarket.search.history-flush-interval:PT1S}")
    synchronized void flush() {
        long lost = dropped.getAndSet(0);
        if (lost > 0) {
            log.warn("Search history: {} search(es) not remembered, the write queue was full", lost);
        }
        List<Pending> batch = new ArrayList<>(BATCH);
        while (queue.drainTo(batch, BATCH) > 0) {
            try {
                write(batch);
            } catch (RuntimeException e) {
                // a lost history entry is not worth a retry loop; searches are not affected
                log.warn("Search history: {} search(es) not written: {}", batch.size(), e.toString());
            }
            batch.clear();
        }
    }

    private void write(List<Pending> entries) {
        // the latest entry per person and search wins; people who turned their history off are skipped
        Map<UUID, Map<String, Pending>> byAccount = new LinkedHashMap<>();
        for (Pending entry : entries) {
            byAccount.computeIfAbsent(entry.accountId(), id -> new LinkedHashMap<>()).merge(entry.key(), entry,
                    (a, b) -> b.searchedAt().isAfter(a.searchedAt()) ? b : a);
        }
        tx.executeWithoutResult(status -> {
            List<UUID> off = jdbc.sql("select account_id from search_history_setting where not enabled and account_id = any(?)")
                    .param(byAccount.keySet().toArray(UUID[]::new)).query(UUID.class).list();
            off.forEach(byAccount::remove);
            byAccount.forEach((accountId, latest) -> {
                for (Pending entry : latest.values()) {
                    // an account deleted meanwhile has nothing to remember (the select finds no row)
                    jdbc.sql("""
                            insert into search_history (account_id, query_key, query, filters, searched_at)
                            select a.id, ?, ?, ?, ? from account_name a where a.id = ?
                            on conflict (account_id, query_key) do update
                            set searched_at = greatest(search_history.searched_at, excluded.searched_at), query = excluded.query""")
                            .params(entry.key(), entry.query(), entry.filters(), java.sql.Timestamp.from(entry.searchedAt()), accountId)
                            .update();
                }
                jdbc.sql("""
                        delete from search_history where account_id = ? and query_key not in (
                            select query_key from search_history where account_id = ? order by searched_at desc limit ?)""")
                        .params(accountId, accountId, SearchHistory.KEEP).update();
            });
        });
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        flush();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return app.flowmarket.shared.StartupPhases.WRITE_BUFFERS;
    }
}
