package app.flowmarket.qa;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import app.flowmarket.audit.AuditLog;
import app.flowmarket.catalog.CatalogManagement.PurchasableWorkflow;
import app.flowmarket.catalog.CatalogManagement;
import app.flowmarket.security.RateLimits;
import app.flowmarket.shared.Actor;
import app.flowmarket.shared.ContentScreen;
import app.flowmarket.shared.DomainException;
import app.flowmarket.shared.ForbiddenException;
import app.flowmarket.shared.Markdown;
import app.flowmarket.shared.NotFoundException;
import app.flowmarket.shared.StoreId;
import app.flowmarket.shared.WorkflowId;
import app.flowmarket.store.StoreManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Q&A module's public API. A post is a question (no parent) or an answer to one; answers have no answers.
 * Every change checks who asks for it: only authors edit (within the edit window) and delete their posts, only
 * the asker accepts an answer, nobody upvotes their own post.
 */
@Service
public class Questions {

    static final int MIN_BODY = 10;
    static final int MAX_BODY = 4000;

    private final JdbcClient jdbc;
    private final CatalogManagement catalog;
    private final StoreManagement stores;
    private final RateLimits limits;
    private final AuditLog auditLog;
    private final ApplicationEventPublisher events;
    private final QaSettings settings;
    private final ContentScreen screen;

    Questions(JdbcClient jdbc, CatalogManagement catalog, StoreManagement stores, RateLimits limits, AuditLog auditLog,
              ApplicationEventPublisher events, QaSettings settings, ContentScreen screen) {
        this.jdbc = jdbc;
        this.screen = screen;
        this.catalog = catalog;
        this.stores = stores;
        this.limits = limits;
        this.auditLog = auditLog;
        this.events = events;
        this.settings = settings;
    }

    /** One question or answer as shown: {@code html} is the sanitised Markdown, empty once deleted. */
    public record PostView(UUID id, UUID authorId, String authorName, @Nullable String authorHandle, String body, String html,
                           int upvotes, boolean accepted, boolean bySeller, boolean deleted, Instant createdAt,
                           @Nullable Instant editedAt, boolean mine, boolean upvotedByViewer, boolean editable, boolean held) {
    }

    /** A question with its answers (the accepted one first, then by upvotes, then oldest first). */
    public record QuestionView(PostView question, List<PostView> answers) {

        public boolean hasAccepted() {
            return answers.stream().anyMatch(PostView::accepted);
        }
    }

    /** The workflow's questions, the most upvoted first, as the viewer (null: a visitor) sees them. */
    @Transactional(readOnly = true)
    public List<QuestionView> ofWorkflow(UUID workflowId, @Nullable UUID viewerId) {
        UUID sellerId = sellerOf(workflowId);
        Set<UUID> upvoted = viewerId == null ? Set.of() : Set.copyOf(jdbc.sql("""
                select v.post_id from qa_vote v join qa_post p on p.id = v.post_id where p.workflow_id = ? and v.voter_id = ?""")
                .params(workflowId, viewerId).query(UUID.class).list());
        Instant editableSince = Instant.now().minus(settings.editWindow());
        record Row(UUID id, @Nullable UUID parentId, PostView view) {
        }
        List<Row> rows = jdbc.sql("""
                select p.id, p.parent_id, p.author_id, a.display_name, pp.handle, p.body, p.upvote_count, p.accepted, p.created_at,
                       p.edited_at, p.deleted_at, p.held
                from qa_post p join account_name a on a.id = p.author_id
                left join visible_profile pp on pp.account_id = p.author_id
                where p.workflow_id = ? and (not p.held or p.author_id = ?)
                order by p.parent_id nulls first, p.accepted desc, p.upvote_count desc, p.created_at""")
                .params(workflowId, viewerId == null ? new UUID(0, 0) : viewerId)
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    UUID author = rs.getObject("author_id", UUID.class);
                    boolean deleted = rs.getTimestamp("deleted_at") != null;
                    Instant created = rs.getTimestamp("created_at").toInstant();
                    Timestamp edited = rs.getTimestamp("edited_at");
                    boolean mine = author.equals(viewerId);
                    String body = deleted ? "" : rs.getString("body");
                    PostView view = new PostView(id, author, rs.getString("display_name"), rs.getString("handle"), body,
                            Markdown.toSafeHtml(body), rs.getInt("upvote_count"), rs.getBoolean("accepted"), author.equals(sellerId),
                            deleted, created, edited == null ? null : edited.toInstant(), mine, upvoted.contains(id),
                            mine && !deleted && created.isAfter(editableSince), rs.getBoolean("held"));
                    return new Row(id, rs.getObject("parent_id", UUID.class), view);
                })
                .list();
        Map<UUID, List<PostView>> answers = new LinkedHashMap<>();
        List<PostView> questions = new ArrayList<>();
        for (Row row : rows) {
            if (row.parentId() == null) {
                questions.add(row.view());
                answers.put(row.id(), new ArrayList<>());
            } else {
                answers.computeIfAbsent(row.parentId(), id -> new ArrayList<>()).add(row.view());
            }
        }
        return questions.stream()
                // a deleted question without answers has nothing left to read
                .filter(q -> !q.deleted() || !answers.getOrDefault(q.id(), List.of()).isEmpty())
                .map(q -> new QuestionView(q, List.copyOf(answers.getOrDefault(q.id(), List.of()))))
                .toList();
    }

    @Transactional(readOnly = true)
    public long count(UUID workflowId) {
        return jdbc.sql("select count(*) from qa_post where workflow_id = ? and parent_id is null and deleted_at is null and not held")
                .param(workflowId).query(Long.class).single();
    }

    /** Asks a question about a published workflow; the seller is told (event {@link QuestionAsked}). */
    @Transactional
    public UUID ask(Actor asker, UUID workflowId, String body) {
        PurchasableWorkflow workflow = catalog.purchasable(WorkflowId.of(workflowId)).filter(PurchasableWorkflow::published)
                .orElseThrow(() -> new NotFoundException("workflow"));
        String text = valid(body);
        throttle(asker);
        UUID id = UUID.randomUUID();
        boolean held = held("question", id, asker, text);
        jdbc.sql("insert into qa_post (id, workflow_id, author_id, body, created_at, held) values (?, ?, ?, ?, now(), ?)")
                .params(id, workflow.id(), asker.id().value(), text, held).update();
        auditLog.record(asker.id().value(), asker.label(), "qa.asked", "qa_post", id, null);
        if (!held) {
            // a held question is announced to the seller once a moderator approves it
            events.publishEvent(new QuestionAsked(id, workflow.id(), asker.id().value()));
        }
        return id;
    }

    /** Answers a question (not an answer, not a deleted question); the asker is told (event {@link QuestionAnswered}). */
    @Transactional
    public UUID answer(Actor answerer, UUID questionId, String body) {
        Post question = post(questionId);
        if (question.parentId() != null || question.deletedAt() != null || question.held() && !question.authorId().equals(answerer.id().value())) {
            throw new DomainException("qa.answer.not-a-question");
        }
        String text = valid(body);
        throttle(answerer);
        UUID id = UUID.randomUUID();
        boolean held = held("answer", id, answerer, text);
        jdbc.sql("insert into qa_post (id, workflow_id, parent_id, author_id, body, created_at, held) values (?, ?, ?, ?, ?, now(), ?)")
                .params(id, question.workflowId(), questionId, answerer.id().value(), text, held).update();
        auditLog.record(answerer.id().value(), answerer.label(), "qa.answered", "qa_post", id, null);
        if (!held) {
            events.publishEvent(new QuestionAnswered(id, questionId, question.workflowId(), question.authorId(), answerer.id().value()));
        }
        return id;
    }

    /** The author changes their post while the edit window is open. */
    @Transactional
    public void edit(Actor author, UUID postId, String body) {
        Post post = post(postId);
        if (!post.authorId().equals(author.id().value()) || post.deletedAt() != null) {
            throw new ForbiddenException("qa_post");
        }
        if (post.createdAt().plus(settings.editWindow()).isBefore(Instant.now())) {
            throw new DomainException("qa.edit.closed", settings.editWindow().toMinutes());
        }
        String text = valid(body);
        boolean held = held(post.parentId() == null ? "question" : "answer", postId, author, text);
        jdbc.sql("update qa_post set body = ?, edited_at = now(), held = held or ? where id = ?").params(text, held, postId).update();
        auditLog.record(author.id().value(), author.label(), "qa.edited", "qa_post", postId, null);
    }

    /** The author (or an admin) deletes a post: its text is gone, a placeholder keeps the thread readable. */
    @Transactional
    public void delete(Actor who, UUID postId) {
        Post post = post(postId);
        if (!post.authorId().equals(who.id().value()) && !who.isAdmin()) {
            throw new ForbiddenException("qa_post");
        }
        jdbc.sql("update qa_post set body = '', deleted_at = coalesce(deleted_at, now()), accepted = false where id = ?")
                .param(postId).update();
        auditLog.record(who.id().value(), who.label(), "qa.deleted", "qa_post", postId, null);
    }

    /** The asker marks one answer as the accepted one (accepting it again takes it back). */
    @Transactional
    public void accept(Actor asker, UUID answerId) {
        Post answer = post(answerId);
        if (answer.parentId() == null || answer.deletedAt() != null) {
            throw new DomainException("qa.accept.not-an-answer");
        }
        Post question = post(answer.parentId());
        if (!question.authorId().equals(asker.id().value())) {
            throw new ForbiddenException("qa_post");
        }
        boolean wasAccepted = Boolean.TRUE.equals(jdbc.sql("select accepted from qa_post where id = ? for update").param(answerId)
                .query(Boolean.class).single());
        jdbc.sql("update qa_post set accepted = false where parent_id = ? and accepted").param(question.id()).update();
        if (!wasAccepted) {
            jdbc.sql("update qa_post set accepted = true where id = ?").param(answerId).update();
        }
    }

    /** One upvote per person and post, never for one's own. */
    @Transactional
    public void upvote(Actor voter, UUID postId) {
        Post post = post(postId);
        if (post.authorId().equals(voter.id().value())) {
            throw new DomainException("qa.upvote.own");
        }
        if (post.deletedAt() != null) {
            throw new DomainException("qa.deleted-post");
        }
        if (jdbc.sql("insert into qa_vote (post_id, voter_id) values (?, ?) on conflict do nothing").params(postId, voter.id().value()).update() > 0) {
            jdbc.sql("update qa_post set upvote_count = upvote_count + 1 where id = ?").param(postId).update();
        }
    }

    /** The workflow a question or answer is under. */
    @Transactional(readOnly = true)
    public UUID workflowOf(UUID postId) {
        return post(postId).workflowId();
    }

    /** A question or an answer brought in with its date (the demo's); no notification, no limit. */
    public record ImportedPost(UUID workflowId, @Nullable UUID parentId, UUID authorId, String body, Instant writtenAt,
                               boolean accepted, List<UUID> upvoters) {
    }

    @Transactional
    public UUID importPost(ImportedPost post) {
        UUID id = UUID.randomUUID();
        List<UUID> voters = post.upvoters().stream().filter(v -> !v.equals(post.authorId())).distinct().toList();
        jdbc.sql("""
                insert into qa_post (id, workflow_id, parent_id, author_id, body, upvote_count, accepted, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(java.util.Arrays.asList(id, post.workflowId(), post.parentId(), post.authorId(), valid(post.body()), voters.size(),
                        post.accepted(), Timestamp.from(post.writtenAt())))
                .update();
        voters.forEach(voter -> jdbc.sql("insert into qa_vote (post_id, voter_id) values (?, ?)").params(id, voter).update());
        return id;
    }

    /** A question or answer as a moderator reads it. */
    public record ModeratedPost(UUID id, UUID workflowId, @Nullable UUID parentId, UUID authorId, String body, boolean held, boolean deleted) {
    }

    @Transactional(readOnly = true)
    public java.util.Optional<ModeratedPost> forModeration(UUID postId) {
        return jdbc.sql("select id, workflow_id, parent_id, author_id, body, held, deleted_at is not null as deleted from qa_post where id = ?")
                .param(postId).query(ModeratedPost.class).optional();
    }

    /** A moderator approved the held post: everyone sees it. */
    @Transactional
    public void release(UUID postId) {
        if (jdbc.sql("update qa_post set held = false where id = ? and held and deleted_at is null").param(postId).update() == 0) {
            return;
        }
        Post post = post(postId);
        if (post.parentId() == null) {
            events.publishEvent(new QuestionAsked(postId, post.workflowId(), post.authorId()));
        } else {
            events.publishEvent(new QuestionAnswered(postId, post.parentId(), post.workflowId(), post(post.parentId()).authorId(), post.authorId()));
        }
    }

    /** A moderator rejected the post: it is deleted as its author would delete it, a placeholder keeps the thread readable. */
    @Transactional
    public void takeDown(UUID postId) {
        jdbc.sql("update qa_post set body = '', deleted_at = coalesce(deleted_at, now()), accepted = false, held = false where id = ?")
                .param(postId).update();
    }

    private boolean held(String kind, UUID id, Actor author, String text) {
        String title = text.length() <= 80 ? text : text.substring(0, 80) + "…";
        return screen.screen(new ContentScreen.Submission(kind, id, author.id(), title, text)) == ContentScreen.Outcome.HOLD;
    }

    private record Post(UUID id, UUID workflowId, @Nullable UUID parentId, UUID authorId, Instant createdAt, @Nullable Instant deletedAt,
                        boolean held) {
    }

    private Post post(UUID postId) {
        return jdbc.sql("select id, workflow_id, parent_id, author_id, created_at, deleted_at, held from qa_post where id = ?").param(postId)
                .query((rs, n) -> {
                    Timestamp deleted = rs.getTimestamp("deleted_at");
                    return new Post(rs.getObject("id", UUID.class), rs.getObject("workflow_id", UUID.class),
                            rs.getObject("parent_id", UUID.class), rs.getObject("author_id", UUID.class),
                            rs.getTimestamp("created_at").toInstant(), deleted == null ? null : deleted.toInstant(), rs.getBoolean("held"));
                })
                .optional().orElseThrow(() -> new NotFoundException("question"));
    }

    private @Nullable UUID sellerOf(UUID workflowId) {
        return catalog.purchasable(WorkflowId.of(workflowId)).flatMap(w -> stores.find(StoreId.of(w.storeId()))).map(StoreManagement.StoreView::ownerId).orElse(null);
    }

    private static String valid(@Nullable String body) {
        String text = body == null ? "" : body.strip();
        if (text.length() < MIN_BODY || text.length() > MAX_BODY) {
            throw new DomainException("qa.body.invalid", MIN_BODY, MAX_BODY);
        }
        return text;
    }

    private void throttle(Actor author) {
        int perHour = settings.postsPerHour();
        if (!limits.take(new RateLimits.Limit("qa-posts", perHour, Duration.ofHours(1)), author.id().toString()).allowed()) {
            throw new DomainException("qa.too-many", perHour);
        }
    }
}
