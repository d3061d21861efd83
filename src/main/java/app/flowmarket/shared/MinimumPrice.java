package app.flowmarket.shared;

import java.util.Currency;

/**
 * The platform minimum of a paid price, in a currency: no discount takes a paid line below it, and a seller cannot
 * ask less for a paid workflow. The pricing engine ({@code commerce.Pricing}) owns the rule; this is how the
 * modules that commerce itself depends on (the catalogue's listing rules) reach it.
 */
public interface MinimumPrice {

    /** The minimum in that currency, rounded up to its minor unit. */
    Money minimumPrice(Currency currency);
}
