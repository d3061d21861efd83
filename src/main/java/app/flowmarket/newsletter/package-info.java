/**
 * Newsletter: double opt-in subscriptions without an account, one-click unsubscribe, subscriber export for admins.
 */
package app.flowmarket.newsletter;
