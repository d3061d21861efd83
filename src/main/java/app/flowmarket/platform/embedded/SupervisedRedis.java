package app.flowmarket.platform.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import org.apache.commons.logging.Log;
import org.jspecify.annotations.Nullable;
import redis.embedded.RedisServer;

/**
 * The embedded Redis. In the product's default run it keeps an append-only file in the data
 * directory (sessions and carts survive a restart) and is started again when its process dies.
 * In tests it is never restarted behind a test's back.
 */
final class SupervisedRedis {

    private static final long CHECK_EVERY_MS = 1_000;

    private final RedisServer server;
    private final int port;
    private final @Nullable Log log;
    private volatile boolean wanted;
    private @Nullable Thread supervisor;

    private SupervisedRedis(RedisServer server, int port, @Nullable Log log) {
        this.server = server;
        this.port = port;
        this.log = log;
    }

    /** For tests: data kept in a throw-away directory (a stop and restart keeps sessions), never supervised. */
    static SupervisedRedis unsupervised(int port, Path dir) {
        try {
            Files.createDirectories(dir);
            return new SupervisedRedis(RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                    .setting("dir " + dir)
                    .setting("save \"\"")
                    .setting("appendonly yes")
                    .setting("appendfsync always")
                    .build(), port, null);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the embedded Redis", e);
        }
    }

    static SupervisedRedis durable(int port, Path dir, Log log) {
        try {
            Files.createDirectories(dir);
            return new SupervisedRedis(RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                    .setting("dir " + dir)
                    .setting("pidfile " + dir.resolve("redis.pid"))
                    .setting("appendonly yes")
                    .setting("appendfsync everysec")
                    .setting("save \"\"")
                    .build(), port, log);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the embedded Redis", e);
        }
    }

    int port() {
        return port;
    }

    synchronized void start() {
        wanted = true;
        try {
            if (!server.isActive()) {
                server.start();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded Redis", e);
        }
        if (log != null && supervisor == null) {
            supervisor = Thread.ofPlatform().daemon().name("embedded-redis-supervisor").start(this::supervise);
        }
    }

    /** Stops Redis until {@link #start()} (an outage on purpose); the supervisor leaves it down. */
    synchronized void stop() {
        wanted = false;
        try {
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops Redis for good when the app stops. */
    void shutdown() {
        Thread watcher;
        synchronized (this) {
            watcher = supervisor;
            supervisor = null;
        }
        if (watcher != null) {
            watcher.interrupt();
        }
        stop();
    }

    private void supervise() {
        int failures = 0;
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(CHECK_EVERY_MS);
            } catch (InterruptedException e) {
                return;
            }
            if (!wanted || answers()) {
                failures = 0;
                continue;
            }
            if (++failures >= 2) {
                restart();
                failures = 0;
            }
        }
    }

    private synchronized void restart() {
        if (!wanted || Thread.currentThread().isInterrupted()) {
            return;
        }
        Log log = Objects.requireNonNull(this.log); // only a supervised Redis (one with a log) is restarted
        log.warn("Embedded Redis on port " + port + " stopped unexpectedly; starting it again");
        try {
            server.stop();
            server.start();
            log.info("Embedded Redis is running again on port " + port);
        } catch (IOException | RuntimeException e) {
            log.error("Could not restart the embedded Redis: " + e.getMessage());
        }
    }

    private boolean answers() {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
