package app.flowmarket.qa;

import java.util.UUID;

/** Someone asked a question about a workflow (also the hook for moderation to look at new text). */
public record QuestionAsked(UUID questionId, UUID workflowId, UUID askerId) {
}
