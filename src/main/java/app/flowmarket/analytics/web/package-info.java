@NullMarked
package app.flowmarket.analytics.web;

import org.jspecify.annotations.NullMarked;
