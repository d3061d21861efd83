/**
 * Payments: the {@link app.flowmarket.payment.PaymentGateway} port (built-in test processor, Stripe adapter),
 * signed webhooks turned into PaymentSucceeded / PaymentFailed events, refunds.
 */
package app.flowmarket.payment;
