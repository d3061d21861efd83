package app.flowmarket.currency;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** The default adapter: the rates are what the {@code exchange_rate} table holds (seeded by the migrations, dated). */
@Component
@ConditionalOnProperty(name = "flowmarket.currency.source", havingValue = "stored", matchIfMissing = true)
class StoredExchangeRates implements ExchangeRates {

    private final RateTable table;

    StoredExchangeRates(RateTable table) {
        this.table = table;
    }

    @Override
    public DailyRates current() {
        return table.current();
    }

    @Override
    public String source() {
        return "stored";
    }
}
