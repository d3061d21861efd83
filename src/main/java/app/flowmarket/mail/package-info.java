/**
 * Outgoing e-mail: an outbox table written in the sender's transaction and a dispatcher that delivers over SMTP with retries.
 */
@NullMarked
package app.flowmarket.mail;

import org.jspecify.annotations.NullMarked;
