package app.flowmarket.platform.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import redis.embedded.RedisServer;

/**
 * Starts an embedded PostgreSQL, Redis and SMTP server for every part that is not configured to
 * use an external server, so that {@code ./mvnw spring-boot:run} works on a machine with only a JDK.
 * The servers live as long as the JVM: test contexts share them.
 */
public class EmbeddedInfrastructure implements EnvironmentPostProcessor, Ordered {

    private static EmbeddedPostgres postgres;
    private static RedisServer redis;
    private static int redisPort;
    private static GreenMail greenMail;
    private static int smtpPort;
    private static Path ephemeralDir;

    private final Log log;

    public EmbeddedInfrastructure(DeferredLogFactory logs) {
        this.log = logs.getLog(EmbeddedInfrastructure.class);
    }

    /** The embedded SMTP server, or null when mail goes to an external server. */
    public static synchronized GreenMail greenMail() {
        return greenMail;
    }

    /** Stops the embedded Redis (tests use this to prove the site survives an outage). */
    public static synchronized void stopRedis() {
        if (redis != null && redis.isActive()) {
            try {
                redis.stop();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (!env.getProperty("flowmarket.embedded.enabled", Boolean.class, true)) {
            return;
        }
        boolean ephemeral = env.getProperty("flowmarket.embedded.ephemeral", Boolean.class, false);
        Path dataDir = ephemeral ? ephemeralDir() : Path.of(env.getProperty("flowmarket.data-dir", "./data"));
        Map<String, Object> props = new HashMap<>();
        if (ephemeral) {
            props.put("flowmarket.data-dir", dataDir.toString());
            // several test contexts share one database in a JVM, but each needs its own search index
            props.put("spring.jpa.properties.hibernate.search.backend.directory.root",
                    dataDir.resolve("search-index-" + java.util.UUID.randomUUID()).toString());
        }
        synchronized (EmbeddedInfrastructure.class) {
            if (!env.containsProperty("spring.datasource.url")) {
                startPostgres(dataDir, ephemeral ? 0 : env.getProperty("flowmarket.embedded.postgres-port", Integer.class, 15432));
                props.put("spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"));
                props.put("spring.datasource.username", "postgres");
                props.put("spring.datasource.password", "");
            }
            if (!env.containsProperty("spring.data.redis.url") && !env.containsProperty("spring.data.redis.host")) {
                startRedis(ephemeral ? freePort() : env.getProperty("flowmarket.embedded.redis-port", Integer.class, 16379));
                props.put("spring.data.redis.host", "127.0.0.1");
                props.put("spring.data.redis.port", redisPort);
            }
            if (!env.containsProperty("spring.mail.host")) {
                int port = ephemeral ? freePort() : env.getProperty("flowmarket.embedded.smtp-port", Integer.class, 3025);
                startSmtp(port);
                props.put("spring.mail.host", "127.0.0.1");
                props.put("spring.mail.port", greenMail.getSmtp().getPort());
                props.put("flowmarket.mail.dev-mailbox", true);
            }
        }
        env.getPropertySources().addFirst(new MapPropertySource("flowmarketEmbedded", props));
    }

    private void startPostgres(Path dataDir, int port) {
        if (postgres != null) {
            return;
        }
        try {
            Path pgData = dataDir.resolve("postgres").toAbsolutePath();
            Files.createDirectories(pgData);
            var builder = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "200")
                    .setOverrideWorkingDirectory(dataDir.resolve("postgres-bin").toAbsolutePath().toFile());
            if (port > 0) {
                builder.setPort(port);
            }
            postgres = builder.start();
            log.info("Embedded PostgreSQL running on port " + postgres.getPort() + " with data in " + pgData);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }

    private void startRedis(int port) {
        if (redis != null) {
            return;
        }
        try {
            redisPort = port;
            redis = RedisServer.newRedisServer()
                    .port(port)
                    .bind("127.0.0.1")
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .build();
            redis.start();
            Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedInfrastructure::stopRedis));
            log.info("Embedded Redis running on port " + port);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded Redis", e);
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

    /** Restarts the embedded Redis on its old port after {@link #stopRedis()}. */
    public static synchronized void restartRedis() {
        try {
            if (redis != null && !redis.isActive()) {
                redis.start();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void startSmtp(int port) {
        if (greenMail != null) {
            return;
        }
        smtpPort = port;
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedInfrastructure::stopSmtp));
        log.info("Embedded SMTP server running on port " + port + "; mails are shown at /dev/mailbox");
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

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
