package app.flowmarket.privacy;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import app.flowmarket.shared.PersonalData;

/**
 * Events already handled that named the person (a password change carries the address) stay in Spring Modulith's
 * publication log; a deletion removes them. Events still to be handled are left for their listeners.
 */
@Component
class EventLogPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    EventLogPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String part() {
        return "event-log";
    }

    @Override
    public int erasureOrder() {
        return 950;
    }

    @Override
    public void export(Subject subject, Sink sink) {
        // internal messages between parts of the site: everything they say is in the other parts
    }

    @Override
    @Transactional
    public void erase(Subject subject) {
        for (String table : new String[] {"event_publication", "event_publication_archive"}) {
            jdbc.sql("delete from " + table + " where completion_date is not null and (position(lower(?) in lower(serialized_event)) > 0"
                    + " or position(lower(?) in lower(serialized_event)) > 0 or position(lower(?) in lower(serialized_event)) > 0)")
                    .params(subject.email(), subject.displayName(), subject.account().value().toString()).update();
        }
    }
}
