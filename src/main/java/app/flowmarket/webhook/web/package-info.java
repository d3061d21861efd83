@NullMarked
package app.flowmarket.webhook.web;

import org.jspecify.annotations.NullMarked;
