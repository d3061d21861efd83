package app.flowmarket.social;

import java.util.List;
import java.util.Map;

import app.flowmarket.shared.PersonalData;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The stores the person follows; erased with the account. */
@Component
class SocialPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    SocialPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String part() {
        return "follows";
    }

    @Override
    public void export(Subject subject, Sink sink) {
        List<Map<String, @Nullable Object>> follows = jdbc.sql("""
                select s.name as store, s.slug, f.created_at as followed_at from store_follow f join store_summary s on s.id = f.store_id
                where f.follower_id = ? order by f.created_at""").param(subject.account().value()).query().listOfRows();
        sink.table("stores-followed", "The stores you follow, since when.", follows);
    }

    @Override
    @Transactional
    public void erase(Subject subject) {
        jdbc.sql("delete from store_follow where follower_id = ?").param(subject.account().value()).update();
    }

    @Override
    public List<String> erasedKeys() {
        return List.of("privacy.erased.follows");
    }
}
