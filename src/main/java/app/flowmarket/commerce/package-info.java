/**
 * Commerce: carts, the pricing engine, checkout, orders and receipts, refunds, the money ledger and seller bundles.
 */
package app.flowmarket.commerce;
