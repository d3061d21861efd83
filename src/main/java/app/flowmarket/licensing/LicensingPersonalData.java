package app.flowmarket.licensing;

import java.util.List;
import java.util.Map;

import app.flowmarket.shared.PersonalData;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Licences (what the person owns) and their downloads. Licences stay with the kept orders; downloads are erased. */
@Component
class LicensingPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    LicensingPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String part() {
        return "licences";
    }

    @Override
    public void export(Subject subject, Sink sink) {
        var id = subject.account().value();
        List<Map<String, @Nullable Object>> licences = jdbc.sql("""
                select workflow_id, granted_at, revoked_at from entitlement where buyer_id = ? order by granted_at""")
                .param(id).query().listOfRows();
        sink.table("licences", "The workflows you own, since when (and when a refund took one back).", licences);
        List<Map<String, @Nullable Object>> keys = jdbc.sql("""
                select licence_key, title, tier, purchased_at, revoked_at from licence where buyer_id = ? order by purchased_at""")
                .param(id).query().listOfRows();
        sink.table("licence_keys", "The licence key of each purchase, its tier, and when a refund revoked it.", keys);
        List<Map<String, @Nullable Object>> downloads = jdbc.sql("""
                select workflow_id, workflow_version_id, downloaded_at from download where buyer_id = ? order by downloaded_at""")
                .param(id).query().listOfRows();
        sink.table("downloads", "Every download of a workflow file you made.", downloads);
    }

    @Override
    @Transactional
    public void erase(Subject subject) {
        jdbc.sql("delete from download where buyer_id = ?").param(subject.account().value()).update();
    }

    @Override
    public List<String> erasedKeys() {
        return List.of("privacy.erased.downloads");
    }
}
