/**
 * Seller webhooks: HTTPS endpoints a seller registers for chosen events (a sale, a refund, a review, a question),
 * delivered in the background following the Standard Webhooks specification (signed, retried with backoff,
 * logged), refused when they point inside our network.
 */
@NullMarked
package app.flowmarket.webhook;

import org.jspecify.annotations.NullMarked;
