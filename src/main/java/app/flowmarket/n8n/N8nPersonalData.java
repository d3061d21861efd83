package app.flowmarket.n8n;

import java.util.List;
import java.util.Map;

import app.flowmarket.shared.PersonalData;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The person's n8n addresses: listed in the export without their secret (only its hash is kept anyway), removed on deletion. */
@Component
class N8nPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    N8nPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String part() {
        return "n8n";
    }

    @Override
    public void export(Subject subject, Sink sink) {
        List<Map<String, @Nullable Object>> rows = jdbc.sql("""
                select name, hint as starts_with, created_at, last_used_at, revoked_at from n8n_token
                where account_id = ? order by created_at""")
                .param(subject.account().value()).query().listOfRows();
        sink.table("addresses", "The addresses you made for your n8n (the secret itself is not kept, only its first characters).", rows);
    }

    @Override
    @Transactional
    public void erase(Subject subject) {
        jdbc.sql("delete from n8n_token where account_id = ?").param(subject.account().value()).update();
    }

    @Override
    public List<String> erasedKeys() {
        return List.of("privacy.erased.n8n");
    }
}
