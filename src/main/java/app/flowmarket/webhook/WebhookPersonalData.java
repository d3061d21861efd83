package app.flowmarket.webhook;

import java.util.List;

import app.flowmarket.shared.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The webhooks' part: a seller's endpoints and their deliveries (never the signing secrets), deleted with the account. */
@Component
class WebhookPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    WebhookPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String part() {
        return "webhooks";
    }

    @Override
    public void export(Subject subject, Sink sink) {
        sink.table("endpoints", "Your webhook endpoints: address, description, events, whether enabled, when created (never the secret).",
                jdbc.sql("""
                        select url, description, events, enabled, disabled_reason, created_at
                        from webhook_endpoint where account_id = ? order by created_at""")
                        .param(subject.account().value()).query().listOfRows());
        sink.table("deliveries", "Messages sent to your endpoints: event, status, attempts, the answer's status and excerpt.",
                jdbc.sql("""
                        select e.url, d.message_id, d.event_type, d.status, d.attempts, d.last_status_code, d.last_response, d.created_at
                        from webhook_delivery d join webhook_endpoint e on e.id = d.endpoint_id
                        where e.account_id = ? order by d.created_at""")
                        .param(subject.account().value()).query().listOfRows());
    }

    @Override
    @Transactional
    public void erase(Subject subject) {
        jdbc.sql("delete from webhook_endpoint where account_id = ?").param(subject.account().value()).update();
    }

    @Override
    public List<String> erasedKeys() {
        return List.of("privacy.erased.webhooks");
    }
}
