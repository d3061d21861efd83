package app.flowmarket.currency;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A new day of exchange rates stored as the daily fetch stores it (and announced the same way), for tests and benchmarks of
 * what follows a change of rates; taken back afterwards so that the rates in force are the ones before.
 */
public final class RatesFixture {

    private final RateTable table;
    private final JdbcClient jdbc;

    public RatesFixture(ApplicationContext context) {
        this.table = context.getBean(RateTable.class);
        this.jdbc = context.getBean(JdbcClient.class);
    }

    /** The rates in force with one currency's rate per euro multiplied by {@code factor}, stored as the day after the newest; that day. */
    public LocalDate storeChanged(String currency, BigDecimal factor) {
        table.forget();
        DailyRates now = table.current();
        Map<String, BigDecimal> perEuro = new LinkedHashMap<>(now.perEuro());
        perEuro.computeIfPresent(currency, (code, rate) -> rate.multiply(factor).setScale(6, RoundingMode.HALF_UP));
        LocalDate day = now.date().plusDays(1);
        table.store(new DailyRates(day, "test", perEuro));
        return day;
    }

    /** Takes back the rates stored for {@code day}: the day before them is in force again. */
    public void remove(LocalDate day) {
        jdbc.sql("delete from exchange_rate where rate_date = ? and source = 'test'").param(day).update();
        table.forget();
    }
}
