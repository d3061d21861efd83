package app.flowmarket.qa.web;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Text typed into one of the forms, shown again when it was refused: {@code target} is the question being
 * answered or the post being edited, null for a new question; {@code editing} tells an edit from an answer.
 */
public record QaDraft(@Nullable UUID target, boolean editing, String body) {

    public boolean asks() {
        return target == null;
    }

    public boolean answers(UUID questionId) {
        return !editing && questionId.equals(target);
    }

    public boolean edits(UUID postId) {
        return editing && postId.equals(target);
    }
}
