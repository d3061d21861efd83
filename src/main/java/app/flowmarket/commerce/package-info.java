/**
 * Commerce: carts, the pricing engine, checkout, orders and receipts, refunds, the money ledger and seller bundles.
 */
@NullMarked
package app.flowmarket.commerce;

import org.jspecify.annotations.NullMarked;
