package app.flowmarket.newsletter;

import java.util.List;
import java.util.Map;

import app.flowmarket.shared.PersonalData;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Whether the person's address is on the newsletter list; it is taken off the list with the account. */
@Component
class NewsletterPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    NewsletterPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String part() {
        return "newsletter";
    }

    @Override
    public void export(Subject subject, Sink sink) {
        List<Map<String, @Nullable Object>> status = jdbc.sql("""
                select email, status, created_at, confirmed_at, unsubscribed_at from newsletter_subscriber where lower(email) = lower(?)""")
                .param(subject.email()).query().listOfRows();
        sink.table("subscription", "Your newsletter subscription (no row: not subscribed).", status);
    }

    @Override
    @Transactional
    public void erase(Subject subject) {
        jdbc.sql("delete from newsletter_subscriber where lower(email) = lower(?)").param(subject.email()).update();
    }

    @Override
    public List<String> erasedKeys() {
        return List.of("privacy.erased.newsletter");
    }
}
