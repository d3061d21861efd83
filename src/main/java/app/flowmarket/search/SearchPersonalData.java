package app.flowmarket.search;

import java.util.List;
import java.util.Map;

import app.flowmarket.shared.PersonalData;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Search history, its setting, and saved searches. Erased saved searches keep an empty row marked deleted, so
 * every node's matching index learns of the deletion by revision, as when a person deletes one.
 */
@Component
class SearchPersonalData implements PersonalData {

    private final JdbcClient jdbc;
    private final SearchHistoryBuffer historyBuffer;

    SearchPersonalData(JdbcClient jdbc, SearchHistoryBuffer historyBuffer) {
        this.jdbc = jdbc;
        this.historyBuffer = historyBuffer;
    }

    @Override
    public String part() {
        return "searches";
    }

    @Override
    public void export(Subject subject, Sink sink) {
        var id = subject.account().value();
        historyBuffer.writeNow(id);
        List<Map<String, @Nullable Object>> history = jdbc.sql("""
                select query, filters, searched_at from search_history where account_id = ? order by searched_at desc""")
                .param(id).query().listOfRows();
        sink.table("history", "Your recent searches.", history);
        List<Map<String, @Nullable Object>> setting = jdbc.sql("select enabled as history_kept from search_history_setting where account_id = ?")
                .param(id).query().listOfRows();
        sink.table("history-setting", "Whether you keep a search history (no row: the default, kept).", setting);
        List<Map<String, @Nullable Object>> saved = jdbc.sql("""
                select name, query, filters, frequency, active, created_at, last_digest_at from saved_search
                where account_id = ? and not deleted order by created_at""").param(id).query().listOfRows();
        sink.table("saved-searches", "Your saved searches and how often they alert you.", saved);
    }

    @Override
    @Transactional
    public void erase(Subject subject) {
        var id = subject.account().value();
        historyBuffer.forget(id, null);
        jdbc.sql("delete from search_history where account_id = ?").param(id).update();
        jdbc.sql("delete from search_history_setting where account_id = ?").param(id).update();
        jdbc.sql("""
                delete from saved_search_match where saved_search_id in (select s.id from saved_search s where s.account_id = ?)""")
                .param(id).update();
        jdbc.sql("""
                update saved_search set deleted = true, active = false, name = '', query = '', filters = '',
                    revision = nextval('saved_search_revision')
                where account_id = ? and (not deleted or name <> '' or query <> '')""").param(id).update();
    }

    @Override
    public List<String> erasedKeys() {
        return List.of("privacy.erased.searches");
    }
}
