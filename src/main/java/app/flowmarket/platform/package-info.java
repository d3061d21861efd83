/**
 * Platform: web and security configuration, page layout support, error pages, i18n, embedded infrastructure.
 */
@NullMarked
package app.flowmarket.platform;

import org.jspecify.annotations.NullMarked;
