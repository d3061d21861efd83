package app.flowmarket.review;

import java.util.List;
import java.util.Map;

import app.flowmarket.shared.PersonalData;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reviews the person wrote and their helpful votes. After a deletion reviews stay, signed "Deleted user"
 * (other buyers rely on them, and ratings would change otherwise). The person's reports are the moderation module's.
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
    }

    @Override
    public void erase(Subject subject) {
        // nothing to erase: the reviews stay, signed "Deleted user"
    }

    @Override
    public List<String> keptKeys() {
        return List.of("privacy.kept.reviews");
    }
}
