/**
 * Payouts: what the platform owes each seller from the ledger once the refund window has passed, the seller's bank
 * details, payout batches the admin creates and marks sent or failed, and the seller's payout history.
 */
@NullMarked
package app.flowmarket.payout;

import org.jspecify.annotations.NullMarked;
