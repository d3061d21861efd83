package app.flowmarket.moderation;

import java.util.Optional;
import java.util.UUID;

import app.flowmarket.catalog.CatalogManagement;
import app.flowmarket.catalog.CatalogPages;
import app.flowmarket.qa.Questions;
import app.flowmarket.review.Reviews;
import app.flowmarket.shared.StoreId;
import app.flowmarket.shared.WorkflowId;
import app.flowmarket.store.StoreManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The content the queue is about, by kind, through its module's public API: what it says, who wrote it, where it is
 * shown, and the moderators' decisions carried out (a held review, post or listing shown, a rejected one taken down:
 * a rejected listing is unpublished). A store profile a moderator rejects stays up: its author is told what to change.
 */
@Component
class ModeratedContent {

    static final java.util.List<String> REPORTABLE = java.util.List.of("workflow", "review", "question", "answer");

    private final Reviews reviews;
    private final Questions questions;
    private final CatalogPages pages;
    private final CatalogManagement catalog;
    private final StoreManagement stores;

    ModeratedContent(Reviews reviews, Questions questions, CatalogPages pages, CatalogManagement catalog, StoreManagement stores) {
        this.reviews = reviews;
        this.catalog = catalog;
        this.questions = questions;
        this.pages = pages;
        this.stores = stores;
    }

    /** Reportable content as a reporter and the queue see it; {@code workflowId} is the page it is shown on. */
    record Target(String kind, UUID id, UUID authorId, String title, String text, UUID workflowId) {
    }

    /** The slug of the workflow page a target is shown on. */
    Optional<String> slugOf(UUID workflowId) {
        return pages.anyWorkflow(WorkflowId.of(workflowId)).map(page -> page.slug());
    }

    Optional<Target> target(String kind, UUID id) {
        if (!REPORTABLE.contains(kind)) {
            return Optional.empty();
        }
        return switch (kind) {
            case "workflow" -> pages.anyWorkflow(WorkflowId.of(id)).filter(page -> page.isPublished())
                    .map(page -> new Target(kind, id, page.store().ownerId(), page.title(), page.summary(), page.id()));
            case "review" -> reviews.forModeration(id).filter(review -> !review.held())
                    .map(review -> new Target(kind, id, review.authorId(), excerpt(review.body()), review.body(), review.workflowId()));
            case "question", "answer" -> questions.forModeration(id)
                    .filter(post -> !post.held() && !post.deleted() && (post.parentId() == null) == kind.equals("question"))
                    .map(post -> new Target(kind, id, post.authorId(), excerpt(post.body()), post.body(), post.workflowId()));
            default -> Optional.empty();
        };
    }

    Optional<String> text(String kind, UUID id) {
        return switch (kind) {
            case "review" -> reviews.forModeration(id).map(Reviews.ModeratedReview::body);
            case "question", "answer" -> questions.forModeration(id).map(Questions.ModeratedPost::body);
            case "workflow" -> pages.anyWorkflow(WorkflowId.of(id)).map(page -> page.summary());
            case "store" -> stores.find(StoreId.of(id)).map(store -> store.bio());
            default -> Optional.empty();
        };
    }

    void release(String kind, UUID id) {
        switch (kind) {
            case "review" -> reviews.release(id);
            case "question", "answer" -> questions.release(id);
            case "workflow" -> catalog.release(WorkflowId.of(id));
            default -> {
            }
        }
    }

    void takeDown(String kind, UUID id) {
        switch (kind) {
            case "review" -> reviews.takeDown(id);
            case "question", "answer" -> questions.takeDown(id);
            case "workflow" -> catalog.takeDown(WorkflowId.of(id));
            default -> {
            }
        }
    }

    static String excerpt(@Nullable String text) {
        String value = text == null ? "" : text.strip();
        return value.length() <= 80 ? value : value.substring(0, 80) + "…";
    }
}
