package app.flowmarket.platform.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.commons.logging.Log;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts an embedded PostgreSQL, Redis and SMTP server for every part that is not configured to
 * use an external server, so that {@code ./mvnw spring-boot:run} works on a machine with only a JDK.
 * The servers live as long as the JVM (test contexts share them) and stop after the application
 * context has closed, so nothing still running in Spring loses its database mid-shutdown.
 * <p>
 * The data directory, not a port, is what identifies an instance: it is locked while the app runs
 * (a second app on the same directory is refused), and a default port that something else holds is
 * replaced by a free one.
 */
public class EmbeddedInfrastructure implements EnvironmentPostProcessor, Ordered {

    static final int DEFAULT_WEB_PORT = 8080;

    private static @Nullable EmbeddedPostgres postgres;
    private static @Nullable SupervisedRedis redis;
    private static @Nullable GreenMail greenMail;
    private static int smtpPort;
    private static @Nullable Path ephemeralDir;
    private static @Nullable DataDirectoryLock lock;
    private static boolean stopRegistered;

    private final Log log;

    public EmbeddedInfrastructure(DeferredLogFactory logs) {
        this.log = logs.getLog(EmbeddedInfrastructure.class);
    }

    /** The embedded SMTP server, or null when mail goes to an external server. */
    public static synchronized @Nullable GreenMail greenMail() {
        return greenMail;
    }

    /** Stops the embedded Redis (tests use this to prove the site survives an outage); it stays down until restarted. */
    public static synchronized void stopRedis() {
        if (redis != null) {
            redis.stop();
        }
    }

    /** Restarts the embedded Redis on its old port after {@link #stopRedis()}. */
    public static synchronized void restartRedis() {
        if (redis != null) {
            redis.start();
        }
    }

    /** Stops the embedded SMTP server (tests use this to prove mail survives an outage). */
    public static synchronized void stopSmtp() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    /** Starts a fresh embedded SMTP server on the old port after {@link #stopSmtp()}. */
    public static synchronized void restartSmtp() {
        if (greenMail != null) {
            greenMail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            greenMail.start();
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        Map<String, Object> props = new HashMap<>();
        if (!env.containsProperty("server.port")) {
            int web = LocalPorts.nearby(DEFAULT_WEB_PORT);
            if (web != DEFAULT_WEB_PORT) {
                log.warn("Port " + DEFAULT_WEB_PORT + " is taken; Flowmarket is served on http://localhost:" + web
                        + " instead (set server.port to choose)");
            }
            props.put("server.port", web);
        }
        if (!env.getProperty("flowmarket.embedded.enabled", Boolean.class, true)) {
            env.getPropertySources().addFirst(new MapPropertySource("flowmarketEmbedded", props));
            return;
        }
        boolean ephemeral = env.getProperty("flowmarket.embedded.ephemeral", Boolean.class, false);
        Path dataDir = ephemeral ? ephemeralDir() : Path.of(env.getProperty("flowmarket.data-dir", "./data")).toAbsolutePath().normalize();
        if (ephemeral) {
            props.put("flowmarket.data-dir", dataDir.toString());
            // several test contexts share one database in a JVM, but each needs its own search index
            props.put("spring.jpa.properties.hibernate.search.backend.directory.root",
                    dataDir.resolve("search-index-" + UUID.randomUUID()).toString());
        }
        synchronized (EmbeddedInfrastructure.class) {
            if (!ephemeral && lock == null) {
                lock = DataDirectoryLock.acquire(dataDir);
            }
            if (!env.containsProperty("spring.datasource.url")) {
                startPostgres(dataDir, ephemeral, env.getProperty("flowmarket.embedded.postgres-port", Integer.class, 15432));
                props.put("spring.datasource.url", Objects.requireNonNull(postgres).getJdbcUrl("postgres", "postgres"));
                props.put("spring.datasource.username", "postgres");
                props.put("spring.datasource.password", "");
            }
            if (!env.containsProperty("spring.data.redis.url") && !env.containsProperty("spring.data.redis.host")) {
                startRedis(dataDir, ephemeral, env.getProperty("flowmarket.embedded.redis-port", Integer.class, 16379));
                props.put("spring.data.redis.host", "127.0.0.1");
                props.put("spring.data.redis.port", Objects.requireNonNull(redis).port());
            }
            if (!env.containsProperty("spring.mail.host")) {
                startSmtp(ephemeral ? LocalPorts.free() : portFor("SMTP", env.getProperty("flowmarket.embedded.smtp-port", Integer.class, 3025)));
                props.put("spring.mail.host", "127.0.0.1");
                props.put("spring.mail.port", Objects.requireNonNull(greenMail).getSmtp().getPort());
                props.put("flowmarket.mail.dev-mailbox", true);
            }
            registerStop();
        }
        env.getPropertySources().addFirst(new MapPropertySource("flowmarketEmbedded", props));
    }

    private int portFor(String server, int preferred) {
        int port = LocalPorts.preferred(preferred);
        if (port != preferred) {
            log.info("Port " + preferred + " for the embedded " + server + " server is taken; using " + port);
        }
        return port;
    }

    private void startPostgres(Path dataDir, boolean ephemeral, int preferredPort) {
        if (postgres != null) {
            return;
        }
        try {
            Path pgData = dataDir.resolve("postgres").toAbsolutePath();
            Files.createDirectories(pgData);
            // a server left running by an instance that was killed (kill -9, power off) still holds the files
            OrphanProcesses.stop(pgData.resolve("postmaster.pid"), "PostgreSQL", log);
            var builder = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "200")
                    .setOverrideWorkingDirectory(dataDir.resolve("postgres-bin").toAbsolutePath().toFile());
            if (ephemeral) {
                // a throw-away test database trades durability for speed
                builder.setServerConfig("synchronous_commit", "off");
            } else {
                // the product's own data store: every commit reaches the disk before it is confirmed
                builder.setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on")
                        .setPort(portFor("PostgreSQL", preferredPort));
            }
            postgres = builder.start();
            log.info("Embedded PostgreSQL running on port " + postgres.getPort() + " with data in " + pgData);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }

    private void startRedis(Path dataDir, boolean ephemeral, int preferredPort) {
        if (redis != null) {
            return;
        }
        if (ephemeral) {
            redis = SupervisedRedis.unsupervised(LocalPorts.free(), dataDir.resolve("redis-" + UUID.randomUUID()));
        } else {
            Path redisDir = dataDir.resolve("redis").toAbsolutePath();
            OrphanProcesses.stop(redisDir.resolve("redis.pid"), "Redis", log);
            redis = SupervisedRedis.durable(portFor("Redis", preferredPort), redisDir, log);
        }
        redis.start();
        log.info("Embedded Redis running on port " + redis.port() + (ephemeral ? "" : " with data in " + dataDir.resolve("redis")));
    }

    private void startSmtp(int port) {
        if (greenMail != null) {
            return;
        }
        smtpPort = port;
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        log.info("Embedded SMTP server running on port " + port + "; mails are shown at /dev/mailbox");
    }

    /**
     * The servers stop after Spring has closed every application context (Spring Boot runs its shutdown
     * handlers then), not beside it: a JVM runs its shutdown hooks all at once, in no order.
     */
    private static void registerStop() {
        if (!stopRegistered) {
            stopRegistered = true;
            SpringApplication.getShutdownHandlers().add(EmbeddedInfrastructure::stopAll);
        }
    }

    static synchronized void stopAll() {
        if (redis != null) {
            redis.shutdown();
        }
        if (greenMail != null) {
            greenMail.stop();
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException | RuntimeException e) {
                // the JVM is exiting; PostgreSQL recovers from its write-ahead log at the next start
            }
            postgres = null;
        }
        if (lock != null) {
            lock.release();
            lock = null;
        }
    }

    private static synchronized Path ephemeralDir() {
        if (ephemeralDir == null) {
            try {
                ephemeralDir = Files.createTempDirectory("flowmarket-test");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return ephemeralDir;
    }
}
