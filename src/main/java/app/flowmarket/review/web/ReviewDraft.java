package app.flowmarket.review.web;

/** The review form as typed: shown again when the review was rejected, or filled with the review its author edits. */
public record ReviewDraft(int rating, String body) {
}
