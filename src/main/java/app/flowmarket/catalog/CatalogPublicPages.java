package app.flowmarket.catalog;

import java.util.List;

import app.flowmarket.shared.PublicPages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The catalogue's public pages for the sitemap: every published workflow, and each category's listing. */
@Configuration(proxyBeanMethods = false)
class CatalogPublicPages {

    @Bean
    PublicPages publishedWorkflowPages(JdbcClient jdbc) {
        return new PublicPages() {
            @Override
            public long count() {
                return jdbc.sql("select count(*) from workflow where status = 'PUBLISHED'").query(Long.class).single();
            }

            @Override
            public List<Entry> list(long offset, int limit) {
                return jdbc.sql("""
                        select slug, updated_at from workflow where status = 'PUBLISHED'
                        order by published_at, id offset :offset limit :limit""")
                        .param("offset", offset).param("limit", limit)
                        .query((rs, row) -> new Entry("/workflows/" + rs.getString("slug"), rs.getTimestamp("updated_at").toInstant()))
                        .list();
            }
        };
    }

    /** A category's listing changes whenever one of its workflows does: its date is its newest workflow's. */
    @Bean
    PublicPages categoryListingPages(JdbcClient jdbc) {
        return new PublicPages() {
            @Override
            public long count() {
                return jdbc.sql("select count(*) from category").query(Long.class).single();
            }

            @Override
            public List<Entry> list(long offset, int limit) {
                return jdbc.sql("""
                        select c.slug, max(w.updated_at) as updated_at from category c
                        left join workflow w on w.category_id = c.id and w.status = 'PUBLISHED'
                        group by c.id order by c.position, c.slug offset :offset limit :limit""")
                        .param("offset", offset).param("limit", limit)
                        .query((rs, row) -> new Entry("/workflows?category=" + rs.getString("slug"),
                                rs.getTimestamp("updated_at") == null ? null : rs.getTimestamp("updated_at").toInstant()))
                        .list();
            }
        };
    }
}
