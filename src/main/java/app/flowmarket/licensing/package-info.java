/**
 * Licensing: entitlements (who owns which workflow, from which order line), the buyer's library and licensed downloads.
 */
package app.flowmarket.licensing;
