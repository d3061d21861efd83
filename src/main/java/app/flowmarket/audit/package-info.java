/**
 * Audit log: an append-only record of every security- or money-relevant action (who, what, target, when, from where).
 */
@NullMarked
package app.flowmarket.audit;

import org.jspecify.annotations.NullMarked;
