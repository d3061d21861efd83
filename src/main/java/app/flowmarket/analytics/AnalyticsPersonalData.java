package app.flowmarket.analytics;

import java.util.List;

import app.flowmarket.shared.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Analytics' part: the days a person used the site signed in and the day of their first order, kept for the
 * platform's counts. The daily totals they were added to stay (they name nobody).
 */
@Component
class AnalyticsPersonalData implements PersonalData {

    private final JdbcClient jdbc;
    private final TopLists tops;

    AnalyticsPersonalData(JdbcClient jdbc, TopLists tops) {
        this.jdbc = jdbc;
        this.tops = tops;
    }

    @Override
    public String part() {
        return "analytics";
    }

    @Override
    public void export(Subject subject, Sink sink) {
        sink.table("active-days", "The days you used Flowmarket signed in (UTC days), counted in the platform's active accounts.",
                jdbc.sql("select day from platform_active_day where account_id = ? order by day")
                        .param(subject.account().value()).query().listOfRows());
        sink.table("first-order", "The day of your first paid order, counted in the platform's new buyers.",
                jdbc.sql("select first_order_day from platform_buyer where account_id = ?")
                        .param(subject.account().value()).query().listOfRows());
    }

    @Override
    @Transactional
    public void erase(Subject subject) {
        // the stored active counts of the days it was active on no longer hold
        jdbc.sql("update platform_closed_version set version = version + 1").update();
        tops.closedDaysWritten();
        jdbc.sql("delete from platform_active_day where account_id = ?").param(subject.account().value()).update();
        jdbc.sql("delete from platform_account_last where account_id = ?").param(subject.account().value()).update();
        jdbc.sql("delete from platform_buyer where account_id = ?").param(subject.account().value()).update();
    }

    @Override
    public List<String> erasedKeys() {
        return List.of("privacy.erased.analytics");
    }
}
