package app.flowmarket.n8n;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * n8n knows templates and categories by number. A workflow or category gets its number the first time it is
 * served and keeps it for good, so a link or bookmark in someone's n8n keeps working.
 */
@Component
class TemplateIds {

    private final JdbcClient jdbc;

    TemplateIds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    Map<UUID, Long> workflows(Collection<UUID> workflowIds) {
        return numbers("n8n_template", "workflow_id", workflowIds);
    }

    long workflow(UUID workflowId) {
        return of(workflows(List.of(workflowId)), workflowId);
    }

    /** The number given to an id (every id asked for gets one). */
    static long of(Map<UUID, Long> numbers, UUID id) {
        Long number = numbers.get(id);
        if (number == null) {
            throw new IllegalStateException("no number for " + id);
        }
        return number;
    }

    @Transactional(readOnly = true)
    Optional<UUID> workflowOf(long number) {
        return jdbc.sql("select workflow_id from n8n_template where id = ?").param(number).query(UUID.class).optional();
    }

    @Transactional
    Map<UUID, Long> categories(Collection<UUID> categoryIds) {
        return numbers("n8n_category", "category_id", categoryIds);
    }

    @Transactional(readOnly = true)
    Optional<UUID> categoryOf(long number) {
        return jdbc.sql("select category_id from n8n_category where id = ?").param(number).query(UUID.class).optional();
    }

    private Map<UUID, Long> numbers(String table, String column, Collection<UUID> ids) {
        Map<UUID, Long> numbers = new HashMap<>();
        if (ids.isEmpty()) {
            return numbers;
        }
        List<UUID> ordered = ids.stream().distinct().toList();
        String select = "select id, " + column + " from " + table + " where " + column + " in (:ids)";
        jdbc.sql(select).param("ids", ordered).query(rs -> {
            numbers.put(rs.getObject(column, UUID.class), rs.getLong("id"));
        });
        List<UUID> missing = ordered.stream().filter(id -> !numbers.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            // in the order given, so a first page numbers its templates as it lists them; a number once given never changes
            for (UUID id : missing) {
                jdbc.sql("insert into " + table + " (" + column + ") values (?) on conflict do nothing").param(id).update();
            }
            jdbc.sql(select).param("ids", missing).query(rs -> {
                numbers.put(rs.getObject(column, UUID.class), rs.getLong("id"));
            });
        }
        return numbers;
    }
}
