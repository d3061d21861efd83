/**
 * Accounts: sign-up, e-mail verification, sign-in, password reset and change, roles.
 */
package app.flowmarket.account;
