package app.flowmarket.audit;

import java.util.List;
import java.util.Map;

import app.flowmarket.shared.PersonalData;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Security- and money-relevant actions the person did. The log is kept after a deletion (what was done, when), but
 * its entries lose who by name, the address and the browser.
 */
@Component
class AuditPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    AuditPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String part() {
        return "activity";
    }

    @Override
    public int erasureOrder() {
        // after every other part, which may still record what it erased; before the account
        return 900;
    }

    @Override
    public void export(Subject subject, Sink sink) {
        List<Map<String, @Nullable Object>> entries = jdbc.sql("""
                select occurred_at, action, target_type, target_id, ip, user_agent from audit_entry
                where actor_id = ? order by occurred_at""").param(subject.account().value()).query().listOfRows();
        sink.table("security-log", "Security-relevant actions on your account (sign-ins, password changes, purchases), with address and browser.", entries);
    }

    @Override
    @Transactional
    public void erase(Subject subject) {
        jdbc.sql("""
                update audit_entry set actor_label = null, ip = null, user_agent = null, details = null
                where (actor_id = ? or lower(actor_label) = lower(?))
                  and (actor_label is not null or ip is not null or user_agent is not null or details is not null)""")
                .params(subject.account().value(), subject.email()).update();
    }

    @Override
    public List<String> keptKeys() {
        return List.of("privacy.kept.audit");
    }
}
