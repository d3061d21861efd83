package app.flowmarket.search;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import app.flowmarket.account.AccountManagement;
import app.flowmarket.account.Person;
import app.flowmarket.catalog.CatalogManagement;
import app.flowmarket.catalog.WorkflowPublished;
import app.flowmarket.catalog.WorkflowVersionAdded;
import app.flowmarket.mail.Mail;
import app.flowmarket.mail.Mailer;
import app.flowmarket.mail.Recipient;
import app.flowmarket.shared.AccountId;
import app.flowmarket.shared.SiteSettings;
import app.flowmarket.shared.WorkflowId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Alerts for saved searches. A listing published or given a new version is matched against the
 * saved searches (presearch on {@link SavedSearchIndex}, then each candidate confirmed with the same
 * semantics as the search page); each (saved search, listing) pair is recorded once, so an alert is
 * never sent twice, whichever node or retry handles the event. Instant alerts go out at once, the
 * others in a daily or weekly digest.
 */
@Component
class SavedSearchAlerts {

    private static final Logger log = LoggerFactory.getLogger(SavedSearchAlerts.class);
    private static final int BATCH = 1000;
    private static final int DIGEST_MAX_ITEMS = 20;
    private static final int CHANGES_FETCH = 10_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate changes;
    private final CatalogSearch catalogSearch;
    private final CatalogManagement catalog;
    private final AccountManagement accounts;
    private final Mailer mailer;
    private final TransactionTemplate transactions;
    private final SiteSettings site;

    private final SavedSearchIndex index = new SavedSearchIndex();
    private final ReentrantLock indexLock = new ReentrantLock();
    private long indexedRevision;

    SavedSearchAlerts(JdbcClient jdbc, DataSource dataSource, CatalogSearch catalogSearch, CatalogManagement catalog,
                      AccountManagement accounts, Mailer mailer, TransactionTemplate transactions, SiteSettings site) {
        this.jdbc = jdbc;
        // the first read is every saved search: streamed (rows fetched a batch at a time in a transaction), not held whole
        this.changes = new JdbcTemplate(dataSource);
        changes.setFetchSize(CHANGES_FETCH);
        this.catalogSearch = catalogSearch;
        this.catalog = catalog;
        this.accounts = accounts;
        this.mailer = mailer;
        this.transactions = transactions;
        this.site = site;
    }

    @ApplicationModuleListener
    void on(WorkflowPublished event) {
        match(event.workflowId(), "published");
    }

    @ApplicationModuleListener
    void on(WorkflowVersionAdded event) {
        match(event.workflowId(), "v" + event.number());
    }

    /** Finds the saved searches this listing matches and records (and, for instant ones, mails) each new match. */
    int match(UUID workflowId, String reason) {
        SearchMatcher.Document listing = catalogSearch.matchDocument(workflowId).orElse(null);
        if (listing == null) {
            return 0;
        }
        List<UUID> matches = matches(listing);
        if (matches.isEmpty()) {
            return 0;
        }
        // read once for all the instant mails this listing causes
        CatalogManagement.PurchasableWorkflow workflow = catalog.purchasable(WorkflowId.of(workflowId)).orElseThrow();
        int recorded = 0;
        for (int from = 0; from < matches.size(); from += BATCH) {
            List<UUID> batch = matches.subList(from, Math.min(matches.size(), from + BATCH));
            List<Candidate> rows = jdbc.sql("""
                    select id, account_id, name, query, filters, frequency, unsubscribe_token from saved_search
                    where id in (:ids) and active and not deleted""")
                    .param("ids", batch)
                    .query(SavedSearchAlerts::candidate)
                    .list();
            for (Candidate candidate : rows) {
                // the row may have changed since the index last read it: confirm against what is stored now
                if (listing.matches(SearchQuery.parse(candidate.query(), candidate.filters())) && record(candidate, workflow, reason)) {
                    recorded++;
                }
            }
        }
        log.debug("Listing {} ({}): {} matching saved searches, {} new", workflowId, reason, matches.size(), recorded);
        return recorded;
    }

    private record Candidate(UUID id, UUID accountId, String name, String query, String filters, String frequency, String token) {
    }

    private static Candidate candidate(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Candidate(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class), rs.getString("name"),
                rs.getString("query"), rs.getString("filters"), rs.getString("frequency"), rs.getString("unsubscribe_token"));
    }

    /** Inserts the match; only the insert that creates the row sends the instant mail. */
    private boolean record(Candidate candidate, CatalogManagement.PurchasableWorkflow workflow, String reason) {
        UUID workflowId = workflow.id();
        int inserted = jdbc.sql("""
                insert into saved_search_match (saved_search_id, workflow_id, reason, matched_at) values (?, ?, ?, now())
                on conflict do nothing""").params(candidate.id(), workflowId, reason).update();
        if (inserted == 0) {
            return false;
        }
        if ("INSTANT".equals(candidate.frequency())) {
            accounts.person(AccountId.of(candidate.accountId())).ifPresent(owner -> mailer.send(Mail.to(recipient(owner))
                    .subject("mail.saved-search.instant.subject", candidate.name())
                    .paragraph("mail.saved-search.instant.body", workflow.title(), candidate.name())
                    .action("mail.saved-search.instant.action", "/workflows/" + workflow.slug())
                    .footer("mail.saved-search.footer")
                    .unsubscribe(unsubscribePath(candidate.token()))));
            jdbc.sql("update saved_search_match set mailed_at = now() where saved_search_id = ? and workflow_id = ?")
                    .params(candidate.id(), workflowId).update();
        }
        return true;
    }

    @Scheduled(fixedDelayString = "${flowmarket.search.digest-poll-interval:PT1M}", initialDelayString = "PT30S")
    void sendDueDigests() {
        sendDueDigests(Instant.now());
    }

    /**
     * Mails each daily or weekly saved search that has unmailed matches and whose period is over.
     * A saved search is claimed by moving its digest time, so one node (and one run) sends it.
     */
    int sendDueDigests(Instant now) {
        List<UUID> due = jdbc.sql("""
                select s.id from saved_search s
                where s.active and not s.deleted and (
                    (s.frequency = 'DAILY' and s.last_digest_at <= ?) or (s.frequency = 'WEEKLY' and s.last_digest_at <= ?))
                  and exists (select 1 from saved_search_match m where m.saved_search_id = s.id and m.mailed_at is null)""")
                .params(Timestamp.from(now.minus(Duration.ofDays(1))), Timestamp.from(now.minus(Duration.ofDays(7))))
                .query(UUID.class).list();
        int sent = 0;
        for (UUID id : due) {
            Boolean done = transactions.execute(status -> sendDigest(id, now));
            if (Boolean.TRUE.equals(done)) {
                sent++;
            }
        }
        return sent;
    }

    private boolean sendDigest(UUID id, Instant now) {
        Candidate search = jdbc.sql("""
                update saved_search set last_digest_at = ?
                where id = ? and active and not deleted and (
                    (frequency = 'DAILY' and last_digest_at <= ?) or (frequency = 'WEEKLY' and last_digest_at <= ?))
                returning id, account_id, name, query, filters, frequency, unsubscribe_token""")
                .params(Timestamp.from(now), id, Timestamp.from(now.minus(Duration.ofDays(1))), Timestamp.from(now.minus(Duration.ofDays(7))))
                .query(SavedSearchAlerts::candidate)
                .optional().orElse(null);
        if (search == null) {
            return false;
        }
        List<UUID> workflowIds = jdbc.sql("""
                update saved_search_match set mailed_at = ? where saved_search_id = ? and mailed_at is null returning workflow_id""")
                .params(Timestamp.from(now), id).query(UUID.class).list();
        Person owner = accounts.person(AccountId.of(search.accountId())).orElse(null);
        if (owner == null || workflowIds.isEmpty()) {
            return false;
        }
        List<String> lines = new ArrayList<>();
        for (UUID workflowId : workflowIds.subList(0, Math.min(DIGEST_MAX_ITEMS, workflowIds.size()))) {
            catalog.purchasable(WorkflowId.of(workflowId)).filter(CatalogManagement.PurchasableWorkflow::published)
                    .ifPresent(w -> lines.add(w.title() + " — " + site.url("/workflows/" + w.slug())));
        }
        if (lines.isEmpty()) {
            return false;
        }
        String results = SearchQuery.parse(search.query(), search.filters()).queryString();
        Mail mail = Mail.to(recipient(owner))
                .subject("mail.saved-search.digest.subject", lines.size(), search.name())
                .paragraph("mail.saved-search.digest.body", lines.size(), search.name());
        lines.forEach(mail::text);
        mailer.send(mail.action("mail.saved-search.digest.action", "/workflows" + (results.isEmpty() ? "" : "?" + results))
                .footer("mail.saved-search.footer")
                .unsubscribe(unsubscribePath(search.token())));
        return true;
    }

    private static Recipient recipient(Person owner) {
        return owner.recipient();
    }

    // ---- the presearch index, kept current from the database by revision ------------------------

    List<UUID> matches(SearchMatcher.Document listing) {
        catchUp();
        return index.matches(listing);
    }

    /** Brings the index up to date with the saved searches changed since it last read them (all of them, the first time). */
    int catchUp() {
        indexLock.lock();
        try {
            int[] changed = {0};
            transactions.executeWithoutResult(status -> changes.query("""
                    select id, query, filters, active and not deleted as live, revision from saved_search
                    where revision > ? order by revision""", rs -> {
                // by position, not by name: this runs for every saved search at start
                UUID id = rs.getObject(1, UUID.class);
                if (rs.getBoolean(4)) {
                    index.put(id, rs.getString(2), rs.getString(3));
                } else {
                    index.remove(id);
                }
                indexedRevision = Math.max(indexedRevision, rs.getLong(5));
                changed[0]++;
            }, indexedRevision));
            if (changed[0] > 0) {
                index.refresh();
            }
            return changed[0];
        } finally {
            indexLock.unlock();
        }
    }

    private static String unsubscribePath(String token) {
        return "/saved-searches/unsubscribe?token=" + token;
    }
}
