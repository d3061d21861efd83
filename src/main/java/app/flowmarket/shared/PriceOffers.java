package app.flowmarket.shared;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A workflow's price under a running promotion, for the pages of modules that commerce itself depends on
 * (the layout, the catalogue). Worked out at the moment asked, so a price switches exactly when a
 * promotion starts or ends, whatever a cache holds: caches keep list prices only.
 */
public interface PriceOffers {

    /** The promoted price, the list price it replaces, the percentage shown on the badge, and when it ends. */
    record Offer(Money price, Money was, int percentOff, Instant endsAt) {
    }

    Optional<Offer> offer(UUID workflowId, Money listPrice, Instant at);

    /**
     * Names the set of promotions running at that instant; it changes exactly when one starts or ends, so a
     * cache of whole pages keyed by it never serves a price from another window.
     */
    String window(Instant at);
}
