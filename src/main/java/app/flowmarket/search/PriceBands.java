package app.flowmarket.search;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Currency;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import app.flowmarket.search.SearchQuery.PriceRange;
import app.flowmarket.shared.CurrencyConverter;
import app.flowmarket.shared.Money;
import org.hibernate.search.util.common.data.Range;
import org.hibernate.search.util.common.data.RangeBoundInclusion;

/**
 * The price filter's bands in a visitor's currency: "Under 25", "25 to 50", "Over 50" in the currency's
 * usual scale (25 dollars, euros or pounds; 250 kronor; 2,500 yen), as ranges of the index's reference
 * price (micro-euros at the day's rates, {@link WorkflowIndexMapping#PRICE}). A band holds exactly the
 * listings whose price, converted and rounded as the cards show it, lies in it: "under 25" ends half of
 * the currency's smallest unit below 25 (a price shown as 24.99 is in it, one shown as 25.00 is not).
 */
public record PriceBands(Currency currency, Money low, Money high, Map<PriceRange, Range<Long>> ranges) {

    private static final BigDecimal LOW = BigDecimal.valueOf(25);
    private static final BigDecimal HIGH = BigDecimal.valueOf(50);

    public static PriceBands of(Currency currency, CurrencyConverter converter) {
        int scale = scale(currency, converter);
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        BigDecimal low = LOW.scaleByPowerOfTen(scale);
        BigDecimal high = HIGH.scaleByPowerOfTen(scale);
        BigDecimal half = BigDecimal.ONE.scaleByPowerOfTen(-digits).divide(BigDecimal.valueOf(2));
        Map<PriceRange, Range<Long>> ranges = new EnumMap<>(PriceRange.class);
        ranges.put(PriceRange.FREE, Range.between(0L, RangeBoundInclusion.INCLUDED, 0L, RangeBoundInclusion.INCLUDED));
        ranges.put(PriceRange.PAID, Range.atLeast(1L));
        Optional<Long> lowBound = converter.referenceMicros(low.subtract(half), currency);
        Optional<Long> highBound = converter.referenceMicros(high.add(half), currency);
        if (lowBound.isPresent() && highBound.isPresent()) {
            ranges.put(PriceRange.UNDER_25, Range.between(1L, RangeBoundInclusion.INCLUDED, lowBound.get(), RangeBoundInclusion.EXCLUDED));
            ranges.put(PriceRange.FROM_25_TO_50, Range.between(lowBound.get(), RangeBoundInclusion.INCLUDED, highBound.get(), RangeBoundInclusion.EXCLUDED));
            ranges.put(PriceRange.OVER_50, Range.atLeast(highBound.get()));
        }
        return new PriceBands(currency, Money.of(low.movePointRight(digits).longValueExact(), currency.getCurrencyCode()),
                Money.of(high.movePointRight(digits).longValueExact(), currency.getCurrencyCode()), Map.copyOf(ranges));
    }

    /**
     * Every band a price is in, in each of the currencies ("under-25:USD", "paid:USD", "from-25-to-50:GBP"...):
     * what a saved search's price filter is matched against, with the bounds the search filters on.
     */
    public static Set<String> bandsOf(Money price, Collection<Currency> currencies, CurrencyConverter converter) {
        Set<String> bands = new TreeSet<>();
        Optional<Long> reference = converter.referenceMicros(price.toDecimal(), price.currency());
        if (reference.isEmpty()) {
            return bands;
        }
        for (Currency currency : currencies) {
            PriceBands inCurrency = of(currency, converter);
            for (PriceRange range : PriceRange.values()) {
                if (inCurrency.contains(range, reference.get())) {
                    bands.add(SearchMatcher.priceBand(range, currency));
                }
            }
        }
        return bands;
    }

    /** Whether a reference price (micro-euros) lies in the band. */
    public boolean contains(PriceRange band, long referenceMicros) {
        Range<Long> range = ranges.get(band);
        return range != null && range.lowerBoundValue().map(low -> range.lowerBoundInclusion() == RangeBoundInclusion.INCLUDED
                        ? referenceMicros >= low : referenceMicros > low).orElse(true)
                && range.upperBoundValue().map(high -> range.upperBoundInclusion() == RangeBoundInclusion.INCLUDED
                        ? referenceMicros <= high : referenceMicros < high).orElse(true);
    }

    /**
     * The power of ten that makes 25 a usual price in the currency: 0 where one unit is worth about a euro
     * or more than a third of one, 1 for kronor and złoty, 2 for yen and rupees (the nearest power of ten
     * to the number of units a euro buys).
     */
    private static int scale(Currency currency, CurrencyConverter converter) {
        long microsPerUnit = converter.referenceMicros(BigDecimal.ONE, currency).orElse(1_000_000L);
        int scale = 0;
        // a unit worth less than 1/√10 euro moves the bands up a power of ten, and so on
        for (long bound = 316_228; microsPerUnit < bound && scale < 6; bound /= 10) {
            scale++;
        }
        return scale;
    }
}
