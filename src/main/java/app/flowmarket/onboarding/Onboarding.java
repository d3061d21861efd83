package app.flowmarket.onboarding;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import app.flowmarket.shared.AccountId;
import app.flowmarket.shared.PersonalData;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where each person is in the buyer's and the seller's tour. A tour nobody has seen is {@link Status#NEW}
 * and starts by itself; one left half-way resumes at its step; a finished or skipped one starts again only
 * when asked for (the help menu).
 */
@Service
public class Onboarding implements PersonalData {

    public enum Tour {
        BUYER, SELLER;

        public String value() {
            return name().toLowerCase();
        }
    }

    public enum Status { NEW, STARTED, SKIPPED, FINISHED }

    public record Progress(Tour tour, Status status, int step) {

        /** Whether the tour shows by itself on the next page. */
        public boolean pending() {
            return status == Status.NEW || status == Status.STARTED;
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    Onboarding(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.clock = Clock.systemUTC();
    }

    @Transactional(readOnly = true)
    public Progress progress(AccountId account, Tour tour) {
        return jdbc.sql("select status, step from onboarding_tour where account_id = ? and tour = ?")
                .param(account.value()).param(tour.value())
                .query((rs, n) -> new Progress(tour, Status.valueOf(rs.getString("status")), rs.getInt("step")))
                .optional().orElse(new Progress(tour, Status.NEW, 0));
    }

    /** The person moved to a step (counted from 0); the tour resumes there. */
    @Transactional
    public void reached(AccountId account, Tour tour, int step) {
        save(account, tour, Status.STARTED, Math.max(0, step));
    }

    @Transactional
    public void skip(AccountId account, Tour tour, int step) {
        save(account, tour, Status.SKIPPED, Math.max(0, step));
    }

    @Transactional
    public void finish(AccountId account, Tour tour) {
        save(account, tour, Status.FINISHED, 0);
    }

    /** Asked for again: from its first step. */
    @Transactional
    public void restart(AccountId account, Tour tour) {
        save(account, tour, Status.STARTED, 0);
    }

    private void save(AccountId account, Tour tour, Status status, int step) {
        jdbc.sql("""
                insert into onboarding_tour (account_id, tour, status, step, updated_at) values (?, ?, ?, ?, ?)
                on conflict (account_id, tour) do update set status = excluded.status, step = excluded.step, updated_at = excluded.updated_at""")
                .param(account.value()).param(tour.value()).param(status.name()).param(step)
                .param(java.sql.Timestamp.from(Instant.now(clock)))
                .update();
    }

    @Override
    public String part() {
        return "onboarding";
    }

    @Override
    public void export(Subject subject, Sink sink) {
        List<Map<String, @Nullable Object>> rows = jdbc.sql("select tour, status, step, updated_at from onboarding_tour where account_id = ? order by tour")
                .param(subject.account().value()).query().listOfRows();
        sink.table("tours", "How far you got in the guided tours of the site (buyer, seller), and when.", rows);
    }

    @Override
    public void erase(Subject subject) {
        jdbc.sql("delete from onboarding_tour where account_id = ?").param(subject.account().value()).update();
    }
}
