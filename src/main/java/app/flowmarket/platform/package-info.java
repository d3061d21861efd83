/**
 * Platform: web and security configuration, page layout support, error pages, i18n, embedded infrastructure.
 */
package app.flowmarket.platform;
