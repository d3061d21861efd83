/**
 * Accounts: sign-up, e-mail verification, sign-in, password reset and change, roles.
 */
@NullMarked
package app.flowmarket.account;

import org.jspecify.annotations.NullMarked;
