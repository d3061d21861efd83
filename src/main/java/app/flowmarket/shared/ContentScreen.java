package app.flowmarket.shared;

import java.util.UUID;

/**
 * Screens what people write before it is saved: the modules that keep reviews, questions, answers and store profiles
 * ask it, the moderation module answers (a port, so those modules need not depend on moderation, which depends on
 * them to carry out its decisions). Called inside the saving transaction: what it queues goes with the content.
 */
public interface ContentScreen {

    /** What to do with the content: show it, or keep it hidden from everyone but its author until an admin approves it. */
    enum Outcome { PUBLISH, HOLD }

    /** {@code kind} is review, question, answer or store; {@code title} names the content in the queue. */
    record Submission(String kind, UUID contentId, AccountId author, String title, String text) {
    }

    /**
     * Runs the rules on the submission; a flagged one is queued and published, a held one is queued and hidden.
     *
     * @throws DomainException when a blocking rule refuses it, with a message naming what to change
     */
    Outcome screen(Submission submission);
}
