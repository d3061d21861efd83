package app.flowmarket.review;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import app.flowmarket.audit.AuditLog;
import app.flowmarket.catalog.CatalogManagement;
import app.flowmarket.licensing.Licensing;
import app.flowmarket.shared.CurrentUser;
import app.flowmarket.shared.DomainException;
import app.flowmarket.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The review module's public API. */
@Service
public class Reviews {

    static final int MAX_BODY = 5000;

    private final JdbcClient jdbc;
    private final Licensing licensing;
    private final CatalogManagement catalog;
    private final AuditLog auditLog;
    private final ApplicationEventPublisher events;

    Reviews(JdbcClient jdbc, Licensing licensing, CatalogManagement catalog, AuditLog auditLog, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.licensing = licensing;
        this.catalog = catalog;
        this.auditLog = auditLog;
        this.events = events;
    }

    public enum Sort { NEWEST, HELPFUL }

    public record ReviewView(UUID id, UUID authorId, String authorName, int rating, String body, int helpfulCount,
                             Instant createdAt, Instant updatedAt, boolean verifiedPurchase) {

        public boolean edited() {
            return updatedAt.isAfter(createdAt);
        }
    }

    /**
     * Posts the buyer's review, or updates it: one per buyer and workflow. Only someone who owns the
     * workflow may review it. The workflow's average and count are recomputed in the same transaction.
     */
    @Transactional
    public UUID post(CurrentUser author, UUID workflowId, int rating, String body) {
        if (rating < 1 || rating > 5) {
            throw new DomainException("review.rating.invalid");
        }
        String text = body == null ? "" : body.strip();
        if (text.length() < 3 || text.length() > MAX_BODY) {
            throw new DomainException("review.body.invalid", MAX_BODY);
        }
        if (!licensing.owns(author.id(), workflowId)) {
            throw new DomainException("review.buyers-only");
        }
        Optional<UUID> existing = jdbc.sql("select id from review where workflow_id = ? and author_id = ? for update")
                .params(workflowId, author.id()).query(UUID.class).optional();
        UUID id = existing.orElseGet(UUID::randomUUID);
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                insert into review (id, workflow_id, author_id, rating, body, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)
                on conflict (workflow_id, author_id) do update set rating = excluded.rating, body = excluded.body, updated_at = excluded.updated_at""")
                .params(id, workflowId, author.id(), rating, text, now, now)
                .update();
        refreshRating(workflowId);
        auditLog.record(author.id(), author.email(), existing.isPresent() ? "review.edited" : "review.posted", "review", id, rating + "/5");
        events.publishEvent(new ReviewPosted(id, workflowId, author.id(), rating, existing.isEmpty()));
        return id;
    }

    /**
     * Deletes the author's own review of the workflow for good (its votes and reports go with it); the
     * workflow's average and count are recomputed in the same transaction. Deleting what is not there does nothing.
     */
    @Transactional
    public void delete(CurrentUser author, UUID workflowId) {
        record Deleted(UUID id, int rating) {
        }
        jdbc.sql("delete from review where workflow_id = ? and author_id = ? returning id, rating")
                .params(workflowId, author.id()).query(Deleted.class).optional()
                .ifPresent(deleted -> {
                    refreshRating(workflowId);
                    auditLog.record(author.id(), author.email(), "review.deleted", "review", deleted.id(), deleted.rating() + "/5");
                });
    }

    /** The workflow a review is about. */
    @Transactional(readOnly = true)
    public Optional<UUID> workflowOf(UUID reviewId) {
        return jdbc.sql("select workflow_id from review where id = ?").param(reviewId).query(UUID.class).optional();
    }

    /** A review written before it was brought in (the demo marketplace's), with its date. */
    public record ImportedReview(UUID workflowId, UUID authorId, int rating, String body, Instant writtenAt, List<UUID> helpfulVoters) {
    }

    /**
     * Brings in reviews with their dates in one batch and recomputes the ratings of the workflows they
     * are about. The rules of {@link #post} hold: 1-5 stars, 3 to {@value #MAX_BODY} characters, written
     * by someone who owns the workflow, one per author and workflow. No notifications are sent for them.
     */
    @Transactional
    public void importReviews(List<ImportedReview> imported) {
        for (ImportedReview review : imported) {
            String text = review.body() == null ? "" : review.body().strip();
            if (review.rating() < 1 || review.rating() > 5 || text.length() < 3 || text.length() > MAX_BODY) {
                throw new IllegalArgumentException("not a review: " + review);
            }
        }
        java.util.Map<UUID, java.util.Set<UUID>> owners = new java.util.HashMap<>();
        for (ImportedReview review : imported) {
            if (!owners.computeIfAbsent(review.workflowId(), w -> java.util.Set.copyOf(licensing.ownerIds(w))).contains(review.authorId())) {
                throw new DomainException("review.buyers-only");
            }
        }
        for (ImportedReview r : imported) {
            UUID id = UUID.randomUUID();
            List<UUID> voters = r.helpfulVoters().stream().filter(v -> !v.equals(r.authorId())).distinct().toList();
            jdbc.sql("""
                    insert into review (id, workflow_id, author_id, rating, body, helpful_count, created_at, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, r.workflowId(), r.authorId(), r.rating(), r.body().strip(), voters.size(),
                            Timestamp.from(r.writtenAt()), Timestamp.from(r.writtenAt()))
                    .update();
            for (UUID voter : voters) {
                jdbc.sql("insert into review_vote (review_id, voter_id) values (?, ?)").params(id, voter).update();
            }
        }
        owners.keySet().forEach(this::refreshRating);
    }

    @Transactional(readOnly = true)
    public List<ReviewView> ofWorkflow(UUID workflowId, Sort sort) {
        String order = sort == Sort.HELPFUL ? "r.helpful_count desc, r.created_at desc" : "r.created_at desc";
        java.util.Set<UUID> owners = java.util.Set.copyOf(licensing.ownerIds(workflowId));
        return jdbc.sql("""
                select r.id, r.author_id, a.display_name as author_name, r.rating, r.body, r.helpful_count, r.created_at, r.updated_at
                from review r join account a on a.id = r.author_id where r.workflow_id = ?\s""" + " order by " + order + " limit 200")
                .param(workflowId)
                .query((rs, n) -> new ReviewView(rs.getObject("id", UUID.class), rs.getObject("author_id", UUID.class),
                        rs.getString("author_name"), rs.getInt("rating"), rs.getString("body"), rs.getInt("helpful_count"),
                        rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                        owners.contains(rs.getObject("author_id", UUID.class))))
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<ReviewView> ofAuthor(UUID workflowId, UUID authorId) {
        return ofWorkflow(workflowId, Sort.NEWEST).stream().filter(r -> r.authorId().equals(authorId)).findFirst();
    }

    /** One helpful vote per person, never for one's own review. */
    @Transactional
    public void voteHelpful(CurrentUser voter, UUID reviewId) {
        UUID author = jdbc.sql("select author_id from review where id = ?").param(reviewId).query(UUID.class).optional()
                .orElseThrow(() -> new NotFoundException("review"));
        if (author.equals(voter.id())) {
            throw new DomainException("review.vote.own");
        }
        int inserted = jdbc.sql("insert into review_vote (review_id, voter_id) values (?, ?) on conflict do nothing")
                .params(reviewId, voter.id()).update();
        if (inserted > 0) {
            jdbc.sql("update review set helpful_count = helpful_count + 1 where id = ?").param(reviewId).update();
        }
    }

    @Transactional
    public void report(CurrentUser reporter, UUID reviewId, String reason) {
        jdbc.sql("select id from review where id = ?").param(reviewId).query(UUID.class).optional()
                .orElseThrow(() -> new NotFoundException("review"));
        String text = reason == null || reason.isBlank() ? "(no reason given)" : reason.strip();
        jdbc.sql("insert into review_report (id, review_id, reporter_id, reason, created_at) values (?, ?, ?, ?, now()) on conflict do nothing")
                .params(UUID.randomUUID(), reviewId, reporter.id(), text.substring(0, Math.min(500, text.length()))).update();
        auditLog.record(reporter.id(), reporter.email(), "review.reported", "review", reviewId, null);
    }

    private void refreshRating(UUID workflowId) {
        record Stats(BigDecimal average, int count) {
        }
        Stats stats = jdbc.sql("select coalesce(avg(rating), 0) as average, count(*) as count from review where workflow_id = ?")
                .param(workflowId).query(Stats.class).single();
        catalog.updateRating(workflowId, stats.average().setScale(2, RoundingMode.HALF_UP), stats.count());
    }
}
