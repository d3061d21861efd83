/**
 * Privacy: a person's data export (a ZIP built in the background from every module's part) and account deletion
 * (a grace period, then every module erases or anonymises its part).
 */
@org.jspecify.annotations.NullMarked
package app.flowmarket.privacy;
