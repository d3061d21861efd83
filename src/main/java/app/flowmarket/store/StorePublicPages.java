package app.flowmarket.store;

import java.util.List;

import app.flowmarket.shared.PublicPages;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Every store's public page, for the sitemap. */
@Component
class StorePublicPages implements PublicPages {

    private final JdbcClient jdbc;

    StorePublicPages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long count() {
        return jdbc.sql("select count(*) from store").query(Long.class).single();
    }

    @Override
    public List<Entry> list(long offset, int limit) {
        return jdbc.sql("select slug, updated_at from store order by created_at, id offset :offset limit :limit")
                .param("offset", offset).param("limit", limit)
                .query((rs, row) -> new Entry("/stores/" + rs.getString("slug"), rs.getTimestamp("updated_at").toInstant()))
                .list();
    }
}
