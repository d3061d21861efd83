/**
 * Analytics: first-party tracking of store and workflow pages, carts, checkouts and sales, daily rollups, and the seller's dashboard and exports.
 */
@NullMarked
package app.flowmarket.analytics;

import org.jspecify.annotations.NullMarked;
