package app.flowmarket.licensing;

import java.util.List;
import java.util.Map;

import app.flowmarket.shared.PersonalData;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Licences (what the person owns), their seats and downloads. Licences and the seats their buyer gave stay with the kept
 * orders; downloads, and seats on other people's licences given to the person's address, are erased.
 */
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
        List<Map<String, @Nullable Object>> given = jdbc.sql("""
                select l.licence_key, s.email, s.assigned_at from licence_seat s join licence l on l.id = s.licence_id
                where l.buyer_id = ? order by s.assigned_at""").param(id).query().listOfRows();
        sink.table("licence_seats_given", "The addresses you gave a seat of your licences to, and when.", given);
        List<Map<String, @Nullable Object>> held = jdbc.sql("""
                select l.title, s.assigned_at, l.revoked_at from licence_seat s join licence l on l.id = s.licence_id
                where s.email = lower(?) order by s.assigned_at""").param(subject.email()).query().listOfRows();
        sink.table("licence_seats_held", "The seats other buyers gave your address: the licence's title, since when, and whether it was refunded.", held);
        List<Map<String, @Nullable Object>> downloads = jdbc.sql("""
                select workflow_id, workflow_version_id, downloaded_at from download where buyer_id = ? order by downloaded_at""")
                .param(id).query().listOfRows();
        sink.table("downloads", "Every download of a workflow file you made.", downloads);
    }

    @Override
    @Transactional
    public void erase(Subject subject) {
        jdbc.sql("delete from download where buyer_id = ?").param(subject.account().value()).update();
        jdbc.sql("delete from licence_seat where email = lower(?)").param(subject.email()).update();
    }

    @Override
    public List<String> erasedKeys() {
        return List.of("privacy.erased.downloads", "privacy.erased.seats");
    }
}
