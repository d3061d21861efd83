package app.flowmarket.payout;

import java.util.List;

import app.flowmarket.shared.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The payouts' part: a seller's bank details and payouts. Deleting the account deletes the bank details; payouts are
 * money records and are kept, without the account holder's name and with only the account's last four characters.
 */
@Component
class PayoutPersonalData implements PersonalData {

    private static final String OWN_STORE = "(select id from store_summary where owner_id = ?)";

    private final JdbcClient jdbc;

    PayoutPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String part() {
        return "payouts";
    }

    @Override
    public void export(Subject subject, Sink sink) {
        sink.table("bank-details", "The bank account your payouts go to: holder, the account's last four characters, when it was saved.",
                jdbc.sql("select account_holder, account_last4, is_iban, updated_at from payout_method where store_id in " + OWN_STORE)
                        .param(subject.account().value()).query().listOfRows());
        sink.table("payouts", "Payouts made to you: amount, currency, status, the bank's reference, when created and settled.",
                jdbc.sql("""
                        select id, amount_minor, currency, status, reference, account_last4, created_at, settled_at
                        from payout where store_id in %s order by created_at""".formatted(OWN_STORE))
                        .param(subject.account().value()).query().listOfRows());
    }

    @Override
    @Transactional
    public void erase(Subject subject) {
        jdbc.sql("delete from payout_method where store_id in " + OWN_STORE).param(subject.account().value()).update();
        jdbc.sql("update payout set account_holder = '', account_number = account_last4 where store_id in " + OWN_STORE)
                .param(subject.account().value()).update();
    }

    @Override
    public List<String> erasedKeys() {
        return List.of("privacy.erased.payouts");
    }

    @Override
    public List<String> keptKeys() {
        return List.of("privacy.kept.payouts");
    }
}
