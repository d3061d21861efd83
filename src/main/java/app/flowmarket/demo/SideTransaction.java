package app.flowmarket.demo;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * Work done beside a transaction, on a thread of its own and in a transaction of its own that commits only when told
 * to: the caller waits for the work ({@link #awaitWork}) before its own commit, so a failure on either side can still
 * roll both back, then {@link #commit}s it once its own transaction has committed (or {@link #rollBack}s it when its own
 * failed). The work must not write rows the caller's transaction writes too, or each would wait for the other.
 */
final class SideTransaction {

    private final CompletableFuture<Void> worked = new CompletableFuture<>();
    private final CompletableFuture<Boolean> verdict = new CompletableFuture<>();
    private final CompletableFuture<Void> finished = new CompletableFuture<>();

    private SideTransaction(TransactionTemplate tx, String name, Runnable work) {
        Thread.ofPlatform().name(name).daemon().start(() -> {
            try {
                tx.executeWithoutResult(status -> {
                    try {
                        work.run();
                        worked.complete(null);
                    } catch (RuntimeException | Error failure) {
                        worked.completeExceptionally(failure);
                        throw failure;
                    }
                    if (!verdict.join()) {
                        status.setRollbackOnly();
                    }
                });
                finished.complete(null);
            } catch (Throwable failure) {
                // a failure of the commit itself, after the work went well
                worked.completeExceptionally(failure);
                finished.completeExceptionally(failure);
            }
        });
    }

    static SideTransaction start(TransactionTemplate tx, String name, Runnable work) {
        return new SideTransaction(tx, name, work);
    }

    /** Waits until the work is done (not yet committed), throwing what made it fail. */
    void awaitWork() {
        try {
            worked.join();
        } catch (CompletionException failure) {
            throw failure.getCause() instanceof RuntimeException runtime ? runtime : failure;
        }
    }

    /** Commits the work (after the caller's own commit) and waits until it has. */
    void commit() {
        verdict.complete(true);
        try {
            finished.join();
        } catch (CompletionException failure) {
            throw failure.getCause() instanceof RuntimeException runtime ? runtime : failure;
        }
    }

    /** Rolls the work back, whether it is done or not, and waits until it has. */
    void rollBack() {
        verdict.complete(false);
        try {
            finished.join();
        } catch (CompletionException ignored) {
            // the work failed on its own, which rolled it back too
        }
    }
}
