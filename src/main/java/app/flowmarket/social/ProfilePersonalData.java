package app.flowmarket.social;

import java.util.List;
import java.util.Map;

import app.flowmarket.shared.PersonalData;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The person's public profile and the purchases they chose to show on it; erased with the account, so it shows nothing. */
@Component
class ProfilePersonalData implements PersonalData {

    private final JdbcClient jdbc;

    ProfilePersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String part() {
        return "profile";
    }

    @Override
    public void export(Subject subject, Sink sink) {
        List<Map<String, @Nullable Object>> profile = jdbc.sql("""
                select handle, bio, visible, show_purchases, show_following, updated_at from public_profile where account_id = ?""")
                .param(subject.account().value()).query().listOfRows();
        sink.table("public-profile", "Your public profile at /u/{handle}: its text and what it shows.", profile);
        List<Map<String, @Nullable Object>> shown = jdbc.sql("select workflow_id from public_purchase where account_id = ? order by workflow_id")
                .param(subject.account().value()).query().listOfRows();
        sink.table("purchases-shown", "The purchases you chose to show on your public profile.", shown);
    }

    @Override
    @Transactional
    public void erase(Subject subject) {
        jdbc.sql("delete from public_purchase where account_id = ?").param(subject.account().value()).update();
        jdbc.sql("delete from public_profile where account_id = ?").param(subject.account().value()).update();
    }

    @Override
    public List<String> erasedKeys() {
        return List.of("privacy.erased.profile");
    }
}
