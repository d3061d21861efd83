package app.flowmarket.review;

import java.util.List;
import java.util.Map;

import app.flowmarket.shared.PersonalData;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reviews the person wrote, their helpful votes and reports. After a deletion reviews stay, signed "Deleted user"
 * (other buyers rely on them, and ratings would change otherwise); reports, which hold the person's own words
 * about someone else's review, are erased.
 */
@Component
class ReviewPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    ReviewPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String part() {
        return "reviews";
    }

    @Override
    public void export(Subject subject, Sink sink) {
        var id = subject.account().value();
        List<Map<String, @Nullable Object>> reviews = jdbc.sql("""
                select workflow_id, rating, body, helpful_count, created_at, updated_at from review where author_id = ? order by created_at""")
                .param(id).query().listOfRows();
        sink.table("reviews", "The reviews you wrote.", reviews);
        List<Map<String, @Nullable Object>> votes = jdbc.sql("select review_id from review_vote where voter_id = ?").param(id).query().listOfRows();
        sink.table("helpful-votes", "Reviews you marked as helpful.", votes);
        List<Map<String, @Nullable Object>> reports = jdbc.sql("select review_id, reason, created_at from review_report where reporter_id = ?")
                .param(id).query().listOfRows();
        sink.table("reports", "Reviews you reported to the moderators, with your reason.", reports);
    }

    @Override
    @Transactional
    public void erase(Subject subject) {
        jdbc.sql("delete from review_report where reporter_id = ?").param(subject.account().value()).update();
    }

    @Override
    public List<String> erasedKeys() {
        return List.of("privacy.erased.reports");
    }

    @Override
    public List<String> keptKeys() {
        return List.of("privacy.kept.reviews");
    }
}
