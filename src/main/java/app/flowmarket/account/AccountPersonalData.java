package app.flowmarket.account;

import java.util.List;
import java.util.Map;

import app.flowmarket.audit.AuditLog;
import app.flowmarket.shared.PersonalData;
import app.flowmarket.shared.Tokens;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The account's part: profile, roles, language, and the links mailed to it. Erased last: the row stays (orders and
 * the ledger point at it) as "Deleted user" with an address that reaches nobody and a password nobody knows.
 */
@Component
class AccountPersonalData implements PersonalData {

    static final String DELETED_NAME = "Deleted user";

    private final JdbcClient jdbc;
    private final AuditLog audit;

    AccountPersonalData(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Override
    public String part() {
        return "account";
    }

    @Override
    public int erasureOrder() {
        return 1000;
    }

    @Override
    public void export(Subject subject, Sink sink) {
        List<Map<String, @Nullable Object>> profile = jdbc.sql("""
                select id, email, display_name, locale as language, email_verified_at, created_at, updated_at,
                       (select string_agg(role, ' ' order by role) from account_role r where r.account_id = a.id) as roles
                from account a where id = ?""").param(subject.account().value()).query().listOfRows();
        sink.table("profile", "Your account: e-mail address, name, language, roles, and when it was created and verified.", profile);
        List<Map<String, @Nullable Object>> tokens = jdbc.sql("""
                select purpose, created_at, expires_at, used_at from account_token where account_id = ? order by created_at""")
                .param(subject.account().value()).query().listOfRows();
        sink.table("mailed-links", "E-mail verification and password-reset links we sent you (when, until when, whether used; never the link itself).", tokens);
    }

    @Override
    @Transactional
    public void erase(Subject subject) {
        jdbc.sql("delete from account_token where account_id = ?").param(subject.account().value()).update();
        jdbc.sql("delete from account_role where account_id = ?").param(subject.account().value()).update();
        int changed = jdbc.sql("""
                update account set email = ?, display_name = ?, password_hash = ?, email_verified_at = null, updated_at = now(),
                    version = version + 1
                where id = ? and display_name <> ?""")
                .params("deleted-" + subject.account().value() + "@deleted.invalid", DELETED_NAME,
                        "{deleted}" + Tokens.random(), subject.account().value(), DELETED_NAME)
                .update();
        if (changed > 0) {
            audit.record(subject.account().value(), null, "account.deleted", "account", subject.account().value(), null);
        }
    }

    @Override
    public List<String> erasedKeys() {
        return List.of("privacy.erased.account");
    }

    @Override
    public List<String> keptKeys() {
        return List.of("privacy.kept.account");
    }
}
