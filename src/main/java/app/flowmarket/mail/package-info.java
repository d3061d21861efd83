/**
 * Outgoing e-mail: an outbox table written in the sender's transaction and a dispatcher that delivers over SMTP with retries.
 */
package app.flowmarket.mail;
