package app.flowmarket.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Tracked events wait here, in memory, and are written in batches every couple of seconds, so a page
 * costs one non-blocking offer to a queue and no database work. When the queue is full (the database is
 * down for a while) further events are dropped and counted rather than slowing pages down; at shutdown
 * the queue is written out after the web server has stopped taking requests.
 */
@Component
class TrackingBuffer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TrackingBuffer.class);
    private static final int BATCH = 2_000;

    private final BlockingQueue<Hit> queue;
    private final AnalyticsWriter writer;
    private final VisitorHashes hashes;
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean running;

    TrackingBuffer(AnalyticsSettings settings, AnalyticsWriter writer, VisitorHashes hashes) {
        this.queue = new ArrayBlockingQueue<>(Math.max(1, settings.bufferCapacity()));
        this.writer = writer;
        this.hashes = hashes;
    }

    void add(Hit hit) {
        if (!queue.offer(hit)) {
            dropped.incrementAndGet();
        }
    }

    @Scheduled(fixedDelayString = "${flowmarket.analytics.flush-interval:PT2S}")
    synchronized void flush() {
        long lost = dropped.getAndSet(0);
        if (lost > 0) {
            log.warn("Analytics: {} event(s) dropped, the write queue was full", lost);
        }
        List<Hit> hits = new ArrayList<>(BATCH);
        while (queue.drainTo(hits, BATCH) > 0) {
            try {
                writer.write(hits);
            } catch (RuntimeException e) {
                // statistics are not worth a retry loop: the batch is lost, pages are not affected
                log.warn("Analytics: {} event(s) not written: {}", hits.size(), e.toString());
            }
            hits.clear();
        }
    }

    /**
     * Writes the given events at once, after whatever their visitor still has waiting here (their landing page,
     * which the events are credited to); everybody else's events stay queued for the next flush.
     */
    void writeNow(List<Hit> hits) {
        if (hits.isEmpty()) {
            return;
        }
        Hit visitor = hits.get(0);
        List<Hit> batch = new ArrayList<>();
        for (Hit waiting : queue) {
            if (waiting.address().equals(visitor.address()) && waiting.userAgent().equals(visitor.userAgent())) {
                batch.add(waiting);
            }
        }
        queue.removeAll(batch);
        batch.addAll(hits);
        try {
            writer.write(batch);
        } catch (RuntimeException e) {
            log.warn("Analytics: {} event(s) not written: {}", batch.size(), e.toString());
        }
    }

    @Scheduled(cron = "0 5 0 * * *", zone = "UTC")
    void forgetYesterday() {
        hashes.forgetBefore(java.time.LocalDate.now(java.time.ZoneOffset.UTC));
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        flush();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return app.flowmarket.shared.StartupPhases.WRITE_BUFFERS;
    }
}
