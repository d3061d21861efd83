package app.flowmarket.catalog;

import java.util.List;

import app.flowmarket.shared.StartupPhases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works out the minimum n8n release of n8n listings whose file was uploaded before it was kept with the listing, at
 * start and before the web server takes requests, so the catalogue's "works with n8n" filter finds them. Drafts with no
 * file yet stay unknown until their first upload.
 */
@Component
class N8nMinimumFill implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(N8nMinimumFill.class);

    private final Workflows workflows;
    private final VersionDiffs files;
    private final TransactionTemplate tx;
    private volatile boolean running;

    N8nMinimumFill(Workflows workflows, VersionDiffs files, TransactionTemplate tx) {
        this.workflows = workflows;
        this.files = files;
        this.tx = tx;
    }

    @Override
    public void start() {
        running = true;
        int filled = 0;
        for (int batch = fillSome(); batch > 0; batch = fillSome()) {
            filled += batch;
        }
        if (filled > 0) {
            log.info("Minimum n8n release worked out for {} listings uploaded before it was kept", filled);
        }
    }

    /** One batch; the number filled (0 when none is left). */
    int fillSome() {
        Integer done = tx.execute(status -> {
            List<Workflow> unknown = workflows.withoutN8nMinimum(Platform.N8N, org.springframework.data.domain.Limit.of(200));
            for (Workflow workflow : unknown) {
                // a file the store cannot read any more is kept as "no known node" rather than asked for again
                workflow.knowN8nMinimum(files.compatibility(workflow).map(needs -> N8nReleases.of(workflow.getPlatform(), needs))
                        .orElse(new N8nReleases.Minimum(null, List.of())));
            }
            return unknown.size();
        });
        return done == null ? 0 : done;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return StartupPhases.DATA_FILL;
    }
}
