package app.flowmarket.moderation;

import java.util.List;
import java.util.Map;

import app.flowmarket.shared.PersonalData;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The reports a person filed, with their words about someone else's content: exported, and erased on deletion. */
@Component
class ModerationPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    ModerationPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String part() {
        return "moderation";
    }

    @Override
    public void export(Subject subject, Sink sink) {
        List<Map<String, @Nullable Object>> reports = jdbc.sql("""
                select content_type, content_id, reason, note, status, created_at from moderation_report where reporter_id = ? order by created_at""")
                .param(subject.account().value()).query().listOfRows();
        sink.table("reports", "What you reported to the moderators, with your reason and note.", reports);
    }

    @Override
    @Transactional
    public void erase(Subject subject) {
        jdbc.sql("delete from moderation_report where reporter_id = ?").param(subject.account().value()).update();
        jdbc.sql("delete from moderation_activity where author_id = ?").param(subject.account().value()).update();
    }

    @Override
    public List<String> erasedKeys() {
        return List.of("privacy.erased.moderation-reports");
    }
}
