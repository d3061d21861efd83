package app.flowmarket.api;

import java.util.List;

import app.flowmarket.shared.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The API's part: the person's access tokens, listed without their values (only hashes are kept), deleted with the account. */
@Component
class ApiPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    ApiPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String part() {
        return "api";
    }

    @Override
    public void export(Subject subject, Sink sink) {
        sink.table("access-tokens", "Your API access tokens: name, scopes, when created, expiring, last used and revoked (never the token itself).",
                jdbc.sql("""
                        select name, token_prefix as starts_with, scopes, created_at, expires_at, last_used_at, revoked_at
                        from api_token where account_id = ? order by created_at""")
                        .param(subject.account().value()).query().listOfRows());
    }

    @Override
    @Transactional
    public void erase(Subject subject) {
        jdbc.sql("delete from api_token where account_id = ?").param(subject.account().value()).update();
    }

    @Override
    public List<String> erasedKeys() {
        return List.of("privacy.erased.api");
    }
}
