/**
 * Audit log: an append-only record of every security- or money-relevant action (who, what, target, when, from where).
 */
package app.flowmarket.audit;
