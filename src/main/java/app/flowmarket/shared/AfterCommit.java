package app.flowmarket.shared;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Work that must wait for the current transaction to commit, done once per transaction however often
 * it is asked for (one eviction for a bulk import, not one per listing), and not at all on a rollback.
 * Without a transaction it runs at once.
 */
public final class AfterCommit {

    private AfterCommit() {
    }

    /** Runs the action once the current transaction has committed (at once without a transaction), never on a rollback. */
    public static void run(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new Committed(action));
    }

    /** Undoes something done outside the database (a file written) if the current transaction rolls back. */
    public static void onRollback(Runnable undo) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        undo.run();
                    }
                }
            });
        }
    }

    /** Runs the action after the commit, unless an action with an equal key is already waiting for it. */
    public static void runOnce(Object key, Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        for (TransactionSynchronization waiting : TransactionSynchronizationManager.getSynchronizations()) {
            if (waiting instanceof Once once && once.key().equals(key)) {
                return;
            }
        }
        TransactionSynchronizationManager.registerSynchronization(new Once(key, action));
    }

    private record Committed(Runnable action) implements TransactionSynchronization {

        @Override
        public void afterCompletion(int status) {
            if (status == STATUS_COMMITTED) {
                action.run();
            }
        }
    }

    // after completion, not after commit: the transaction's synchronization is over by then, so what the
    // action does (a transaction-aware cache's clear, say) happens now instead of waiting for a commit that is past
    private record Once(Object key, Runnable action) implements TransactionSynchronization {

        @Override
        public void afterCompletion(int status) {
            if (status == STATUS_COMMITTED) {
                action.run();
            }
        }
    }
}
