package app.flowmarket.shared;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Screens a workflow listing (its texts, price and current file) inside the transaction that saves or publishes it:
 * the catalogue asks, the moderation module answers (a port, as {@link ContentScreen}, because moderation depends on
 * the catalogue to carry out its decisions). A blocking rule refuses the change; a holding one keeps the listing
 * hidden until an admin approves it.
 */
public interface ListingScreen {

    /** What a rule does when it hits, as admins configured it. */
    enum Outcome { OFF, FLAG, HOLD, BLOCK }

    /** {@code revision} is the current file version (null before the first), {@code file} its content. */
    record Listing(WorkflowId workflowId, AccountId seller, String title, String summary, String description, Money price,
                   @Nullable UUID categoryId, @Nullable UUID revision, byte @Nullable [] file) {
    }

    /** {@code held}: hide the listing until approved, and why (the rules' hits, secrets masked); empty hits when nothing was found. */
    record Verdict(boolean held, List<String> hits) {
    }

    /** The secrets a file holds, one line each naming the node and the field, and what the secret rule does with them. */
    record Secrets(List<String> findings, Outcome outcome) {

        public boolean any() {
            return !findings.isEmpty() && outcome != Outcome.OFF;
        }
    }

    /**
     * Runs the rules; what they find is queued.
     *
     * @throws DomainException when a blocking rule refuses it, naming the rule (for secrets: the node and the field)
     */
    Verdict screen(Listing listing);

    /** Scans a workflow file for secrets without saving or queueing anything, for the upload page. */
    Secrets secrets(byte[] file);
}
