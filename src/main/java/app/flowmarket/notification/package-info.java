/**
 * Notifications: in-app notifications (grouped, deduplicated, live bell) and notification e-mails, made from other
 * modules' events and filtered by each person's preferences.
 */
@NullMarked
package app.flowmarket.notification;

import org.jspecify.annotations.NullMarked;
