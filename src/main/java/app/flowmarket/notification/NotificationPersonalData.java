package app.flowmarket.notification;

import java.util.List;
import java.util.Map;

import app.flowmarket.shared.PersonalData;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The person's notifications, notification settings and push subscriptions. On deletion they are erased, and
 * other people's notifications that named the person (a new follower, a question, an answer) lose the name.
 */
@Component
class NotificationPersonalData implements PersonalData {

    /** Notifications whose body is the name of the person who did something (followed, asked, answered). */
    private static final List<String> NAMING_SOMEONE = List.of("NEW_FOLLOWER", "NEW_QUESTION", "NEW_ANSWER");

    private final JdbcClient jdbc;

    NotificationPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String part() {
        return "notifications";
    }

    @Override
    public void export(Subject subject, Sink sink) {
        var id = subject.account().value();
        List<Map<String, @Nullable Object>> notifications = jdbc.sql("""
                select type, subject, case when type in (:naming) then '' else body end as body, link, count, created_at, updated_at, read_at
                from notification
                where recipient_id = :id order by updated_at desc""").param("naming", NAMING_SOMEONE).param("id", id).query().listOfRows();
        // who followed a seller's store, asked or answered is that person's data, not the recipient's
        sink.table("notifications", "Your in-app notifications (without the names of the people who followed your store, asked or answered).",
                notifications);
        List<Map<String, @Nullable Object>> preferences = jdbc.sql("""
                select type, channel, enabled from notification_preference where account_id = ? order by type, channel""")
                .param(id).query().listOfRows();
        sink.table("preferences", "The notification settings you changed (the others are at their defaults).", preferences);
        List<Map<String, @Nullable Object>> push = jdbc.sql("select endpoint, created_at from push_subscription where account_id = ?")
                .param(id).query().listOfRows();
        sink.table("push-subscriptions", "Browsers you allowed to show push notifications.", push);
    }

    @Override
    @Transactional
    public void erase(Subject subject) {
        var id = subject.account().value();
        jdbc.sql("delete from notification where recipient_id = ?").param(id).update();
        jdbc.sql("delete from notification_preference where account_id = ?").param(id).update();
        jdbc.sql("delete from push_subscription where account_id = ?").param(id).update();
        jdbc.sql("update notification set body = '' where type in (:naming) and body = :name")
                .param("naming", NAMING_SOMEONE).param("name", subject.displayName()).update();
    }

    @Override
    public List<String> erasedKeys() {
        return List.of("privacy.erased.notifications");
    }
}
