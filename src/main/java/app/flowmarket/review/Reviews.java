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
import app.flowmarket.shared.AccountId;
import app.flowmarket.shared.Actor;
import app.flowmarket.shared.ContentScreen;
import app.flowmarket.shared.DomainException;
import app.flowmarket.shared.ForbiddenException;
import app.flowmarket.shared.NotFoundException;
import app.flowmarket.shared.StoreId;
import app.flowmarket.shared.WorkflowId;
import app.flowmarket.store.StoreManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The review module's public API. */
@Service
public class Reviews {

    static final int MAX_BODY = 5000;
    static final int MAX_REPLY = 2000;

    private final JdbcClient jdbc;
    private final Licensing licensing;
    private final CatalogManagement catalog;
    private final AuditLog auditLog;
    private final ApplicationEventPublisher events;
    private final StoreManagement stores;
    private final ContentScreen screen;

    Reviews(JdbcClient jdbc, Licensing licensing, CatalogManagement catalog, AuditLog auditLog, ApplicationEventPublisher events,
            StoreManagement stores, ContentScreen screen) {
        this.jdbc = jdbc;
        this.screen = screen;
        this.stores = stores;
        this.licensing = licensing;
        this.catalog = catalog;
        this.auditLog = auditLog;
        this.events = events;
    }

    public enum Sort { NEWEST, HELPFUL }

    /**
     * A review as the workflow page shows it: {@code authorHandle} is the author's public profile, null while it
     * is private; {@code reply} is the seller's reply, null until there is one.
     */
    public record ReviewView(UUID id, UUID authorId, String authorName, int rating, String body, int helpfulCount,
                             Instant createdAt, Instant updatedAt, boolean verifiedPurchase, @Nullable String authorHandle,
                             @Nullable String reply, @Nullable Instant repliedAt, @Nullable Instant replyUpdatedAt, boolean held) {

        public boolean edited() {
            return updatedAt.isAfter(createdAt);
        }

        public boolean replyEdited() {
            return reply != null && replyUpdatedAt != null && replyUpdatedAt.isAfter(repliedAt);
        }
    }

    /**
     * Posts the buyer's review, or updates it: one per buyer and workflow. Only someone who owns the
     * workflow may review it. The workflow's average and count are recomputed in the same transaction.
     */
    @Transactional
    public UUID post(Actor author, UUID workflowId, int rating, String body) {
        if (rating < 1 || rating > 5) {
            throw new DomainException("review.rating.invalid");
        }
        String text = body == null ? "" : body.strip();
        if (text.length() < 3 || text.length() > MAX_BODY) {
            throw new DomainException("review.body.invalid", MAX_BODY);
        }
        if (!licensing.owns(author.id(), WorkflowId.of(workflowId))) {
            throw new DomainException("review.buyers-only");
        }
        Optional<UUID> existing = jdbc.sql("select id from review where workflow_id = ? and author_id = ? for update")
                .params(workflowId, author.id().value()).query(UUID.class).optional();
        UUID id = existing.orElseGet(UUID::randomUUID);
        boolean held = screen.screen(new ContentScreen.Submission("review", id, author.id(), excerpt(text), text)) == ContentScreen.Outcome.HOLD;
        Timestamp now = Timestamp.from(Instant.now());
        // a held review stays held through edits until an admin approves it
        held = jdbc.sql("""
                insert into review (id, workflow_id, author_id, rating, body, created_at, updated_at, held) values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (workflow_id, author_id) do update set rating = excluded.rating, body = excluded.body, updated_at = excluded.updated_at,
                held = review.held or excluded.held returning held""")
                .params(id, workflowId, author.id().value(), rating, text, now, now, held)
                .query(Boolean.class).single();
        refreshRating(workflowId);
        auditLog.record(author.id().value(), author.label(), existing.isPresent() ? "review.edited" : "review.posted", "review", id, rating + "/5");
        if (!held) {
            // a held review is announced (to the seller, webhooks) once a moderator approves it
            events.publishEvent(new ReviewPosted(id, workflowId, author.id().value(), rating, existing.isEmpty()));
        }
        return id;
    }

    /**
     * Deletes the author's own review of the workflow for good (its votes go with it); the
     * workflow's average and count are recomputed in the same transaction. Deleting what is not there does nothing.
     */
    @Transactional
    public void delete(Actor author, UUID workflowId) {
        record Deleted(UUID id, int rating) {
        }
        jdbc.sql("delete from review where workflow_id = ? and author_id = ? returning id, rating")
                .params(workflowId, author.id().value()).query(Deleted.class).optional()
                .ifPresent(deleted -> {
                    refreshRating(workflowId);
                    auditLog.record(author.id().value(), author.label(), "review.deleted", "review", deleted.id(), deleted.rating() + "/5");
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
        java.util.Map<UUID, java.util.Set<AccountId>> owners = new java.util.HashMap<>();
        for (ImportedReview review : imported) {
            if (!owners.computeIfAbsent(review.workflowId(), w -> java.util.Set.copyOf(licensing.ownerIds(WorkflowId.of(w)))).contains(AccountId.of(review.authorId()))) {
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
        return ofWorkflows(List.of(workflowId), sort).getOrDefault(workflowId, List.of());
    }

    /** As {@link #ofWorkflow(UUID, Sort)}, with the viewer's own review while it waits for a moderator. */
    @Transactional(readOnly = true)
    public List<ReviewView> ofWorkflow(UUID workflowId, Sort sort, @Nullable UUID viewerId) {
        return ofWorkflows(List.of(workflowId), sort, viewerId).getOrDefault(workflowId, List.of());
    }

    /**
     * The reviews of several workflows in two queries whatever their number (the reviews, then which authors own
     * what), the latest 200 of each, by workflow id (workflows without reviews are left out).
     */
    @Transactional(readOnly = true)
    public java.util.Map<UUID, List<ReviewView>> ofWorkflows(java.util.Collection<UUID> workflowIds, Sort sort) {
        return ofWorkflows(workflowIds, sort, null);
    }

    private java.util.Map<UUID, List<ReviewView>> ofWorkflows(java.util.Collection<UUID> workflowIds, Sort sort, @Nullable UUID viewerId) {
        if (workflowIds.isEmpty()) {
            return java.util.Map.of();
        }
        String order = sort == Sort.HELPFUL ? "r.helpful_count desc, r.created_at desc" : "r.created_at desc";
        record Row(UUID workflowId, UUID id, UUID authorId, String authorName, int rating, String body, int helpfulCount,
                   Instant createdAt, Instant updatedAt, @Nullable String handle, @Nullable String reply, @Nullable Instant repliedAt,
                   @Nullable Instant replyUpdatedAt, boolean held) {
        }
        List<Row> rows = jdbc.sql("""
                select * from (
                    select r.workflow_id, r.id, r.author_id, a.display_name as author_name, r.rating, r.body, r.helpful_count,
                           r.created_at, r.updated_at, p.handle, r.reply_body, r.replied_at, r.reply_updated_at, r.held,
                           row_number() over (partition by r.workflow_id order by\s""" + order + """
                ) as position
                    from review r join account_name a on a.id = r.author_id
                    left join visible_profile p on p.account_id = r.author_id
                    where r.workflow_id in (:workflows) and (not r.held or r.author_id = :viewer)
                ) ranked where position <= 200 order by workflow_id, position""")
                .param("workflows", workflowIds)
                .param("viewer", viewerId == null ? new UUID(0, 0) : viewerId)
                .query((rs, n) -> new Row(rs.getObject("workflow_id", UUID.class), rs.getObject("id", UUID.class),
                        rs.getObject("author_id", UUID.class), rs.getString("author_name"), rs.getInt("rating"), rs.getString("body"),
                        rs.getInt("helpful_count"), rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                        rs.getString("handle"), rs.getString("reply_body"), instant(rs.getTimestamp("replied_at")),
                        instant(rs.getTimestamp("reply_updated_at")), rs.getBoolean("held")))
                .list();
        java.util.Set<Licensing.Ownership> owned = licensing.ownerships(workflowIds, rows.stream().map(Row::authorId).distinct().toList());
        java.util.Map<UUID, List<ReviewView>> reviews = new java.util.LinkedHashMap<>();
        for (Row r : rows) {
            reviews.computeIfAbsent(r.workflowId(), w -> new java.util.ArrayList<>()).add(new ReviewView(r.id(), r.authorId(),
                    r.authorName(), r.rating(), r.body(), r.helpfulCount(), r.createdAt(), r.updatedAt(),
                    owned.contains(new Licensing.Ownership(r.workflowId(), r.authorId())), r.handle(), r.reply(), r.repliedAt(),
                    r.replyUpdatedAt(), r.held()));
        }
        return reviews;
    }

    @Transactional(readOnly = true)
    public Optional<ReviewView> ofAuthor(UUID workflowId, UUID authorId) {
        return ofWorkflow(workflowId, Sort.NEWEST, authorId).stream().filter(r -> r.authorId().equals(authorId)).findFirst();
    }

    /** One helpful vote per person, never for one's own review. */
    @Transactional
    public void voteHelpful(Actor voter, UUID reviewId) {
        UUID author = jdbc.sql("select author_id from review where id = ?").param(reviewId).query(UUID.class).optional()
                .orElseThrow(() -> new NotFoundException("review"));
        if (author.equals(voter.id().value())) {
            throw new DomainException("review.vote.own");
        }
        int inserted = jdbc.sql("insert into review_vote (review_id, voter_id) values (?, ?) on conflict do nothing")
                .params(reviewId, voter.id().value()).update();
        if (inserted > 0) {
            jdbc.sql("update review set helpful_count = helpful_count + 1 where id = ?").param(reviewId).update();
        }
    }

    // ---- the seller's replies ----------------------------------------------------------------

    public enum SellerFilter { ALL, UNANSWERED, LOW_RATING }

    /** A review of one of the seller's workflows, for the seller's list. */
    public record SellerReview(UUID id, String workflowSlug, String workflowTitle, String authorName, int rating, String body,
                               Instant createdAt, @Nullable String reply, @Nullable Instant repliedAt) {
    }

    /** Reviews of the seller's workflows, newest first: all, those without a reply, or those of 1 or 2 stars. */
    @Transactional(readOnly = true)
    public List<SellerReview> ofSeller(UUID sellerId, SellerFilter filter) {
        String where = switch (filter) {
            case ALL -> "";
            case UNANSWERED -> " and r.reply_body is null";
            case LOW_RATING -> " and r.rating <= 2";
        };
        return jdbc.sql("""
                select r.id, w.slug, w.title, a.display_name, r.rating, r.body, r.created_at, r.reply_body, r.replied_at
                from review r join workflow_summary w on w.id = r.workflow_id join store_summary s on s.id = w.store_id
                join account_name a on a.id = r.author_id
                where s.owner_id = ? and not r.held\s""" + where + " order by r.created_at desc limit 500")
                .param(sellerId)
                .query((rs, n) -> new SellerReview(rs.getObject("id", UUID.class), rs.getString("slug"), rs.getString("title"),
                        rs.getString("display_name"), rs.getInt("rating"), rs.getString("body"), rs.getTimestamp("created_at").toInstant(),
                        rs.getString("reply_body"), instant(rs.getTimestamp("replied_at"))))
                .list();
    }

    /**
     * Writes or replaces the seller's one public reply to a review of their workflow. Only the owner of the
     * workflow's store may; the review's author is told the first time (event {@link ReviewReplied}).
     */
    @Transactional
    public void reply(Actor seller, UUID reviewId, String body) {
        record Target(UUID workflowId, UUID authorId, @Nullable String replyBody) {
        }
        Target target = jdbc.sql("select workflow_id, author_id, reply_body from review where id = ? for update").param(reviewId)
                .query(Target.class).optional().orElseThrow(() -> new NotFoundException("review"));
        UUID storeId = catalog.purchasable(WorkflowId.of(target.workflowId())).orElseThrow(() -> new NotFoundException("review")).storeId();
        if (!stores.owns(seller.id(), StoreId.of(storeId))) {
            throw new ForbiddenException("review.reply.sellers-only");
        }
        String text = body == null ? "" : body.strip();
        if (text.length() < 2 || text.length() > MAX_REPLY) {
            throw new DomainException("review.reply.invalid", MAX_REPLY);
        }
        boolean first = target.replyBody() == null;
        jdbc.sql("""
                update review set reply_body = ?, replied_at = coalesce(replied_at, now()), reply_updated_at = now() where id = ?""")
                .params(text, reviewId).update();
        auditLog.record(seller.id().value(), seller.label(), first ? "review.replied" : "review.reply-edited", "review", reviewId, null);
        events.publishEvent(new ReviewReplied(reviewId, target.workflowId(), target.authorId(), first));
    }

    /** Sets replies on reviews brought in with {@link #importReviews} (the demo's), dated, with no notification. */
    @Transactional
    public void importReply(UUID workflowId, UUID authorId, String body, Instant repliedAt) {
        jdbc.sql("update review set reply_body = ?, replied_at = ?, reply_updated_at = ? where workflow_id = ? and author_id = ?")
                .params(body.strip(), Timestamp.from(repliedAt), Timestamp.from(repliedAt), workflowId, authorId).update();
    }

    /** Public reviews someone wrote, newest first, with the workflow they are about (for their public profile). */
    public record AuthoredReview(UUID id, String workflowSlug, String workflowTitle, int rating, String body, Instant createdAt) {
    }

    @Transactional(readOnly = true)
    public List<AuthoredReview> byAuthor(UUID authorId, int limit) {
        return jdbc.sql("""
                select r.id, w.slug, w.title, r.rating, r.body, r.created_at from review r join workflow_summary w on w.id = r.workflow_id
                where r.author_id = ? and not r.held and w.status = 'PUBLISHED' order by r.created_at desc limit ?""")
                .params(authorId, limit)
                .query((rs, n) -> new AuthoredReview(rs.getObject("id", UUID.class), rs.getString("slug"), rs.getString("title"),
                        rs.getInt("rating"), rs.getString("body"), rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    /** A review as a moderator reads it. */
    public record ModeratedReview(UUID id, UUID workflowId, UUID authorId, String body, boolean held) {
    }

    @Transactional(readOnly = true)
    public Optional<ModeratedReview> forModeration(UUID reviewId) {
        return jdbc.sql("select id, workflow_id, author_id, body, held from review where id = ?").param(reviewId).query(ModeratedReview.class)
                .optional();
    }

    /** A moderator approved the held review: everyone sees it, and it counts in the rating. */
    @Transactional
    public void release(UUID reviewId) {
        record Released(UUID workflowId, UUID authorId, int rating) {
        }
        jdbc.sql("update review set held = false where id = ? and held returning workflow_id, author_id, rating").param(reviewId)
                .query(Released.class).optional()
                .ifPresent(released -> {
                    refreshRating(released.workflowId());
                    events.publishEvent(new ReviewPosted(reviewId, released.workflowId(), released.authorId(), released.rating(), true));
                });
    }

    /** A moderator rejected the review: it is deleted (with its votes) and the rating recomputed. */
    @Transactional
    public void takeDown(UUID reviewId) {
        jdbc.sql("delete from review where id = ? returning workflow_id").param(reviewId).query(UUID.class).optional()
                .ifPresent(this::refreshRating);
    }

    private static String excerpt(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private void refreshRating(UUID workflowId) {
        record Stats(BigDecimal average, int count) {
        }
        Stats stats = jdbc.sql("select coalesce(avg(rating), 0) as average, count(*) as count from review where workflow_id = ? and not held")
                .param(workflowId).query(Stats.class).single();
        catalog.updateRating(WorkflowId.of(workflowId), stats.average().setScale(2, RoundingMode.HALF_UP), stats.count());
    }
}
