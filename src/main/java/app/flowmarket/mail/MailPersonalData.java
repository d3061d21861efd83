package app.flowmarket.mail;

import java.util.List;
import java.util.Map;

import app.flowmarket.shared.PersonalData;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The mails sent to the person (kept in the outbox); forgotten with the account once delivered, as are delivered
 * mails to others that named the person.
 */
@Component
class MailPersonalData implements PersonalData {

    private final JdbcClient jdbc;
    private final Mailer mailer;

    MailPersonalData(JdbcClient jdbc, Mailer mailer) {
        this.jdbc = jdbc;
        this.mailer = mailer;
    }

    @Override
    public String part() {
        return "mails";
    }

    @Override
    public void export(Subject subject, Sink sink) {
        List<Map<String, @Nullable Object>> mails = jdbc.sql("""
                select subject, created_at, sent_at from mail_outbox where lower(recipient) = lower(?) order by created_at""")
                .param(subject.email()).query().listOfRows();
        sink.table("sent-to-you", "The e-mails we sent you: subject and when (their text may name other people, such as a new follower of your store).", mails);
    }

    @Override
    public void erase(Subject subject) {
        mailer.forget(subject.email());
        mailer.forgetMentions(subject.email());
        mailer.forgetMentions(subject.displayName());
    }

    @Override
    public List<String> erasedKeys() {
        return List.of("privacy.erased.mails");
    }
}
