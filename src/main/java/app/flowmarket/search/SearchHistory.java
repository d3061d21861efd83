package app.flowmarket.search;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recent searches of signed-in people: the last 20, one entry per distinct search (repeating a
 * search moves it to the top), each readable and removable only by its owner. Visitors' history
 * stays in their browser.
 */
@Service
public class SearchHistory {

    static final int KEEP = 20;

    private final JdbcClient jdbc;
    private final SearchHistoryBuffer buffer;

    SearchHistory(JdbcClient jdbc, SearchHistoryBuffer buffer) {
        this.jdbc = jdbc;
        this.buffer = buffer;
    }

    /** A past search: the text typed and the filters (as a URL query string without q). */
    public record Entry(String query, String filters, Instant searchedAt) {

        public String url() {
            String q = java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8);
            return "/workflows?q=" + q + (filters.isEmpty() ? "" : "&" + filters);
        }

        public String key() {
            return keyOf(query, filters);
        }
    }

    /**
     * Remembers a search without touching the database: it is written with others a moment later (and shown by
     * {@link #recent} meanwhile), unless the person has turned their history off by then.
     */
    public void record(UUID accountId, String query, String filters) {
        String text = query == null ? "" : query.strip();
        if (accountId == null || text.isEmpty()) {
            return;
        }
        if (text.length() > 200) {
            text = text.substring(0, 200);
        }
        String cleanFilters = filters == null ? "" : filters.length() > 400 ? filters.substring(0, 400) : filters;
        buffer.add(new SearchHistoryBuffer.Pending(accountId, keyOf(text, cleanFilters), text, cleanFilters, Instant.now()));
    }

    @Transactional(readOnly = true)
    public List<Entry> recent(UUID accountId, int limit) {
        int max = Math.min(limit, KEEP);
        List<Entry> stored = jdbc.sql("select query, filters, searched_at from search_history where account_id = ? order by searched_at desc limit ?")
                .params(accountId, max).query(Entry.class).list();
        List<SearchHistoryBuffer.Pending> waiting = buffer.waiting(accountId);
        if (waiting.isEmpty() || !isEnabled(accountId)) {
            return stored;
        }
        // searches not yet written come first, newest first, each search once
        java.util.LinkedHashMap<String, Entry> merged = new java.util.LinkedHashMap<>();
        for (int i = waiting.size() - 1; i >= 0; i--) {
            var entry = waiting.get(i);
            merged.putIfAbsent(entry.key(), new Entry(entry.query(), entry.filters(), entry.searchedAt()));
        }
        stored.forEach(entry -> merged.putIfAbsent(entry.key(), entry));
        return merged.values().stream().limit(max).toList();
    }

    @Transactional
    public void remove(UUID accountId, String key) {
        buffer.forget(accountId, key);
        jdbc.sql("delete from search_history where account_id = ? and query_key = ?").params(accountId, key).update();
    }

    @Transactional
    public void clear(UUID accountId) {
        buffer.forget(accountId, null);
        jdbc.sql("delete from search_history where account_id = ?").param(accountId).update();
    }

    @Transactional(readOnly = true)
    public boolean isEnabled(UUID accountId) {
        return jdbc.sql("select enabled from search_history_setting where account_id = ?").param(accountId)
                .query(Boolean.class).optional().orElse(true);
    }

    /** Switching history off also forgets what was kept. */
    @Transactional
    public void setEnabled(UUID accountId, boolean enabled) {
        jdbc.sql("""
                insert into search_history_setting (account_id, enabled) values (?, ?)
                on conflict (account_id) do update set enabled = excluded.enabled""").params(accountId, enabled).update();
        if (!enabled) {
            clear(accountId);
        }
    }

    static String keyOf(String query, String filters) {
        String key = query.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ") + "|" + filters;
        return key.length() > 600 ? key.substring(0, 600) : key;
    }
}
