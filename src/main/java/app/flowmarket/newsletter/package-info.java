/**
 * Newsletter: double opt-in subscriptions without an account, one-click unsubscribe, subscriber export for admins.
 */
@NullMarked
package app.flowmarket.newsletter;

import org.jspecify.annotations.NullMarked;
