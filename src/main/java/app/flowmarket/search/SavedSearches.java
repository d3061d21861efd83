package app.flowmarket.search;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import app.flowmarket.shared.DomainException;
import app.flowmarket.shared.NotFoundException;
import app.flowmarket.shared.Tokens;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saved searches: a search (text and filters) kept under a name, with e-mail alerts for new matching
 * listings, instantly or as a daily or weekly digest. Each one is seen and changed only by its owner,
 * and can be switched off from the link in any of its mails.
 */
@Service
public class SavedSearches {

    /** Also said in the message saved-search.too-many. */
    static final int MAX_PER_ACCOUNT = 50;

    public enum Frequency {
        INSTANT, DAILY, WEEKLY;

        public String slug() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Optional<Frequency> from(String slug) {
            for (Frequency f : values()) {
                if (f.slug().equals(slug)) {
                    return Optional.of(f);
                }
            }
            return Optional.empty();
        }
    }

    public record SavedSearch(UUID id, String name, String query, String filters, Frequency frequency, boolean active,
                              Instant createdAt) {

        public SearchQuery search() {
            return SearchQuery.parse(query, filters);
        }

        public String url() {
            String qs = search().queryString();
            return qs.isEmpty() ? "/workflows" : "/workflows?" + qs;
        }
    }

    private final JdbcClient jdbc;

    SavedSearches(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public UUID save(UUID accountId, String rawName, SearchQuery search, String frequencySlug) {
        String name = rawName == null ? "" : rawName.strip();
        if (name.isEmpty() || name.length() > 100) {
            throw new DomainException("saved-search.name.invalid");
        }
        Frequency frequency = Frequency.from(frequencySlug).orElseThrow(() -> new DomainException("saved-search.frequency.invalid"));
        long count = jdbc.sql("select count(*) from saved_search where account_id = ? and not deleted").param(accountId)
                .query(Long.class).single();
        if (count >= MAX_PER_ACCOUNT) {
            throw new DomainException("saved-search.too-many");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into saved_search (id, account_id, name, query, filters, frequency, unsubscribe_token, last_digest_at, created_at)
                values (?, ?, ?, ?, ?, ?, ?, now(), now())""")
                .params(id, accountId, name, search.query(), search.filterQuery(), frequency.name(), Tokens.random())
                .update();
        return id;
    }

    @Transactional(readOnly = true)
    public List<SavedSearch> list(UUID accountId) {
        return jdbc.sql("""
                select id, name, query, filters, frequency, active, created_at from saved_search
                where account_id = ? and not deleted order by created_at desc""")
                .param(accountId)
                .query((rs, i) -> new SavedSearch(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("query"),
                        rs.getString("filters"), Frequency.valueOf(rs.getString("frequency")), rs.getBoolean("active"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    @Transactional
    public void changeFrequency(UUID accountId, UUID id, String frequencySlug) {
        Frequency frequency = Frequency.from(frequencySlug).orElseThrow(() -> new DomainException("saved-search.frequency.invalid"));
        owned(jdbc.sql("""
                update saved_search set frequency = ?, revision = nextval('saved_search_revision')
                where id = ? and account_id = ? and not deleted""").params(frequency.name(), id, accountId).update());
    }

    @Transactional
    public void setActive(UUID accountId, UUID id, boolean active) {
        owned(jdbc.sql("""
                update saved_search set active = ?, revision = nextval('saved_search_revision')
                where id = ? and account_id = ? and not deleted""").params(active, id, accountId).update());
    }

    /** Forgets the search; the row stays (deleted) so other nodes' matching indexes learn of it by revision. */
    @Transactional
    public void delete(UUID accountId, UUID id) {
        owned(jdbc.sql("""
                update saved_search set deleted = true, active = false, revision = nextval('saved_search_revision')
                where id = ? and account_id = ? and not deleted""").params(id, accountId).update());
    }

    /** The link in every alert: stops the alerts of that one saved search. Returns its name. */
    @Transactional
    public Optional<String> unsubscribe(String token) {
        if (token == null || token.isBlank() || token.length() > 64) {
            return Optional.empty();
        }
        return jdbc.sql("""
                update saved_search set active = false, revision = nextval('saved_search_revision')
                where unsubscribe_token = ? and not deleted returning name""")
                .param(token).query(String.class).optional();
    }

    private static void owned(int updated) {
        // someone else's saved search is "not found", never "forbidden"
        if (updated == 0) {
            throw new NotFoundException("saved-search");
        }
    }
}
