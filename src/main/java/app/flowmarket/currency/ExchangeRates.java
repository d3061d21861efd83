package app.flowmarket.currency;

/**
 * The port to the day's reference exchange rates. Every node reads them from PostgreSQL; what differs is
 * where they come from: the stored table alone ({@code flowmarket.currency.source=stored}, the default:
 * the rates the migrations seeded, or whatever an operator stores), or the ECB's daily reference rates
 * ({@code flowmarket.currency.source=ecb}), fetched into the same table once a day by one node.
 */
public interface ExchangeRates {

    /** The rates in force: the newest day stored. */
    DailyRates current();

    /** Where new rates come from: {@code stored} or {@code ecb}. */
    String source();
}
