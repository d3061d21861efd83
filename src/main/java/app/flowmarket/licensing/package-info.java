/**
 * Licensing: entitlements (who owns which workflow, from which order line: granted and revoked as commerce's orders are paid
 * and refunded), the buyer's library and licensed downloads.
 */
@NullMarked
package app.flowmarket.licensing;

import org.jspecify.annotations.NullMarked;
