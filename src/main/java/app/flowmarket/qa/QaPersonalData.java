package app.flowmarket.qa;

import java.util.List;
import java.util.Map;

import app.flowmarket.shared.PersonalData;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The questions and answers the person wrote and their upvotes (their reports are the moderation module's). Erased as a deletion by its author
 * would: the text goes, the place in the thread stays so that others' answers still read in order.
 */
@Component
class QaPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    QaPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String part() {
        return "questions";
    }

    @Override
    public void export(Subject subject, Sink sink) {
        List<Map<String, @Nullable Object>> posts = jdbc.sql("""
                select id, workflow_id, parent_id, case when parent_id is null then 'question' else 'answer' end as kind, body,
                       upvote_count, accepted, created_at, edited_at, deleted_at
                from qa_post where author_id = ? order by created_at""").param(subject.account().value()).query().listOfRows();
        sink.table("questions-and-answers", "The questions you asked and the answers you wrote under workflows.", posts);
        List<Map<String, @Nullable Object>> votes = jdbc.sql("select post_id from qa_vote where voter_id = ? order by post_id")
                .param(subject.account().value()).query().listOfRows();
        sink.table("upvotes", "The questions and answers you upvoted.", votes);
    }

    @Override
    @Transactional
    public void erase(Subject subject) {
        jdbc.sql("update qa_post set body = '', deleted_at = coalesce(deleted_at, now()) where author_id = ?")
                .param(subject.account().value()).update();
    }

    @Override
    public List<String> erasedKeys() {
        return List.of("privacy.erased.questions");
    }
}
