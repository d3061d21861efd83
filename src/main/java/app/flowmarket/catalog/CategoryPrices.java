package app.flowmarket.catalog;

import java.util.Optional;
import java.util.UUID;

import app.flowmarket.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What paid listings of a category usually cost: the median price of its published ones in one currency. */
@Service
public class CategoryPrices {

    /** Fewer paid listings than this say nothing about a category's usual price. */
    static final int MINIMUM_LISTINGS = 5;

    private final JdbcClient jdbc;

    CategoryPrices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The median price of the category's published paid listings in that currency, other than the one asked about. */
    @Transactional(readOnly = true)
    public Optional<Money> usual(UUID categoryId, String currency, UUID except) {
        record Median(long count, long median) {
        }
        Median median = jdbc.sql("""
                select count(*) as count, coalesce(percentile_disc(0.5) within group (order by price_minor), 0) as median from workflow
                where category_id = ? and currency = ? and status = 'PUBLISHED' and price_minor > 0 and id <> ?""")
                .params(categoryId, currency, except).query(Median.class).single();
        return median.count() < MINIMUM_LISTINGS ? Optional.empty() : Optional.of(Money.of(median.median(), currency));
    }
}
