package app.flowmarket.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.flowmarket.FlowmarketApplication;
import app.flowmarket.support.WebSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The product as a newcomer meets it: the application started as its own process on an empty data
 * directory with its embedded defaults and demo data, the first page loaded the moment the port
 * answers, a second instance on the same directory, Redis killed under it, and SIGTERM.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirstStartIntegrationTests {

    private static final Pattern COUNT = Pattern.compile("<p role=\"status\" class=\"muted\">(\\d+) workflows</p>");
    private static final Pattern POSTGRES_PORT = Pattern.compile("Embedded PostgreSQL running on port (\\d+)");

    @TempDir
    static Path dataDir;

    static App app;
    static String firstPage;

    record App(Process process, int port, Path log) {

        String output() {
            try {
                return Files.readString(log, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        int postgresPort() {
            Matcher m = POSTGRES_PORT.matcher(output());
            assertThat(m.find()).as("PostgreSQL port in the log").isTrue();
            return Integer.parseInt(m.group(1));
        }
    }

    @BeforeAll
    static void startOnAnEmptyDataDirectory() throws Exception {
        int port = freePort();
        app = launch(dataDir, port, "first");
        // the first request is sent the moment the port accepts connections, as an eager person would
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(50)).until(() -> {
            assertThat(app.process().isAlive()).as("the app is running\n" + app.output()).isTrue();
            return accepts(port);
        });
        firstPage = new WebSession(port).get("/workflows").assertStatus(200).body();
    }

    @AfterAll
    static void stop() {
        if (app != null && app.process().isAlive()) {
            app.process().destroyForcibly();
        }
    }

    @Test
    @Order(1)
    void theFirstPageServedShowsTheWholeDemoCatalogueAndEveryCardCanBePagedThrough() throws Exception {
        long published;
        try (var db = DriverManager.getConnection("jdbc:postgresql://localhost:" + app.postgresPort() + "/postgres", "postgres", "");
             var rs = db.createStatement().executeQuery("select count(*) from workflow where status = 'PUBLISHED'")) {
            rs.next();
            published = rs.getLong(1);
        }
        assertThat(published).isGreaterThan(24);
        assertThat(total(firstPage)).isEqualTo(published);
        assertThat(cards(firstPage)).isEqualTo(24);

        WebSession visitor = new WebSession(app.port());
        long seen = 0;
        List<Integer> perPage = new ArrayList<>();
        for (int page = 1; page <= (published + 23) / 24; page++) {
            String body = visitor.get("/workflows?page=" + page).assertStatus(200).body();
            assertThat(total(body)).isEqualTo(published);
            perPage.add(cards(body));
            seen += cards(body);
        }
        assertThat(seen).as("cards per page " + perPage).isEqualTo(published);
    }

    @Test
    @Order(2)
    void theDemoAccountsSignInAtOnce() {
        WebSession buyer = new WebSession(app.port()).signIn("buyer@demo.flowmarket.app", "flowmarket-demo");
        assertThat(buyer.get("/library").status()).isEqualTo(200);
    }

    @Test
    @Order(3)
    void theEmbeddedDatabaseWritesEveryCommitToDisk() throws SQLException {
        try (var db = DriverManager.getConnection("jdbc:postgresql://localhost:" + app.postgresPort() + "/postgres", "postgres", "");
             var st = db.createStatement()) {
            for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                try (var rs = st.executeQuery("show " + setting)) {
                    rs.next();
                    assertThat(rs.getString(1)).as(setting).isEqualTo("on");
                }
            }
        }
    }

    @Test
    @Order(4)
    void aSecondInstanceOnTheSameDataDirectoryIsRefusedInOneSentence() throws Exception {
        App second = launch(dataDir, freePort(), "second");
        assertThat(second.process().waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(second.process().exitValue()).isNotZero();
        String output = second.output();
        assertThat(output).contains("is already in use by another running Flowmarket.");
        assertThat(output).doesNotContain("\tat app.flowmarket", "Exception:");
        assertThat(app.process().isAlive()).isTrue();
    }

    @Test
    @Order(5)
    void aKilledEmbeddedRedisIsStartedAgainAndSessionsSurviveIt() throws Exception {
        WebSession buyer = new WebSession(app.port()).signIn("buyer@demo.flowmarket.app", "flowmarket-demo");
        Thread.sleep(1_500); // Redis writes its append-only file to disk once a second
        long pid = Long.parseLong(Files.readString(dataDir.resolve("redis/redis.pid")).strip());
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();

        await().atMost(Duration.ofSeconds(30)).until(() -> app.output().contains("Embedded Redis is running again"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(buyer.get("/settings").status()).as("still signed in").isEqualTo(200));
    }

    @Test
    @Order(6)
    void sigtermStopsTheAppAndItsServersInOrderWithinTenSeconds() throws Exception {
        long postgresPid = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).strip());
        app.process().destroy(); // SIGTERM
        assertThat(app.process().waitFor(10, TimeUnit.SECONDS)).as("stopped within 10 s\n" + tail(app.output())).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> ProcessHandle.of(postgresPid).map(p -> !p.isAlive()).orElse(true));
        String output = app.output();
        assertThat(output).doesNotContain("destroy method failed", "Unable to shut down Hibernate Search");
    }

    private static long total(String page) {
        Matcher m = COUNT.matcher(page);
        assertThat(m.find()).as("the result count on the page").isTrue();
        return Long.parseLong(m.group(1));
    }

    private static int cards(String page) {
        return page.split("<article class=\"card\"", -1).length - 1;
    }

    private static String tail(String output) {
        return output.substring(Math.max(0, output.length() - 4000));
    }

    private static App launch(Path dataDir, int port, String name) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = Files.createTempFile("flowmarket-" + name, ".log");
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                FlowmarketApplication.class.getName(),
                "--flowmarket.data-dir=" + dataDir, "--server.port=" + port, "--flowmarket.demo.enabled=true")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new App(process, port, log);
    }

    private static boolean accepts(int port) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
