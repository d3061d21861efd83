package app.flowmarket.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

class AfterCommitTests {

    private final List<String> done = new ArrayList<>();

    @AfterEach
    void clear() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void runsOncePerKeyAfterTheCommit() {
        TransactionSynchronizationManager.initSynchronization();
        AfterCommit.runOnce("caches", () -> done.add("caches"));
        AfterCommit.runOnce("caches", () -> done.add("caches again"));
        AfterCommit.runOnce("index", () -> done.add("index"));
        assertThat(done).as("nothing before the commit").isEmpty();

        complete(TransactionSynchronization.STATUS_COMMITTED);

        assertThat(done).containsExactly("caches", "index");
    }

    @Test
    void runsNothingOnARollback() {
        TransactionSynchronizationManager.initSynchronization();
        AfterCommit.runOnce("caches", () -> done.add("caches"));

        complete(TransactionSynchronization.STATUS_ROLLED_BACK);

        assertThat(done).isEmpty();
    }

    @Test
    void runsAtOnceWithoutATransaction() {
        AfterCommit.runOnce("caches", () -> done.add("caches"));
        AfterCommit.runOnce("caches", () -> done.add("caches"));

        assertThat(done).containsExactly("caches", "caches");
    }

    private static void complete(int status) {
        List<TransactionSynchronization> synchronizations = TransactionSynchronizationManager.getSynchronizations();
        TransactionSynchronizationManager.clearSynchronization();
        TransactionSynchronizationUtils.invokeAfterCompletion(synchronizations, status);
    }
}
