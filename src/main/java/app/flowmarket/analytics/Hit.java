package app.flowmarket.analytics;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One tracked event waiting in memory to be written. A page view knows only its path's slug (it is
 * resolved to its store when written); the address and browser are there to compute the visitor's hash
 * of the day when written and are never stored.
 */
record Hit(Instant at, Kind kind, @Nullable String workflowSlug, @Nullable String storeSlug, @Nullable UUID storeId,
           @Nullable UUID itemId, @Nullable UUID orderId, String address, String userAgent, TrafficSource source) {

    enum Kind { VIEW, CART, CHECKOUT, PURCHASE }

    static Hit workflowView(Instant at, String slug, String address, String userAgent, TrafficSource source) {
        return new Hit(at, Kind.VIEW, slug, null, null, null, null, address, userAgent, source);
    }

    static Hit storeView(Instant at, String slug, String address, String userAgent, TrafficSource source) {
        return new Hit(at, Kind.VIEW, null, slug, null, null, null, address, userAgent, source);
    }
}
