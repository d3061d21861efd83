package app.flowmarket.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import app.flowmarket.IntegrationTest;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reports filed through the old one-click buttons are kept when their tables go: the migration is run on a schema of
 * its own, up to the version before it, with old reports in it.
 */
@IntegrationTest
class OldReportsMigrationIntegrationTests {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Test
    void oldReviewAndQuestionReportsMoveIntoTheReportsTableAndReviewReportsReachTheQueue() throws SQLException {
        String schema = "old_reports_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        var before = java.util.Arrays.stream(Flyway.configure().dataSource(dataSource).schemas(schema).locations("classpath:db/migration").load()
                .info().all()).map(migration -> migration.getVersion()).filter(version -> version != null && version.compareTo(MigrationVersion.fromVersion("48")) < 0)
                .max(java.util.Comparator.naturalOrder()).orElseThrow();
        Flyway.configure().dataSource(dataSource).schemas(schema).createSchemas(true).locations("classpath:db/migration").target(before).load().migrate();

        UUID review = UUID.randomUUID();
        UUID question = UUID.randomUUID();
        UUID answer = UUID.randomUUID();
        UUID author = UUID.randomUUID();
        UUID spamReporter = UUID.randomUUID();
        UUID wordyReporter = UUID.randomUUID();
        UUID workflow = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            // one transaction whose settings end with it: the connection goes back to the pool the other tests share as it was
            connection.setAutoCommit(false);
            // the rows the reports point at, without the accounts and workflows around them
            sql.execute("set local session_replication_role = replica");
            sql.execute("set local search_path to " + schema);
            sql.execute("insert into review (id, workflow_id, author_id, rating, body, created_at, updated_at) values ('%s', '%s', '%s', 1, '%s', now(), now())"
                    .formatted(review, workflow, author, "Go and buy the copy in my store, it is much cheaper and does the same thing, really"));
            sql.execute("insert into qa_post (id, workflow_id, author_id, body, created_at) values ('%s', '%s', '%s', 'A question', now())"
                    .formatted(question, workflow, author));
            sql.execute("insert into qa_post (id, workflow_id, parent_id, author_id, body, created_at) values ('%s', '%s', '%s', '%s', 'An answer', now())"
                    .formatted(answer, workflow, question, author));
            sql.execute("insert into review_report values (gen_random_uuid(), '%s', '%s', 'spam', now())".formatted(review, spamReporter));
            sql.execute("insert into review_report values (gen_random_uuid(), '%s', '%s', 'Sends buyers elsewhere', now())".formatted(review, wordyReporter));
            sql.execute("insert into qa_report values (gen_random_uuid(), '%s', '%s', '(no reason given)', now())".formatted(question, spamReporter));
            sql.execute("insert into qa_report values (gen_random_uuid(), '%s', '%s', 'offensive', now())".formatted(answer, wordyReporter));
            // the answer's report was queued when filed and still waits; the question's was decided
            sql.execute("""
                    insert into moderation_item (id, content_type, content_id, revision, author_id, title, hits, status, created_at)
                    values (gen_random_uuid(), 'answer', '%s', gen_random_uuid(), '%s', 'An answer', 'report: other', 'OPEN', now()),
                           (gen_random_uuid(), 'question', '%s', gen_random_uuid(), '%s', 'A question', 'report: other', 'APPROVED', now())"""
                    .formatted(answer, author, question, author));
            connection.commit();
        }

        Flyway.configure().dataSource(dataSource).schemas(schema).locations("classpath:db/migration").target("48").load().migrate();

        List<String> reports = jdbc.sql("""
                select content_type || ' ' || reason || ' [' || note || '] ' || status from %s.moderation_report order by 1""".formatted(schema))
                .query(String.class).list();
        assertThat(reports).containsExactly("answer offensive [] OPEN", "question other [] CLOSED", "review other [Sends buyers elsewhere] OPEN",
                "review spam [] OPEN");
        List<String> queued = jdbc.sql("""
                select title || ' | ' || hits from %s.moderation_item where content_type = 'review' and status = 'OPEN' and author_id = ? order by hits"""
                .formatted(schema)).param(author).query(String.class).list();
        assertThat(queued).containsExactly(
                "Go and buy the copy in my store, it is much cheaper and does the same thing, rea… | report: other — Sends buyers elsewhere",
                "Go and buy the copy in my store, it is much cheaper and does the same thing, rea… | report: spam");
        assertThat(jdbc.sql("select count(*) from information_schema.tables where table_schema = ? and table_name in ('review_report', 'qa_report')")
                .param(schema).query(Long.class).single()).isZero();
        jdbc.sql("drop schema " + schema + " cascade").update();
    }
}
