package app.flowmarket.qa;

import java.util.UUID;

/** Someone answered a question ({@code askerId}: who asked it). */
public record QuestionAnswered(UUID answerId, UUID questionId, UUID workflowId, UUID askerId, UUID answererId) {
}
