package app.flowmarket.commerce;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Expires open orders whose time is up, so that none waits forever for a payment. Durable (the state
 * is in the order rows, nothing in memory) and cluster-safe: every node sweeps, claiming rows with
 * {@code for update skip locked}. Pages show an overdue order as expired before the sweep gets to it.
 */
@Component
class OrderExpiry {

    private static final Logger log = LoggerFactory.getLogger(OrderExpiry.class);
    private static final int BATCH = 50;

    private final OrderManagement orders;

    OrderExpiry(OrderManagement orders) {
        this.orders = orders;
    }

    @Scheduled(fixedDelayString = "${flowmarket.commerce.expiry-sweep-interval:PT1M}", initialDelayString = "${flowmarket.commerce.expiry-sweep-interval:PT1M}")
    void sweep() {
        int expired;
        int total = 0;
        do {
            expired = orders.expireOverdue(BATCH);
            total += expired;
        } while (expired == BATCH);
        if (total > 0) {
            log.info("Expired {} unpaid order(s)", total);
        }
    }
}
