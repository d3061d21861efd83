package app.flowmarket.currency;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import app.flowmarket.IntegrationTest;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ECB adapter and its daily job against a local HTTP server serving the ECB's document
 * (eurofxref-daily.xml, in its published format), on the real database. Each test leaves the rates in
 * force as it found them: other tests share the database.
 */
@IntegrationTest
class EcbExchangeRatesIntegrationTests {

    static final String PATH = "/stats/eurofxref/eurofxref-daily.xml";
    // a Tuesday after the ECB's publication
    static final Instant NOW = Instant.parse("2026-11-24T15:30:00Z");
    static final LocalDate FEED_DAY = LocalDate.of(2026, 11, 24);

    @Autowired
    RateTable table;

    @Autowired
    JdbcClient jdbc;

    WireMockServer ecb;
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @BeforeEach
    void start() {
        ecb = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        ecb.start();
        forgetFetches();
    }

    @AfterEach
    void stop() {
        ecb.stop();
        jdbc.sql("delete from exchange_rate where source = 'ecb'").update();
        forgetFetches();
        table.forget();
    }

    void forgetFetches() {
        jdbc.sql("delete from scheduled_run where name = ?").param(EcbRatesSchedule.JOB).update();
    }

    EcbRatesSchedule schedule() {
        EcbExchangeRates rates = new EcbExchangeRates(table, new EcbFeed(URI.create("http://127.0.0.1:" + ecb.port() + PATH)), clock);
        return new EcbRatesSchedule(rates, jdbc, Duration.ofMinutes(15), clock);
    }

    void serve(String xml) {
        ecb.stubFor(get(PATH).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(xml)));
    }

    static String sample() throws Exception {
        return new String(EcbFeedTests.sample(), StandardCharsets.UTF_8);
    }

    record Run(Instant nextRunAt, String lastError) {
    }

    Run run() {
        return jdbc.sql("select next_run_at, last_error from scheduled_run where name = ?").param(EcbRatesSchedule.JOB)
                .query((rs, i) -> new Run(rs.getTimestamp(1).toInstant(), rs.getString(2))).single();
    }

    @Test
    void storesTheDaysRatesWhichAreInForceAtOnceAndFetchesAgainAfterTheNextPublication() throws Exception {
        serve(sample());

        assertThat(schedule().runIfDue()).isTrue();

        DailyRates inForce = table.current();
        assertThat(inForce.date()).isEqualTo(FEED_DAY);
        assertThat(inForce.source()).isEqualTo("ecb");
        assertThat(inForce.perEuro(Currency.getInstance("USD"))).hasValueSatisfying(rate -> assertThat(rate).isEqualByComparingTo("1.158"));
        assertThat(jdbc.sql("select count(*) from exchange_rate where rate_date = ? and source = 'ecb'").param(FEED_DAY)
                .query(Integer.class).single()).isEqualTo(30);
        // Wednesday, after the ECB's publication around 16:00 CET
        assertThat(run()).isEqualTo(new Run(Instant.parse("2026-11-25T15:15:00Z"), null));
        // not due again today: nothing is fetched twice
        assertThat(schedule().runIfDue()).isFalse();
        ecb.verify(1, getRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void onlyOneNodeFetchesWhenSeveralLookAtOnce() throws Exception {
        ecb.stubFor(get(PATH).willReturn(aResponse().withStatus(200).withBody(sample()).withFixedDelay(500)));
        ExecutorService nodes = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Boolean>> looks = List.of(() -> schedule().runIfDue(), () -> schedule().runIfDue(),
                    () -> schedule().runIfDue(), () -> schedule().runIfDue());
            long fetched = 0;
            for (Future<Boolean> look : nodes.invokeAll(looks)) {
                fetched += look.get() ? 1 : 0;
            }
            assertThat(fetched).isEqualTo(1);
        } finally {
            nodes.shutdownNow();
        }
        ecb.verify(1, getRequestedFor(urlEqualTo(PATH)));
        assertThat(table.current().date()).isEqualTo(FEED_DAY);
    }

    @Test
    void aRateThatMovedByMoreThanAQuarterIsRefusedAndTriedAgainLater() throws Exception {
        LocalDate before = table.current().date();
        serve(sample().replace("rate='1.1580'", "rate='2.5000'"));

        assertThat(schedule().runIfDue()).isTrue();

        assertThat(table.current().date()).isEqualTo(before);
        assertThat(run().lastError()).contains("USD").contains("refused");
        assertThat(run().nextRunAt()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
    }

    @Test
    void anUnreachableFeedChangesNothingAndIsTriedAgainLater() {
        LocalDate before = table.current().date();
        BigDecimal dollar = table.current().perEuro(Currency.getInstance("USD")).orElseThrow();
        ecb.stubFor(get(PATH).willReturn(aResponse().withStatus(503).withBody("<html>Maintenance</html>")));

        assertThat(schedule().runIfDue()).isTrue();

        assertThat(table.current().date()).isEqualTo(before);
        assertThat(table.current().perEuro(Currency.getInstance("USD"))).contains(dollar);
        assertThat(run().lastError()).contains("503");
        assertThat(run().nextRunAt()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
    }

    @Test
    void aDayNotYetPublishedIsLookedForAgainWithinTheHour() throws Exception {
        // at 10:00 UTC the document still holds the day before
        clock = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);
        serve(sample());

        assertThat(schedule().runIfDue()).isTrue();

        assertThat(run().nextRunAt()).isEqualTo(Instant.parse("2026-11-25T11:00:00Z"));
    }
}
