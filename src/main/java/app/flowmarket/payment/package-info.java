/**
 * Payments: the {@link app.flowmarket.payment.PaymentGateway} port (built-in test processor, Stripe adapter),
 * signed webhooks turned into PaymentSucceeded / PaymentFailed events, refunds.
 */
@NullMarked
package app.flowmarket.payment;

import org.jspecify.annotations.NullMarked;
