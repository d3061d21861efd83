@NullMarked
package app.flowmarket.notification.web;

import org.jspecify.annotations.NullMarked;
